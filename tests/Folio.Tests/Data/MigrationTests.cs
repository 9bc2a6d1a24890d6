using Folio.Data;
using Folio.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Folio.Tests.Data;

public sealed class MigrationTests(FolioApp app) : IClassFixture<FolioApp>
{
    [Fact]
    public async Task The_migrations_of_the_engine_in_use_match_the_model_and_are_all_applied()
    {
        Assert.False(await app.Query(db => Task.FromResult(db.Database.HasPendingModelChanges())), "the model changed without a migration: run dotnet ef migrations add for each engine");
        Assert.Empty(await app.Query(db => db.Database.GetPendingMigrationsAsync()));
    }

    [SqliteFact]
    public async Task Sqlite_runs_in_wal_mode_with_foreign_keys()
    {
        Assert.Equal("wal", await app.Query(db => db.Database.SqlQueryRaw<string>("SELECT journal_mode AS Value FROM pragma_journal_mode").SingleAsync()));
        Assert.Equal(1L, await app.Query(db => db.Database.SqlQueryRaw<long>("SELECT foreign_keys AS Value FROM pragma_foreign_keys").SingleAsync()));
    }

    [PostgresFact]
    public async Task Postgres_stores_ids_as_uuid_times_as_timestamptz_money_as_bigint_and_only_rates_as_numeric()
    {
        var columns = await app.Query(db => db.Database.SqlQueryRaw<ColumnType>(
            "SELECT column_name AS \"Column\", data_type AS \"Type\" FROM information_schema.columns WHERE table_schema = 'public' AND table_name = 'invoices'")
            .ToDictionaryAsync(c => c.Column, c => c.Type));
        Assert.Equal("uuid", columns["id"]);
        Assert.Equal("uuid", columns["customer_id"]);
        Assert.Equal("timestamp with time zone", columns["created_at"]);
        Assert.Equal("timestamp with time zone", columns["due_at"]);
        Assert.Equal("bigint", columns["total"]);
        Assert.Equal("bigint", columns["amount_remaining"]);
        Assert.Equal("numeric", columns["usd_per_unit"]);
        Assert.Equal(["discount_percent", "usd_per_unit"], columns.Where(c => c.Value == "numeric").Select(c => c.Key).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Servers_starting_together_on_a_new_database_all_start_and_create_one_ledger_connection()
    {
        var folder = Directory.CreateTempSubdirectory("folio-migrate-race-");
        await using var database = ProcessDatabase.In(folder.FullName, "race");
        var contexts = Enumerable.Range(0, 4).Select(_ => DatabaseSetup.Open(database.Setting)).ToList();
        try
        {
            using var start = new Barrier(contexts.Count);
            await Task.WhenAll(contexts.Select(db => Task.Run(async () =>
            {
                start.SignalAndWait();
                await db.MigrateAsync(TimeProvider.System);
            })));
            Assert.Equal(1, await contexts[0].BillingConnections.CountAsync());
            Assert.Empty(await contexts[0].Database.GetPendingMigrationsAsync());
        }
        finally
        {
            foreach (var db in contexts)
            {
                await db.DisposeAsync();
            }

            folder.Delete(recursive: true);
        }
    }


    private sealed record ColumnType(string Column, string Type);
}
