using System.Net;
using Folio.BillRuns;
using Folio.Data;
using Folio.Domain.Invoicing;
using Folio.Domain.Money;
using Folio.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using static Folio.Tests.Subscriptions.SubscriptionCalls;

namespace Folio.Tests.Subscriptions;

public sealed class BillRunConcurrencyTests(FolioApp app) : IClassFixture<FolioApp>
{
    private readonly HttpClient _admin = app.Admin();

    [Fact]
    public async Task Two_bill_runs_at_once_leave_one_invoice_per_period_with_no_duplicate_and_no_gap()
    {
        var books = app.Books();
        var price = await _admin.RecurringPrice(9_00);
        var start = app.Clock.GetUtcNow().AddDays(-95);
        var customers = new List<(string Id, int Periods)>();
        for (var i = 0; i < 12; i++)
        {
            var customer = (await books.Organization($"Customer {i}")).Str("id");
            await _admin.Subscribe(customer, price, extra: new { start_at = Time(start.AddDays(i)) });
            customers.Add((customer, Enumerable.Range(0, 5).Count(n => start.AddDays(i).AddMonths(n) <= app.Clock.GetUtcNow())));
        }

        var responses = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => Task.Run(() => _admin.Post("/v1/bill_runs"))));

        var statuses = responses.Select(r => r.StatusCode).ToList();
        Assert.Contains(HttpStatusCode.Created, statuses);
        Assert.All(statuses, s => Assert.True(s is HttpStatusCode.Created or HttpStatusCode.Conflict, $"unexpected {(int)s}"));
        foreach (var response in responses.Where(r => r.StatusCode == HttpStatusCode.Conflict))
        {
            await Task.FromResult(response).ExpectProblem(HttpStatusCode.Conflict, "bill_run_in_progress");
        }

        // A run that was refused is made up for by the next one; together they invoice each period exactly once.
        await _admin.BillRun();
        Assert.Contains(customers, c => c.Periods == 3);
        Assert.Contains(customers, c => c.Periods == 4);
        foreach (var (customer, count) in customers)
        {
            var periods = (await _admin.InvoicesOf(customer)).Select(i => i.GetProperty("subscription_period").GetInt32()).ToList();
            Assert.Equal(Enumerable.Range(0, count), periods);
        }

        var numbers = new HashSet<string>();
        foreach (var (customer, _) in customers)
        {
            Assert.All(await _admin.InvoicesOf(customer), i => Assert.True(numbers.Add(i.Str("number"))));
        }
    }
}

public sealed class BillRunLockTests(FolioApp app) : IClassFixture<FolioApp>
{
    [Fact]
    public async Task While_another_process_holds_the_bill_run_lock_a_run_is_refused_and_then_goes_ahead()
    {
        var admin = app.Admin();
        var customer = (await app.Books().Organization()).Str("id");
        await admin.Subscribe(customer, await admin.RecurringPrice());
        await using var scope = app.Services.CreateAsyncScope();
        var other = scope.ServiceProvider.GetRequiredService<FolioDb>();

        var held = await BillRunLock.TryTake(other, app.Clock, TimeSpan.FromMinutes(10), Guid.NewGuid(), default);
        Assert.NotNull(held);
        await using (held)
        {
            await admin.Post("/v1/bill_runs").ExpectProblem(HttpStatusCode.Conflict, "bill_run_in_progress");
            Assert.Empty(await admin.InvoicesOf(customer));
        }

        var run = await admin.BillRun();
        Assert.Equal(1, run.GetProperty("invoiced").GetInt32());
        Assert.Single(await admin.InvoicesOf(customer));
    }

    [Fact]
    public async Task A_period_someone_else_already_invoiced_is_counted_skipped_and_never_invoiced_twice()
    {
        var admin = app.Admin();
        var customer = (await app.Books().Organization()).Str("id");
        var id = Guid.Parse((await admin.Subscribe(customer, await admin.RecurringPrice())).Str("id"));
        // An invoice of period 0 written behind the subscription's back, as a run of another version of Folio might have.
        await app.Query(async db =>
        {
            var subscription = await db.Subscriptions.AsNoTracking().FirstAsync(s => s.Id == id);
            var (invoice, _) = Invoice.CreateDraft(
                Guid.CreateVersion7(), subscription.CustomerId, subscription.OrganizationId, Currency.Get("USD"), new InvoiceDraft(null, null, null, null, null, null, InvoiceDiscount.None),
                [new LineItemSpec("Elsewhere", 1, 100)], app.Clock.GetUtcNow(), Guid.CreateVersion7);
            invoice!.BillSubscriptionPeriod(id, 0);
            db.Invoices.Add(invoice);
            return await db.SaveChangesAsync();
        });

        var other = (await app.Books().Organization()).Str("id");
        await admin.Subscribe(other, await admin.RecurringPrice());

        var run = await admin.BillRun();

        Assert.Equal((1, 0), (run.GetProperty("skipped").GetInt32(), run.GetProperty("failed").GetInt32()));
        var invoice = Assert.Single(await admin.InvoicesOf(customer));
        Assert.Equal("Elsewhere", invoice.GetProperty("items")[0].Str("description"));
        // The page both were in was refused as a whole, said so, and was done again one period at a time.
        Assert.Equal(0, Assert.Single(await admin.InvoicesOf(other)).GetProperty("subscription_period").GetInt32());
        Assert.Contains(app.Logs.Entries, e => e.Level == LogLevel.Warning && e.Values.GetValueOrDefault("RunId")?.ToString() == run.Str("id"));
    }

    [SqliteFact]
    public async Task A_lease_left_by_a_run_that_died_lets_the_next_run_go_once_it_expires()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var other = scope.ServiceProvider.GetRequiredService<FolioDb>();
        var died = await BillRunLock.TryTake(other, app.Clock, TimeSpan.FromMinutes(10), Guid.NewGuid(), default);
        Assert.NotNull(died);

        await app.Admin().Post("/v1/bill_runs").ExpectProblem(HttpStatusCode.Conflict, "bill_run_in_progress");
        app.Clock.Advance(TimeSpan.FromMinutes(11));
        await app.Admin().BillRun();
    }
}

public sealed class DraftBillRunApp : FolioApp
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Folio:BillRuns:Finalize"] = "false" };
}

public sealed class DraftBillRunTests(DraftBillRunApp app) : IClassFixture<DraftBillRunApp>
{
    [Fact]
    public async Task With_finalize_off_the_bill_run_leaves_drafts_that_still_count_as_the_period_invoiced()
    {
        var admin = app.Admin();
        var customer = (await app.Books().Organization()).Str("id");
        await admin.Subscribe(customer, await admin.RecurringPrice());

        await admin.BillRun();
        await admin.BillRun();

        var draft = Assert.Single(await admin.InvoicesOf(customer));
        Assert.Equal(("draft", 0), (draft.Str("status"), draft.GetProperty("subscription_period").GetInt32()));
        await admin.Post($"/v1/invoices/{draft.Str("id")}/finalize").Expect(HttpStatusCode.OK);
    }
}

public sealed class SmallBatchBillRunApp : FolioApp
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Folio:BillRuns:BatchSize"] = "2" };
}

public sealed class SmallBatchBillRunTests(SmallBatchBillRunApp app) : IClassFixture<SmallBatchBillRunApp>
{
    [Fact]
    public async Task Batches_walk_every_due_subscription_once_and_a_failing_one_is_tried_once_per_run()
    {
        var admin = app.Admin();
        var books = app.Books();
        var usd = await admin.RecurringPrice();
        var chf = await admin.RecurringPrice(currency: "CHF");
        var start = app.Clock.GetUtcNow().AddDays(-40);
        var good = new List<string>();
        var failing = new List<string>();
        for (var i = 0; i < 7; i++)
        {
            var customer = (await books.Organization($"Batch {i}")).Str("id");
            // Same start for several, so that batches break inside a run of equal next_bill_at.
            await admin.Subscribe(customer, i % 3 == 1 ? chf : usd, extra: new { start_at = Time(start.AddDays(i / 2)) });
            (i % 3 == 1 ? failing : good).Add(customer);
        }

        var run = await admin.BillRun();

        Assert.Equal((good.Count * 2, failing.Count), (run.GetProperty("invoiced").GetInt32(), run.GetProperty("failed").GetInt32()));
        Assert.Equal(failing.Count, run.GetProperty("failures").EnumerateArray().Select(f => f.Str("subscription_id")).Distinct().Count());
        foreach (var customer in good)
        {
            Assert.Equal([0, 1], (await admin.InvoicesOf(customer)).Select(i => i.GetProperty("subscription_period").GetInt32()));
        }

        Assert.Equal(failing.Count, (await admin.BillRun()).GetProperty("failed").GetInt32());
    }
}
