using Folio.Audit;
using Microsoft.EntityFrameworkCore;

namespace Folio.Data;

/// <summary>Folio's books on the primary: every change, and every read that must see a change the same request made.</summary>
public sealed class FolioDb(DbContextOptions<FolioDb> options) : FolioBooks(options)
{
    /// <summary>Who is changing the books through this context, and what they are doing; null: no audit entry.</summary>
    public AuditScope? Audit { get; set; }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        AuditTrail.Collect(this);
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }
}
