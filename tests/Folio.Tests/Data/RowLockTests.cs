using Folio.Data;
using Folio.Invoices;
using Folio.Tests.Subscriptions;
using Folio.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Folio.Tests.Data;

/// <summary>
/// PostgreSQL's locks as Folio takes and gives them back: a change locks the invoice as it reads it, and a connection goes
/// back to the pool holding no lock (pooled connections are not reset between users).
/// </summary>
public sealed class RowLockTests(FolioApp app) : IClassFixture<FolioApp>
{
    [PostgresFact]
    public async Task Reading_an_invoice_for_a_change_locks_its_row_until_the_change_ends()
    {
        var books = app.Books();
        var invoice = Guid.Parse((await books.Open((await books.Organization()).Str("id"))).Str("id"));
        await using var changing = app.Services.CreateAsyncScope();
        await using var other = app.Services.CreateAsyncScope();
        var changer = changing.ServiceProvider.GetRequiredService<FolioDb>();
        var bystander = other.ServiceProvider.GetRequiredService<FolioDb>();

        await using (var change = await changer.Database.BeginTransactionAsync())
        {
            var loaded = await InvoiceChanges.LoadLocked(changer, invoice, default);
            Assert.NotNull(loaded);
            Assert.NotEmpty(loaded.Items);

            var refused = await Assert.ThrowsAsync<PostgresException>(() => TryLock(bystander, invoice));
            Assert.Equal(PostgresErrorCodes.LockNotAvailable, refused.SqlState);
            await change.RollbackAsync();
        }

        await TryLock(bystander, invoice);
    }

    [PostgresFact]
    public async Task After_a_bill_run_and_a_migration_no_connection_holds_an_advisory_lock()
    {
        var admin = app.Admin();
        var customer = (await app.Books().Organization()).Str("id");
        await admin.Subscribe(customer, await admin.RecurringPrice());
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<FolioDb>();
            await db.MigrateAsync(app.Clock);
        }

        var run = await admin.BillRun();
        Assert.Equal(1, run.GetProperty("invoiced").GetInt32());

        // This database's advisory locks, whoever holds them (the fixture's databases are the test class's own).
        var held = await app.Query(db => db.Database.SqlQuery<string>(
            $"SELECT l.objid::text || ' held by ' || coalesce(a.query, '?') AS \"Value\" FROM pg_locks AS l LEFT JOIN pg_stat_activity AS a ON a.pid = l.pid WHERE l.locktype = 'advisory' AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())").ToListAsync());
        Assert.Empty(held);
    }

    private static async Task TryLock(FolioDb db, Guid invoice)
    {
        await using var transaction = await db.Database.BeginTransactionAsync();
        await db.Database.ExecuteSqlAsync($"SELECT 1 FROM invoices WHERE id = {invoice} FOR UPDATE NOWAIT");
        await transaction.RollbackAsync();
    }
}
