using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Folio.Domain.Invoicing;
using Folio.Domain.Money;
using Folio.Tests.Catalog;
using Folio.Tests.Subscriptions;
using Folio.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using static Folio.Tests.Subscriptions.SubscriptionCalls;

namespace Folio.Tests.BillRuns;

/// <summary>
/// The finalize endpoint, a page of the bill run and its pass one period at a time issue invoices through one code path.
/// Each class has books of its own, so that every invoice number in them is its test's.
/// </summary>
public sealed class CreditAcrossASetTests(FolioApp app) : IClassFixture<FolioApp>
{
    [Fact]
    public async Task A_customer_billed_twice_in_one_page_spends_its_credit_once_across_both_invoices()
    {
        var admin = app.Admin();
        var customer = (await app.Books().Organization()).Str("id");
        await admin.Post($"/v1/customers/{customer}/balance_transactions", new { amount = 40_00, currency = "USD", type = "grant" }).Expect(HttpStatusCode.Created);
        var price = await admin.RecurringPrice(30_00);
        var now = app.Clock.GetUtcNow();
        // A minute apart, so that the run meets them in this order.
        var first = (await admin.Subscribe(customer, price, extra: new { start_at = Time(now.AddMinutes(-2)) })).Str("id");
        var second = (await admin.Subscribe(customer, price, extra: new { start_at = Time(now.AddMinutes(-1)) })).Str("id");

        var run = await admin.BillRun();

        Assert.Equal((2, 2), (run.GetProperty("due").GetInt32(), run.GetProperty("invoiced").GetInt32()));
        var invoices = await admin.InvoicesOf(customer);
        Assert.Equal([first, second], invoices.Select(i => i.Str("subscription_id")));
        Assert.Equal(
            [("2026-0001", "paid", 30_00L, 40_00L, 10_00L, 0L), ("2026-0002", "open", 10_00L, 10_00L, 0L, 20_00L)],
            invoices.Select(i => (i.Str("number"), i.Str("status"), i.Amount("credit_applied"), i.Amount("starting_balance"), i.Amount("ending_balance"), i.Amount("amount_remaining"))));
        var applied = (await admin.Walk($"/v1/customers/{customer}/balance_transactions", 100)).Where(t => t.Str("type") == "invoice_application").Reverse();
        Assert.Equal(
            [(-30_00L, "Applied to invoice 2026-0001", invoices[0].Str("id")), (-10_00L, "Applied to invoice 2026-0002", invoices[1].Str("id"))],
            applied.Select(t => (t.Amount("amount"), t.Str("description"), t.Str("invoice_id"))));
        var balance = await admin.Get($"/v1/customers/{customer}/balance").Expect(HttpStatusCode.OK);
        Assert.All(balance.GetProperty("balances").EnumerateArray(), b => Assert.Equal(0, b.Amount("amount")));
    }
}

public sealed class RefusedInTheMiddleTests(FolioApp app) : IClassFixture<FolioApp>
{
    [Fact]
    public async Task A_draft_refused_in_the_middle_of_a_set_leaves_its_number_to_the_next_and_the_numbers_unused_are_given_back()
    {
        var admin = app.Admin();
        var books = app.Books();
        var price = await admin.RecurringPrice(30_00);
        var now = app.Clock.GetUtcNow();
        var before = (await books.Organization("Before")).Str("id");
        var archived = (await books.Organization("Archived")).Str("id");
        var after = (await books.Organization("After")).Str("id");
        var subscriptions = new List<string>();
        foreach (var (customer, minutes) in new[] { (before, -3), (archived, -2), (after, -1) })
        {
            subscriptions.Add((await admin.Subscribe(customer, price, extra: new { start_at = Time(now.AddMinutes(minutes)) })).Str("id"));
        }

        var madeBeforeArchiving = (await books.Draft(archived)).Str("id");
        await admin.Post($"/v1/customers/{archived}/archive").Expect(HttpStatusCode.OK);

        var run = await admin.BillRun();

        Assert.Equal((3, 2, 1), (run.GetProperty("due").GetInt32(), run.GetProperty("invoiced").GetInt32(), run.GetProperty("failed").GetInt32()));
        var failure = Assert.Single(run.GetProperty("failures").EnumerateArray());
        Assert.Equal((subscriptions[1], 0, "customer_archived"), (failure.Str("subscription_id"), failure.GetProperty("period").GetInt32(), failure.Str("code")));
        Assert.Equal("2026-0001", Assert.Single(await admin.InvoicesOf(before)).Str("number"));
        Assert.Equal("2026-0002", Assert.Single(await admin.InvoicesOf(after)).Str("number"));

        // A finalization refused by the rules gives its number back too.
        var franc = await books.Draft(before, "CHF");
        await admin.Post($"/v1/invoices/{franc.Str("id")}/finalize").ExpectProblem(HttpStatusCode.UnprocessableEntity, "missing_exchange_rate", "currency");
        Assert.Equal("2026-0003", (await books.Open(after)).Str("number"));

        // An archived customer is given no new invoice, but a draft it had before can still be issued.
        Assert.Equal("2026-0004", (await books.Finalize(madeBeforeArchiving)).Str("number"));
    }
}

/// <summary>
/// When the database refuses a page, the run goes over it one period at a time, each a set of one through the page's
/// own code: the invoices are those the page would have written.
/// </summary>
public sealed class OnePeriodAtATimeTests(FolioApp app) : IClassFixture<FolioApp>
{
    // What differs between two customers' invoices of the same subscription terms, and the invoice's number.
    private static readonly HashSet<string> Identity = ["id", "number", "customer_id", "organization_id", "subscription_id", "invoice_id", "price_id"];

    [Fact]
    public async Task A_page_refused_by_the_database_is_invoiced_one_period_at_a_time_exactly_as_the_page_would_have_been()
    {
        var admin = app.Admin();
        var books = app.Books();
        var price = await admin.RecurringPrice(30_00, extra: new { tax_rate = 8.25 });
        var start = app.Clock.GetUtcNow().AddDays(-65);
        var paged = (await books.Organization("Twin")).Str("id");
        var oneByOne = (await books.Organization("Twin")).Str("id");
        foreach (var twin in new[] { paged, oneByOne })
        {
            await admin.Post($"/v1/customers/{twin}/balance_transactions", new { amount = 45_00, currency = "USD", type = "grant" }).Expect(HttpStatusCode.Created);
        }

        await admin.Subscribe(paged, price, extra: new { start_at = Time(start) });
        var first = await admin.BillRun();
        Assert.Equal((3, 0), (first.GetProperty("invoiced").GetInt32(), first.GetProperty("skipped").GetInt32()));

        // The same terms for the twin, beside a subscription whose first period was invoiced behind its back: the page
        // they share is refused, and done again one period at a time.
        await admin.Subscribe(oneByOne, price, extra: new { start_at = Time(start) });
        await InvoicedBehindItsBack(await admin.Subscribe((await books.Organization("Elsewhere")).Str("id"), price));

        var second = await admin.BillRun();

        Assert.Equal((4, 3, 1, 0), (second.GetProperty("due").GetInt32(), second.GetProperty("invoiced").GetInt32(), second.GetProperty("skipped").GetInt32(), second.GetProperty("failed").GetInt32()));
        Assert.Contains(app.Logs.Entries, e => e.Level == LogLevel.Warning && e.Values.GetValueOrDefault("RunId")?.ToString() == second.Str("id"));
        var byPage = await admin.InvoicesOf(paged);
        var byPeriod = await admin.InvoicesOf(oneByOne);
        Assert.Equal(["2026-0001", "2026-0002", "2026-0003"], byPage.Select(i => i.Str("number")));
        Assert.Equal(["2026-0004", "2026-0005", "2026-0006"], byPeriod.Select(i => i.Str("number")));
        // 30.00 and 8.25% tax (2.475, rounded half away from zero) on each: the 45.00 of credit covers the first and part of the second.
        Assert.Equal(new long[] { 32_48, 45_00 - 32_48, 0 }, byPage.Select(i => i.Amount("credit_applied")));
        Assert.Equal(byPage.Select(WithoutIdentity), byPeriod.Select(WithoutIdentity));
        foreach (var (paid, invoices) in new[] { (paged, byPage), (oneByOne, byPeriod) })
        {
            var applied = (await admin.Walk($"/v1/customers/{paid}/balance_transactions", 100)).Where(t => t.Str("type") == "invoice_application").Reverse();
            Assert.Equal(invoices.Where(i => i.Amount("credit_applied") > 0).Select(i => $"Applied to invoice {i.Str("number")}"), applied.Select(t => t.Str("description")));
        }
    }

    private Task<int> InvoicedBehindItsBack(JsonElement subscription) => app.Query(async db =>
    {
        var id = Guid.Parse(subscription.Str("id"));
        var stored = await db.Subscriptions.AsNoTracking().FirstAsync(s => s.Id == id);
        var (invoice, _) = Invoice.CreateDraft(
            Guid.CreateVersion7(), stored.CustomerId, stored.OrganizationId, Currency.Get("USD"), new InvoiceDraft(null, null, null, null, null, null, InvoiceDiscount.None),
            [new LineItemSpec("Elsewhere", 1, 100)], app.Clock.GetUtcNow(), Guid.CreateVersion7);
        invoice!.BillSubscriptionPeriod(id, 0);
        db.Invoices.Add(invoice);
        return await db.SaveChangesAsync();
    });

    private static string WithoutIdentity(JsonElement invoice)
    {
        var node = JsonNode.Parse(invoice.GetRawText())!;
        Strip(node);
        return node.ToJsonString();
    }

    private static void Strip(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var name in obj.Select(p => p.Key).Where(Identity.Contains).ToList())
                {
                    obj.Remove(name);
                }

                foreach (var property in obj)
                {
                    Strip(property.Value);
                }

                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    Strip(item);
                }

                break;
        }
    }
}
