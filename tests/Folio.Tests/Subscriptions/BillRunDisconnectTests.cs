using System.Net.Http.Json;
using Folio.BillRuns;
using Folio.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Folio.Tests.Subscriptions;

/// <summary>A bill run started over HTTP belongs to the server, not to the connection that started it.</summary>
public sealed class BillRunDisconnectTests(FolioApp app) : IClassFixture<FolioApp>
{
    [Fact]
    public async Task A_client_that_stops_waiting_does_not_stop_the_run()
    {
        const int Subscriptions = 500;
        var admin = app.Admin();
        var customer = (await app.Books().Organization()).Str("id");
        var price = await admin.RecurringPrice();
        for (var n = 0; n < Subscriptions; n++)
        {
            await admin.Subscribe(customer, price);
        }

        // The client gives up long before 500 periods can be invoiced.
        using (var impatient = new CancellationTokenSource(TimeSpan.FromMilliseconds(150)))
        {
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => admin.PostAsJsonAsync("/v1/bill_runs", new { }, impatient.Token));
        }

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
