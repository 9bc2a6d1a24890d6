using System.Net.Http.Json;
using Folio.BillRuns;
using Folio.Data;
using Folio.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Folio.Tests.Subscriptions;

/// <summary>A bill run started over HTTP belongs to the server, not to the connection that started it.</summary>
public sealed class BillRunDisconnectTests(FolioApp app) : IClassFixture<FolioApp>
{
    [Fact]
    public async Task A_client_that_stops_waiting_does_not_stop_the_run()
    {
        const int Subscriptions = 50;
        var admin = app.Admin();
        var customer = (await app.Books().Organization()).Str("id");
        var price = await admin.RecurringPrice();
        for (var n = 0; n < Subscriptions; n++)
        {
            await admin.Subscribe(customer, price);
        }

        // Another writer holds the customer (on SQLite, the whole database) so the run cannot finish before its client gives up,
        // however fast the machine: the client cancels while the run waits, then the writer lets go. SQLite waits for its lock
        // on the calling thread, hence the request on a thread of its own.
        Task<HttpResponseMessage> post;
        await using (var holder = app.Services.CreateAsyncScope())
        {
            var holderDb = holder.ServiceProvider.GetRequiredService<FolioDb>();
            await using var hold = await holderDb.Database.BeginTransactionAsync();
            await holderDb.LockCustomer(Guid.Parse(customer), default);
            using var impatient = new CancellationTokenSource();
            post = Task.Run(() => admin.PostAsJsonAsync("/v1/bill_runs", new { }, impatient.Token));
            await Task.Delay(300);
            Assert.False(post.IsCompleted);
            await impatient.CancelAsync();
            await Task.Delay(100);
            await hold.RollbackAsync();
        }

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => post);

        // The run goes on without its client: wait (up to a minute) for its report to say it finished.
        var run = await app.Query(db => db.BillRuns.AsNoTracking().SingleOrDefaultAsync());
        for (var waited = 0; waited < 600 && run?.Status is null or BillRunStatus.Running; waited++)
        {
            await Task.Delay(100);
            run = await app.Query(db => db.BillRuns.AsNoTracking().SingleOrDefaultAsync());
        }

        Assert.NotNull(run);
        Assert.Equal(BillRunStatus.Completed, run.Status);
        Assert.Equal(Subscriptions, run.Invoiced);
        var customerId = Guid.Parse(customer);
        Assert.Equal(Subscriptions, await app.Query(db => db.Invoices.CountAsync(i => i.CustomerId == customerId)));
    }
}
