using System.Net;
using Folio.Tests.Support;
using static Folio.Tests.Subscriptions.SubscriptionCalls;

namespace Folio.Tests.Subscriptions;

/// <summary>The renewal estimate taken before a renewal equals, to the minor unit, the invoice the bill run issues at it.</summary>
public sealed class EstimateEqualsInvoiceTests(FolioApp app) : IClassFixture<FolioApp>
{
    private static readonly string[] Figures =
        ["currency", "description", "subtotal", "discount", "tax", "total", "total_excluding_tax", "credit_applied", "amount_remaining",
         "starting_balance", "ending_balance", "due_at", "days_until_due", "period_start", "period_end", "usd_per_unit", "total_usd_cents", "subscription_id", "subscription_period"];

    private static readonly string[] LineFigures =
        ["description", "quantity", "unit_amount", "amount", "discount", "invoice_discount", "tax_rate", "tax_inclusive", "tax", "total", "period_start", "period_end", "price_id"];

    private readonly Books _books = app.Books();
    private readonly HttpClient _admin = app.Admin();

    [Theory]
    [InlineData("JPY", 1_234L, false)]
    [InlineData("JPY", 1_234L, true)]
    [InlineData("USD", 49_99L, false)]
    [InlineData("USD", 49_99L, true)]
    [InlineData("BHD", 12_345L, false)]
    [InlineData("BHD", 12_345L, true)]
    public async Task The_estimate_equals_the_invoice_the_bill_run_issues(string currency, long unitAmount, bool taxInclusive)
    {
        var customer = (await _books.Organization($"Renewals {currency}")).Str("id");
        var main = await _admin.RecurringPrice(unitAmount, currency, extra: new { tax_rate = 17.5, tax_inclusive = taxInclusive });
        var seats = await _admin.RecurringPrice(unitAmount / 7, currency, product: "Seats", extra: new { tax_rate = 8.25, tax_inclusive = taxInclusive });
        var start = app.Clock.GetUtcNow().AddDays(3);
        var subscription = (await _admin.Post("/v1/subscriptions", new
        {
            customer_id = customer,
            start_at = Time(start),
            days_until_due = 21,
            items = new object[] { new { price_id = main, quantity = 3 }, new { price_id = seats, quantity = 7 } },
        }).Expect(HttpStatusCode.Created)).Str("id");
        var estimate = await _admin.GetAsync($"/v1/subscriptions/{subscription}/upcoming_invoice").Expect(HttpStatusCode.OK);
        // A credit that covers a part of the renewal, granted before the estimate is read again.
        var credit = estimate.Amount("total") / 3;
        await _admin.Post($"/v1/customers/{customer}/balance_transactions", new { amount = credit, currency, type = "grant" }).Expect(HttpStatusCode.Created);
        estimate = await _admin.GetAsync($"/v1/subscriptions/{subscription}/upcoming_invoice").Expect(HttpStatusCode.OK);
        Assert.Equal(credit, estimate.Amount("credit_applied"));

        app.Clock.Advance(DateTimeOffset.Parse(estimate.Str("bill_at"), System.Globalization.CultureInfo.InvariantCulture) - app.Clock.GetUtcNow());
        await _admin.Post("/v1/bill_runs", new { }).Expect(HttpStatusCode.Created);

        var invoice = Assert.Single((await _admin.GetAsync($"/v1/invoices?customer_id={customer}").Expect(HttpStatusCode.OK)).GetProperty("data").EnumerateArray());
        invoice = await _admin.GetAsync($"/v1/invoices/{invoice.Str("id")}").Expect(HttpStatusCode.OK);
        Assert.Equal("open", invoice.Str("status"));
        Assert.Equal(estimate.Str("bill_at"), invoice.Str("issued_at"));
        Assert.Equal(estimate.GetProperty("bill_to").GetRawText(), invoice.GetProperty("bill_to").GetRawText());
        Assert.All(Figures, name => Assert.Equal(estimate.GetProperty(name).GetRawText(), invoice.GetProperty(name).GetRawText()));
        var expected = estimate.GetProperty("items").EnumerateArray().ToList();
        var actual = invoice.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(2, actual.Count);
        Assert.Equal(expected.Count, actual.Count);
        for (var i = 0; i < actual.Count; i++)
        {
            Assert.All(LineFigures, name => Assert.Equal(expected[i].GetProperty(name).GetRawText(), actual[i].GetProperty(name).GetRawText()));
        }

        // Once period 0 is invoiced, the estimate moves on to period 1.
        var next = await _admin.GetAsync($"/v1/subscriptions/{subscription}/upcoming_invoice").Expect(HttpStatusCode.OK);
        Assert.Equal((1, estimate.Str("period_end")), (next.GetProperty("subscription_period").GetInt32(), next.Str("bill_at")));
    }

    [Fact]
    public async Task After_the_last_period_of_a_cancellation_at_period_end_is_invoiced_there_is_no_upcoming_invoice()
    {
        var customer = (await _books.Organization()).Str("id");
        var subscription = (await _admin.Subscribe(customer, await _admin.RecurringPrice())).Str("id");
        await _admin.Post($"/v1/subscriptions/{subscription}/cancel", new { at_period_end = true }).Expect(HttpStatusCode.OK);
        await _admin.GetAsync($"/v1/subscriptions/{subscription}/upcoming_invoice").Expect(HttpStatusCode.OK);

        await _admin.Post("/v1/bill_runs", new { }).Expect(HttpStatusCode.Created);

        await _admin.GetAsync($"/v1/subscriptions/{subscription}/upcoming_invoice").ExpectProblem(HttpStatusCode.NotFound, "no_upcoming_invoice");
    }

    [Fact]
    public async Task After_a_renewal_the_estimate_shows_the_quantity_scheduled_for_the_next_one()
    {
        var customer = (await _books.Organization()).Str("id");
        var price = await _admin.RecurringPrice(20_00);
        var subscription = (await _admin.Subscribe(customer, price, 2)).Str("id");
        await _admin.Post("/v1/bill_runs", new { }).Expect(HttpStatusCode.Created);
        Assert.Equal("2", Assert.Single((await _admin.GetAsync($"/v1/subscriptions/{subscription}/upcoming_invoice").Expect(HttpStatusCode.OK)).GetProperty("items").EnumerateArray()).GetProperty("quantity").GetRawText());

        await _admin.Post($"/v1/subscriptions/{subscription}/items", new { items = new[] { new { price_id = price, quantity = 9 } } }).Expect(HttpStatusCode.OK);

        var estimate = await _admin.GetAsync($"/v1/subscriptions/{subscription}/upcoming_invoice").Expect(HttpStatusCode.OK);
        Assert.Equal("9", Assert.Single(estimate.GetProperty("items").EnumerateArray()).GetProperty("quantity").GetRawText());
        Assert.Equal((1, 180_00L), (estimate.GetProperty("subscription_period").GetInt32(), estimate.Amount("total")));
    }
}
