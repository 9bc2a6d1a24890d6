using System.Net;
using System.Net.Http.Json;
using Folio.Tests.Support;

namespace Folio.Tests.Dialects.ConsoleApi;

/// <summary>amountUsdCents is the invoice total at the rate fixed when it was finalized, rounded half away from zero.</summary>
public sealed class ConsoleApiAmountTests(FolioApp app) : IClassFixture<FolioApp>
{
    private readonly Books _books = app.Books();
    private readonly HttpClient _admin = app.Admin();

    [Theory]
    [InlineData("USD", 12_345, 12_345)] // cents are cents
    [InlineData("JPY", 1_234, 802)] // 1,234 yen × $0.0065 = 802.1 cents
    [InlineData("JPY", 10, 7)] // 10 yen × $0.0065 = 6.5 cents: half away from zero, not to even
    [InlineData("BHD", 1_000, 265)] // 1.000 dinar × $2.6525 = 265.25 cents
    [InlineData("BHD", 2_000, 531)] // 2.000 dinars × $2.6525 = 530.5 cents
    [InlineData("BHD", 2_002, 531)] // 2.002 dinars × $2.6525 = 531.0305 cents
    public async Task The_total_is_converted_at_the_rate_fixed_on_the_invoice(string currency, long total, long usdCents)
    {
        var organization = (await _books.Organization()).Str("id");
        var invoice = await _books.OpenDueIn(organization, 30, total, currency);
        Assert.Equal(total, invoice.Amount("total"));

        var row = Assert.Single(await _admin.Unpaid(organization));

        Assert.Equal(usdCents, row.Amount("amountUsdCents"));
        Assert.Equal(currency, row.Str("currency"));
    }

    [Fact]
    public async Task A_later_rate_does_not_move_a_finalized_invoice()
    {
        var organization = (await _books.Organization()).Str("id");
        await _books.OpenDueIn(organization, 30, 1_000, "EUR");
        await _admin.PutAsJsonAsync("/v1/exchange_rates/EUR", new { usd_per_unit = 2m }).Expect(HttpStatusCode.OK);
        try
        {
            await _books.OpenDueIn(organization, 31, 1_000, "EUR");

            var invoices = await _admin.Unpaid(organization);

            Assert.Equal([1_100L, 2_000L], invoices.Select(i => i.Amount("amountUsdCents")));
        }
        finally
        {
            await _admin.PutAsJsonAsync("/v1/exchange_rates/EUR", new { usd_per_unit = FolioApp.Rates["EUR"] }).Expect(HttpStatusCode.OK);
        }
    }
}
