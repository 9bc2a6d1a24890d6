using System.Net;
using System.Net.Http.Json;
using Folio.Tests.Support;

namespace Folio.Tests.ExchangeRates;

public sealed class ExchangeRateTests(FolioApp app) : IClassFixture<FolioApp>
{
    private readonly Books _books = app.Books();
    private readonly HttpClient _admin = app.Admin();

    private Task<HttpResponseMessage> SetRate(string currency, object body) => _admin.PutAsJsonAsync($"/v1/exchange_rates/{currency}", body);

    [Fact]
    public async Task Rates_are_set_listed_and_removed_by_an_admin()
    {
        var set = await SetRate("GBP", new { usd_per_unit = 1.2704m }).Expect(HttpStatusCode.OK);
        Assert.Equal(1.2704m, set.GetProperty("usd_per_unit").GetDecimal());
        Assert.Equal("2026-03-02T09:00:00Z", set.Str("updated_at"));

        var list = await _admin.GetAsync(new Uri("/v1/exchange_rates", UriKind.Relative)).Expect(HttpStatusCode.OK);
        Assert.Contains(list.GetProperty("data").EnumerateArray(), r => r.Str("currency") == "GBP" && r.GetProperty("usd_per_unit").GetDecimal() == 1.2704m);

        Assert.Equal(HttpStatusCode.NoContent, (await _admin.DeleteAsync(new Uri("/v1/exchange_rates/GBP", UriKind.Relative))).StatusCode);
        await _admin.DeleteAsync(new Uri("/v1/exchange_rates/GBP", UriKind.Relative)).ExpectProblem(HttpStatusCode.NotFound, "exchange_rate_not_found");
    }

    [Fact]
    public async Task Bad_rates_are_refused_by_field_and_organization_keys_cannot_touch_them()
    {
        await SetRate("CHF", new { usd_per_unit = 0 }).ExpectProblem(HttpStatusCode.BadRequest, "invalid_rate", "usd_per_unit");
        await SetRate("CHF", new { usd_per_unit = 1.123456789012m }).ExpectProblem(HttpStatusCode.BadRequest, "invalid_rate", "usd_per_unit");
        await SetRate("USD", new { usd_per_unit = 2 }).ExpectProblem(HttpStatusCode.BadRequest, "invalid_currency", "currency");
        await SetRate("chf", new { usd_per_unit = 1.1m }).ExpectProblem(HttpStatusCode.BadRequest, "invalid_currency", "currency");
        var list = await _admin.GetAsync(new Uri("/v1/exchange_rates", UriKind.Relative)).Expect(HttpStatusCode.OK);
        Assert.DoesNotContain(list.GetProperty("data").EnumerateArray(), r => r.Str("currency") == "CHF");

        var organization = await _books.Organization();
        var key = await _books.OrganizationKey(organization.Str("id"));
        var client = app.Client(key);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PutAsJsonAsync("/v1/exchange_rates/CHF", new { usd_per_unit = 1.1m })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(new Uri("/v1/exchange_rates", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task Finalizing_without_a_rate_fails_clearly_and_changes_nothing()
    {
        var customer = (await _books.Organization()).Str("id");
        var draft = await _books.Draft(customer, "CHF");

        var problem = await _admin.Post($"/v1/invoices/{draft.Str("id")}/finalize").ExpectProblem(HttpStatusCode.UnprocessableEntity, "missing_exchange_rate", "currency");
        Assert.Contains("CHF", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);

        var unchanged = await _admin.GetAsync(new Uri($"/v1/invoices/{draft.Str("id")}", UriKind.Relative)).Expect(HttpStatusCode.OK);
        Assert.Equal(("draft", 0), (unchanged.Str("status"), unchanged.GetProperty("version").GetInt32()));

        // The refused finalization took no number: the next invoice gets the first free one.
        await SetRate("CHF", new { usd_per_unit = 1.13m }).Expect(HttpStatusCode.OK);
        var before = await _books.Open(customer);
        var issued = await _books.Finalize(draft.Str("id"));
        Assert.Equal(NextNumber(before.Str("number")), issued.Str("number"));
        Assert.Equal(1.13m, issued.GetProperty("usd_per_unit").GetDecimal());
    }

    [Fact]
    public async Task An_invoice_keeps_the_rate_it_was_finalized_with()
    {
        var customer = (await _books.Organization()).Str("id");
        await SetRate("GBP", new { usd_per_unit = 1.25m }).Expect(HttpStatusCode.OK);
        // 100.01 GBP at 1.25 = 125.0125 USD → 12,501 cents.
        var early = await _books.Open(customer, "GBP", new { description = "Service", unit_amount = 100_01 });
        Assert.Equal((1.25m, 12_501L), (early.GetProperty("usd_per_unit").GetDecimal(), early.Amount("total_usd_cents")));

        await SetRate("GBP", new { usd_per_unit = 1.5m }).Expect(HttpStatusCode.OK);
        var late = await _books.Open(customer, "GBP", new { description = "Service", unit_amount = 100_01 });

        var reread = await _admin.GetAsync(new Uri($"/v1/invoices/{early.Str("id")}", UriKind.Relative)).Expect(HttpStatusCode.OK);
        Assert.Equal((1.25m, 12_501L), (reread.GetProperty("usd_per_unit").GetDecimal(), reread.Amount("total_usd_cents")));
        // 100.01 GBP at 1.5 = 150.015 USD → 15,002 cents (half away from zero).
        Assert.Equal(15_002, late.Amount("total_usd_cents"));
    }

    private static string NextNumber(string number)
    {
        var dash = number.LastIndexOf('-');
        var next = int.Parse(number[(dash + 1)..], System.Globalization.CultureInfo.InvariantCulture) + 1;
        return $"{number[..dash]}-{next.ToString("0000", System.Globalization.CultureInfo.InvariantCulture)}";
    }
}
