using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Folio.Tests.Catalog;
using Folio.Tests.Support;
using static Folio.Tests.Subscriptions.SubscriptionCalls;

namespace Folio.Tests.Subscriptions;

/// <summary>
/// Each test moves the shared clock forward and runs the bill run over the whole books, so it asserts on its own
/// customers' invoices, never on the run's totals.
/// </summary>
public sealed class BillRunTests(FolioApp app) : IClassFixture<FolioApp>
{
    private readonly Books _books = app.Books();
    private readonly HttpClient _admin = app.Admin();

    private DateTimeOffset Now => app.Clock.GetUtcNow();

    [Fact]
    public async Task A_yearly_subscription_is_invoiced_once_a_year()
    {
        var customer = (await _books.Organization()).Str("id");
        var start = Now;
        var id = (await _admin.Subscribe(customer, await _admin.RecurringPrice(490_00, interval: "year"))).Str("id");

        await _admin.BillRun();
        app.Clock.Advance(TimeSpan.FromDays(200));
        await _admin.BillRun();
        app.Clock.Advance(TimeSpan.FromDays(170));
        await _admin.BillRun();

        var invoices = await _admin.InvoicesOf(customer);
        Assert.Equal([(Time(start), Time(start.AddYears(1))), (Time(start.AddYears(1)), Time(start.AddYears(2)))], invoices.Select(i => (i.Str("period_start"), i.Str("period_end"))));
        Assert.All(invoices, i => Assert.Equal((id, 490_00L), (i.Str("subscription_id"), i.Amount("total"))));
    }

    [Fact]
    public async Task A_trial_is_not_billed_and_the_first_invoice_comes_at_its_end()
    {
        var customer = (await _books.Organization()).Str("id");
        var trialEnd = Now.AddDays(14);
        await _admin.Subscribe(customer, await _admin.RecurringPrice(), extra: new { trial_end = Time(trialEnd) });

        await _admin.BillRun();
        Assert.Empty(await _admin.InvoicesOf(customer));

        app.Clock.Advance(TimeSpan.FromDays(14));
        await _admin.BillRun();
        var invoice = Assert.Single(await _admin.InvoicesOf(customer));
        Assert.Equal((Time(trialEnd), 0), (invoice.Str("period_start"), invoice.GetProperty("subscription_period").GetInt32()));
    }

    [Fact]
    public async Task A_cancellation_at_period_end_bills_that_period_and_nothing_after()
    {
        var customer = (await _books.Organization()).Str("id");
        var id = (await _admin.Subscribe(customer, await _admin.RecurringPrice())).Str("id");
        await _admin.BillRun();
        await _admin.Post($"/v1/subscriptions/{id}/cancel", new { at_period_end = true }).Expect(HttpStatusCode.OK);

        app.Clock.Advance(TimeSpan.FromDays(70));
        await _admin.BillRun();

        Assert.Single(await _admin.InvoicesOf(customer));
        var ended = await _admin.Get($"/v1/subscriptions/{id}").Expect(HttpStatusCode.OK);
        Assert.Equal(("ended", JsonValueKind.Null), (ended.Str("status"), ended.GetProperty("next_bill_at").ValueKind));
    }

    [Fact]
    public async Task A_quantity_change_is_billed_from_the_renewal_on()
    {
        var customer = (await _books.Organization()).Str("id");
        var price = await _admin.RecurringPrice(12_00);
        var id = (await _admin.Subscribe(customer, price)).Str("id");
        await _admin.BillRun();
        await _admin.Post($"/v1/subscriptions/{id}/items", new { items = new[] { new { price_id = price, quantity = 3 } } }).Expect(HttpStatusCode.OK);

        app.Clock.Advance(TimeSpan.FromDays(32));
        await _admin.BillRun();

        var invoices = await _admin.InvoicesOf(customer);
        Assert.Equal([12_00L, 36_00L], invoices.Select(i => i.Amount("total")));
        Assert.Equal("3", invoices[1].GetProperty("items")[0].GetProperty("quantity").GetRawText());
    }

    [Fact]
    public async Task After_downtime_every_missed_period_gets_its_own_invoice()
    {
        var customer = (await _books.Organization()).Str("id");
        var start = Now.AddDays(-100);
        var id = (await _admin.Subscribe(customer, await _admin.RecurringPrice(), extra: new { start_at = Time(start) })).Str("id");

        var run = await _admin.BillRun();

        Assert.True(run.GetProperty("invoiced").GetInt32() >= 4);
        var invoices = await _admin.InvoicesOf(customer);
        Assert.Equal([0, 1, 2, 3], invoices.Select(i => i.GetProperty("subscription_period").GetInt32()));
        Assert.Equal(Enumerable.Range(0, 4).Select(n => Time(start.AddMonths(n))), invoices.Select(i => i.Str("period_start")));
        Assert.Equal(Time(start.AddMonths(4)), (await _admin.Get($"/v1/subscriptions/{id}").Expect(HttpStatusCode.OK)).Str("next_bill_at"));

        var again = await _admin.BillRun();
        Assert.Equal((0, 0), (again.GetProperty("invoiced").GetInt32(), again.GetProperty("skipped").GetInt32()));
        Assert.Equal(4, (await _admin.InvoicesOf(customer)).Count);
    }

    [Fact]
    public async Task A_failing_subscription_is_reported_while_the_others_are_invoiced()
    {
        var good = (await _books.Organization("Good Co")).Str("id");
        var noRate = (await _books.Organization("Franc Co")).Str("id");
        var archived = (await _books.Organization("Gone Co")).Str("id");
        await _admin.Subscribe(good, await _admin.RecurringPrice());
        var chf = (await _admin.Subscribe(noRate, await _admin.RecurringPrice(currency: "CHF"))).Str("id");
        var gone = (await _admin.Subscribe(archived, await _admin.RecurringPrice())).Str("id");
        await _admin.Post($"/v1/customers/{archived}/archive").Expect(HttpStatusCode.OK);

        var run = await _admin.BillRun();

        Assert.Single(await _admin.InvoicesOf(good));
        Assert.Empty(await _admin.InvoicesOf(noRate));
        Assert.Empty(await _admin.InvoicesOf(archived));
        var failures = run.GetProperty("failures").EnumerateArray().ToList();
        Assert.Contains(failures, f => f.Str("subscription_id") == chf && f.Str("code") == "missing_exchange_rate" && f.GetProperty("period").GetInt32() == 0);
        Assert.Contains(failures, f => f.Str("subscription_id") == gone && f.Str("code") == "customer_archived");
        Assert.Equal(failures.Count, run.GetProperty("failed").GetInt32());
        Assert.Equal("completed", run.Str("status"));
        Assert.Equal(run.GetRawText(), (await _admin.Get($"/v1/bill_runs/{run.Str("id")}").Expect(HttpStatusCode.OK)).GetRawText());

        // Nothing of the failed periods was kept: the subscription is still due, and the next run tries again.
        Assert.Equal(0, (await _admin.Get($"/v1/subscriptions/{chf}").Expect(HttpStatusCode.OK)).GetProperty("version").GetInt32());
        await _admin.PutAsJsonAsync("/v1/exchange_rates/CHF", new { usd_per_unit = 1.13 }).Expect(HttpStatusCode.OK);
        await _admin.BillRun();
        Assert.Single(await _admin.InvoicesOf(noRate));
    }

    [Fact]
    public async Task The_credit_balance_is_applied_to_a_renewal_invoice()
    {
        var customer = (await _books.Organization()).Str("id");
        await _admin.Subscribe(customer, await _admin.RecurringPrice(20_00));
        await _admin.BillRun();
        await _admin.Post($"/v1/customers/{customer}/balance_transactions", new { amount = 25_00, currency = "USD", type = "grant" }).Expect(HttpStatusCode.Created);

        app.Clock.Advance(TimeSpan.FromDays(31));
        await _admin.BillRun();

        var renewal = (await _admin.InvoicesOf(customer))[1];
        Assert.Equal((20_00L, 20_00L, 0L, "paid"), (renewal.Amount("total"), renewal.Amount("credit_applied"), renewal.Amount("amount_remaining"), renewal.Str("status")));
        var balance = await _admin.Get($"/v1/customers/{customer}/balance").Expect(HttpStatusCode.OK);
        var usd = Assert.Single(balance.GetProperty("balances").EnumerateArray());
        Assert.Equal(("USD", 5_00L), (usd.Str("currency"), usd.Amount("amount")));
    }

    [Fact]
    public async Task A_bill_run_as_of_a_past_instant_invoices_what_had_begun_by_then_and_the_future_is_refused()
    {
        var customer = (await _books.Organization()).Str("id");
        var before = Now;
        app.Clock.Advance(TimeSpan.FromHours(1));
        await _admin.Subscribe(customer, await _admin.RecurringPrice());

        await _admin.BillRun(before);
        Assert.Empty(await _admin.InvoicesOf(customer));

        await _admin.Post("/v1/bill_runs", new { as_of = Time(Now.AddMinutes(5)) }).ExpectProblem(HttpStatusCode.BadRequest, "invalid_as_of", "as_of");
        var key = app.Client(await _books.OrganizationKey(customer));
        await key.Post("/v1/bill_runs").ExpectProblem(HttpStatusCode.Forbidden, "admin_key_required");
        await _admin.Get($"/v1/bill_runs/{Guid.NewGuid()}").ExpectProblem(HttpStatusCode.NotFound, "bill_run_not_found");
    }
}
