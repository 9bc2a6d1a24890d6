using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Folio.Tests.Catalog;
using Folio.Tests.Subscriptions;
using Folio.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static Folio.Tests.Subscriptions.SubscriptionCalls;

namespace Folio.Tests.BillRuns;

/// <summary>Pages of three subscriptions, on books of their own, so that every invoice number of the books is this test's.</summary>
public sealed class SmallPageBillRunApp : FolioApp
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Folio:BillRuns:BatchSize"] = "3" };
}

/// <summary>
/// A page of subscriptions is invoiced in one transaction from facts read once for the page. What one period at a time
/// got right must still hold: refusals left out with nothing of theirs written, numbers without gaps, a customer's credit
/// spent once across its invoices of the page, every missed period billed.
/// </summary>
public sealed class BillRunPageTests(SmallPageBillRunApp app) : IClassFixture<SmallPageBillRunApp>
{
    [Fact]
    public async Task A_page_issues_what_the_rules_allow_and_leaves_out_the_rest_with_gapless_numbers_and_credit_spent_once()
    {
        var admin = app.Admin();
        var books = app.Books();
        var now = app.Clock.GetUtcNow();
        var usd = await admin.RecurringPrice(30_00);
        var chf = await admin.RecurringPrice(20_00, currency: "CHF");
        var credited = (await books.Organization("Credited")).Str("id");
        await admin.Post($"/v1/customers/{credited}/balance_transactions", new { amount = 100_00, currency = "USD", type = "grant", description = "Prepaid" })
            .Expect(HttpStatusCode.Created);
        var plain = (await books.Organization("Plain")).Str("id");
        var franc = (await books.Organization("Franc")).Str("id");
        var gone = (await books.Organization("Gone")).Str("id");

        // Started a day apart, so that the run meets them in this order, three to a page.
        var subscriptions = new[]
        {
            (Customer: credited, Price: usd, Start: now.AddDays(-95)), // four periods: 120.00 against 100.00 of credit
            (Customer: plain, Price: usd, Start: now.AddDays(-94)),
            (Customer: franc, Price: chf, Start: now.AddDays(-93)), // no CHF rate: refused at its first period
            (Customer: credited, Price: usd, Start: now.AddDays(-92)), // the same customer's credit, already spent by the first
            (Customer: gone, Price: usd, Start: now.AddDays(-91)),
            (Customer: plain, Price: usd, Start: now.AddDays(-10)),
        };
        var ids = new List<string>();
        foreach (var (customer, price, start) in subscriptions)
        {
            ids.Add((await admin.Subscribe(customer, price, extra: new { start_at = Time(start) })).Str("id"));
        }

        await admin.Post($"/v1/customers/{gone}/archive").Expect(HttpStatusCode.OK);
        var periods = subscriptions.Select(s => Enumerable.Range(0, 5).Count(k => s.Start.AddMonths(k) <= now)).ToList();

        var run = await admin.BillRun();

        Assert.Equal(periods.Sum(), run.GetProperty("due").GetInt32());
        Assert.Equal(periods.Sum() - periods[2] - periods[4], run.GetProperty("invoiced").GetInt32());
        var failures = run.GetProperty("failures").EnumerateArray().Select(f => (f.Str("subscription_id"), f.Str("code"), f.GetProperty("period").GetInt32())).ToList();
        Assert.Equal(new[] { (ids[2], "missing_exchange_rate", 0), (ids[4], "customer_archived", 0) }.Order(), failures.Order());
        Assert.Equal(2, run.GetProperty("failed").GetInt32());
        Assert.Equal(run.GetRawText(), (await admin.Get($"/v1/bill_runs/{run.Str("id")}").Expect(HttpStatusCode.OK)).GetRawText());

        var invoices = await admin.Walk("/v1/invoices", 100);
        for (var i = 0; i < ids.Count; i++)
        {
            var billed = invoices.Where(v => v.Str("subscription_id") == ids[i]).Select(v => v.GetProperty("subscription_period").GetInt32()).Order();
            Assert.Equal(i is 2 or 4 ? Enumerable.Empty<int>() : Enumerable.Range(0, periods[i]), billed);
        }

        AssertNumbersGapless(invoices);
        var ofCredited = invoices.Where(v => v.Str("customer_id") == credited).ToList();
        Assert.Equal(100_00, ofCredited.Sum(v => v.Amount("credit_applied")));
        Assert.Equal(ofCredited.Sum(v => v.Amount("total")) - 100_00, ofCredited.Sum(v => v.Amount("amount_remaining")));
        var balance = await admin.Get($"/v1/customers/{credited}/balance").Expect(HttpStatusCode.OK);
        Assert.All(balance.GetProperty("balances").EnumerateArray(), b => Assert.Equal(0, b.Amount("amount")));

        // The refused subscription is still due, with nothing of it written; with a rate, the next run takes the next numbers.
        Assert.Equal(0, (await admin.Get($"/v1/subscriptions/{ids[2]}").Expect(HttpStatusCode.OK)).GetProperty("version").GetInt32());
        await admin.PutAsJsonAsync("/v1/exchange_rates/CHF", new { usd_per_unit = 1.13 }).Expect(HttpStatusCode.OK);
        Assert.Equal(periods[2], (await admin.BillRun()).GetProperty("invoiced").GetInt32());
        AssertNumbersGapless(await admin.Walk("/v1/invoices", 100));
    }

    private static void AssertNumbersGapless(IEnumerable<System.Text.Json.JsonElement> invoices)
    {
        var sequence = invoices.Select(v => v.Str("number")).Select(n => int.Parse(n[(n.LastIndexOf('-') + 1)..], CultureInfo.InvariantCulture)).Order();
        Assert.Equal(Enumerable.Range(1, invoices.Count()), sequence);
    }
}

/// <summary>
/// PostgreSQL plans the check of each line's invoice from the table's statistics; left at those of an empty table while a
/// bill run fills it, that check reads the whole table every time. The run analyzes the table as it grows.
/// </summary>
public sealed class BillRunStatisticsTests(FolioApp app) : IClassFixture<FolioApp>
{
    [PostgresFact]
    public async Task A_bill_run_that_grows_the_invoices_table_leaves_its_statistics_current()
    {
        var admin = app.Admin();
        var price = await admin.RecurringPrice(10_00);
        var start = app.Clock.GetUtcNow().AddDays(-340);
        for (var i = 0; i < 10; i++)
        {
            await admin.Subscribe((await app.Books().Organization($"Yearlong {i}")).Str("id"), price, extra: new { start_at = Time(start) });
        }

        var invoiced = (await admin.BillRun()).GetProperty("invoiced").GetInt32();

        Assert.True(invoiced > 100, $"{invoiced} invoices");
        var rows = await app.Query(db => db.Database.SqlQuery<float>($"SELECT reltuples AS \"Value\" FROM pg_class WHERE oid = to_regclass('invoices')").SingleAsync());
        Assert.Equal(invoiced, (int)rows);
    }
}
