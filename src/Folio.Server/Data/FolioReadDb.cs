using Microsoft.EntityFrameworkCore;

namespace Folio.Data;

/// <summary>
/// Folio's books for list and detail reads. With <c>FOLIO_DATABASE_READ</c> on PostgreSQL it reaches a hot standby (the
/// primary when no standby answers); otherwise it is the primary. It is not a <see cref="FolioDb"/>, so no operation that
/// changes the books can be handed one; and it refuses to save, for code that reaches the change tracker anyway.
/// </summary>
public sealed class FolioReadDb(DbContextOptions<FolioReadDb> options) : FolioBooks(options)
{
    public override int SaveChanges(bool acceptAllChangesOnSuccess) => throw ReadOnly();

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default) => throw ReadOnly();

    private static InvalidOperationException ReadOnly() => new("The read context only reads: changes go through FolioDb, on the primary.");
}
