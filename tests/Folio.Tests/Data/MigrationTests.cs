using Folio.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Folio.Tests.Data;

public sealed class MigrationTests(FolioApp app) : IClassFixture<FolioApp>
{
    [Fact]
    public async Task The_migrations_match_the_model_and_leave_sqlite_in_wal_mode_with_foreign_keys()
    {
        Assert.False(await app.Query(db => Task.FromResult(db.Database.HasPendingModelChanges())), "the model changed without a migration: run dotnet ef migrations add");
        Assert.Empty(await app.Query(db => db.Database.GetPendingMigrationsAsync()));
        Assert.Equal("wal", await app.Query(db => db.Database.SqlQueryRaw<string>("SELECT journal_mode AS Value FROM pragma_journal_mode").SingleAsync()));
        Assert.Equal(1L, await app.Query(db => db.Database.SqlQueryRaw<long>("SELECT foreign_keys AS Value FROM pragma_foreign_keys").SingleAsync()));
    }
}
