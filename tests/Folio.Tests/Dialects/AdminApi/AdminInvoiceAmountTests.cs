using System.Net;
using Folio.Tests.Support;

namespace Folio.Tests.Dialects.AdminApi;

/// <summary>Amounts are decimal strings in the currency's major units, split as the vendor's SDK reads them.</summary>
public sealed class AdminInvoiceAmountTests(FolioApp app) : IClassFixture<FolioApp>
{
    private readonly Books _books = app.Books();
    private readonly HttpClient _admin = app.Admin();

    [Theory]
    [InlineData("JPY", 1_500, "1500")]
    [InlineData("USD", 12_345, "123.45")]
    [InlineData("USD", 12_300, "123")]
    [InlineData("BHD", 1_234_567, "1234.567")]
    [InlineData("BHD", 1_234_500, "1234.5")]
    public async Task Amounts_are_exact_decimal_strings_in_major_units(string currency, long minorUnits, string expected)
    {
        var customer = (await _books.Organization()).Str("id");
        var open = await _books.Open(customer, currency, new { description = "Service", unit_amount = minorUnits });

        var invoice = await _admin.AdminInvoice(open.Str("id"));
        Assert.Equal(currency, invoice.Str("currencyCode"));
        Assert.Equal(expected, invoice.Str("totalAmount"));
        Assert.Equal(expected, invoice.Str("subtotalAmount"));
        Assert.Equal(expected, invoice.Str("dueAmount"));
        Assert.Equal(expected, invoice.Str("remainingDueAmount"));
        Assert.Equal("0", invoice.Str("paidAmount"));
        Assert.Equal(expected, invoice.GetProperty("items")[0].Str("subtotalAmount"));
    }

    [Fact]
    public async Task The_subtotal_is_after_item_discounts_and_the_discount_is_the_invoice_level_one()
    {
        var customer = (await _books.Organization()).Str("id");
        var draft = await _admin.Post("/v1/invoices", new
        {
            customer_id = customer,
            currency = "USD",
            discount_amount = 1_400,
            items = new object[]
            {
                new { description = "Arm", quantity = 2.5m, unit_amount = 4_000, discount_amount = 1_000 },
                new { description = "Licence", unit_amount = 5_000, tax_rate = 10 },
            },
        }).Expect(HttpStatusCode.Created);
        var open = await _books.Finalize(draft.Str("id"));
        Assert.Equal(13_050, open.Amount("total"));

        var invoice = await _admin.AdminInvoice(open.Str("id"));
        Assert.Equal("140", invoice.Str("subtotalAmount"));
        Assert.Equal("14", invoice.Str("discountAmount"));
        Assert.Equal("4.5", invoice.Str("taxAmount"));
        Assert.Equal("130.5", invoice.Str("totalAmount"));
        var arm = invoice.GetProperty("items")[0];
        Assert.Equal(2.5m, arm.GetProperty("quantity").GetDecimal());
        Assert.Equal("100", arm.Str("subtotalAmount"));
        Assert.Equal("10", arm.Str("discountAmount"));
        var licence = invoice.GetProperty("items")[1];
        Assert.Equal("Licence", licence.Str("description"));
        Assert.Equal("50", licence.Str("subtotalAmount"));
        Assert.Equal("0", licence.Str("discountAmount"));
    }

    [Fact]
    public async Task Credit_applied_at_finalization_shows_in_the_balance_and_lowers_what_is_due()
    {
        var customer = (await _books.Organization()).Str("id");
        await _admin.Post($"/v1/customers/{customer}/balance_transactions", new { amount = 3_000, currency = "USD", type = "grant" }).Expect(HttpStatusCode.Created);
        var draft = await _books.Draft(customer);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, (await _admin.AdminInvoice(draft.Str("id"))).GetProperty("balance").ValueKind);

        var open = await _books.Finalize(draft.Str("id"));
        await _books.Pay(open.Str("id"), 2_000);

        var invoice = await _admin.AdminInvoice(open.Str("id"));
        var balance = invoice.GetProperty("balance");
        Assert.Equal("30", balance.Str("startAmount"));
        Assert.Equal("0", balance.Str("endAmount"));
        Assert.Equal("-30", balance.Str("appliedAmount"));
        Assert.Equal("100", invoice.Str("totalAmount"));
        Assert.Equal("70", invoice.Str("dueAmount"));
        Assert.Equal("20", invoice.Str("paidAmount"));
        Assert.Equal("50", invoice.Str("remainingDueAmount"));
    }

    [Fact]
    public async Task Without_credit_the_balance_is_zero_and_the_whole_total_is_due()
    {
        var customer = (await _books.Organization()).Str("id");
        var open = await _books.Open(customer, "JPY", new { description = "Service", unit_amount = 1_500 });

        var invoice = await _admin.AdminInvoice(open.Str("id"));
        Assert.Equal("0", invoice.GetProperty("balance").Str("startAmount"));
        Assert.Equal("0", invoice.GetProperty("balance").Str("appliedAmount"));
        Assert.Equal("1500", invoice.Str("dueAmount"));
    }
}
