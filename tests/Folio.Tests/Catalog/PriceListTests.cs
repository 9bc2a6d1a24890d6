using System.Net;
using System.Text.Json;
using Folio.Tests.Support;

namespace Folio.Tests.Catalog;

public sealed class PriceListTests(FolioApp app) : IClassFixture<FolioApp>
{
    private readonly HttpClient _admin = app.Admin();

    private async Task<List<string>> Ids(string query) =>
        [.. (await _admin.Walk($"/v1/prices?{query}", 100)).Select(p => p.Str("id"))];

    [Fact]
    public async Task Filters_select_by_product_state_currency_type_and_lookup_key()
    {
        var pro = (await _admin.Product("Pro")).Str("id");
        var basic = (await _admin.Product("Basic")).Str("id");
        var proMonthlyUsd = (await _admin.Price(pro, "USD", 49_00, new { recurring = new { interval = "month" }, lookup_key = "filters_pro_monthly" })).Str("id");
        var proYearlyEur = (await _admin.Price(pro, "EUR", 450_00, new { recurring = new { interval = "year" } })).Str("id");
        var proSetupUsd = (await _admin.Price(pro, "USD", 150_00)).Str("id");
        var basicMonthlyUsd = (await _admin.Price(basic, "USD", 9_00, new { recurring = new { interval = "month" } })).Str("id");
        await _admin.Post($"/v1/prices/{proSetupUsd}/archive").Expect(HttpStatusCode.OK);

        Assert.Equal([proSetupUsd, proYearlyEur, proMonthlyUsd], await Ids($"product_id={pro}"));
        Assert.Equal([proYearlyEur, proMonthlyUsd], await Ids($"product_id={pro}&active=true"));
        Assert.Equal([proSetupUsd], await Ids($"product_id={pro}&active=false"));
        Assert.Equal([proSetupUsd, proMonthlyUsd], await Ids($"product_id={pro}&currency=USD"));
        Assert.Equal([proYearlyEur, proMonthlyUsd], await Ids($"product_id={pro}&type=recurring"));
        Assert.Equal([proSetupUsd], await Ids($"product_id={pro}&type=one_time"));
        Assert.Equal([basicMonthlyUsd], await Ids($"product_id={basic}&type=recurring&currency=USD&active=true"));
        Assert.Equal([proMonthlyUsd], await Ids("lookup_key=filters_pro_monthly"));
        Assert.Empty(await Ids($"product_id={Guid.NewGuid()}"));

        var everything = await Ids(string.Empty);
        Assert.Equal([basicMonthlyUsd, proSetupUsd, proYearlyEur, proMonthlyUsd], everything.Where(new[] { proMonthlyUsd, proYearlyEur, proSetupUsd, basicMonthlyUsd }.Contains));
    }

    [Fact]
    public async Task Bad_filters_are_refused_by_parameter()
    {
        await _admin.Get("/v1/prices?type=monthly").ExpectProblem(HttpStatusCode.BadRequest, "invalid_type", "type");
        await _admin.Get("/v1/prices?currency=usd").ExpectProblem(HttpStatusCode.BadRequest, "invalid_currency", "currency");
        await _admin.Get("/v1/prices?limit=101").ExpectProblem(HttpStatusCode.BadRequest, "invalid_limit", "limit");
        await _admin.Get("/v1/prices?page_token=abc").ExpectProblem(HttpStatusCode.BadRequest, "invalid_page_token", "page_token");
        await _admin.Get("/v1/prices?product_id=abc").ExpectProblem(HttpStatusCode.BadRequest, "invalid_parameter", "product_id");
    }

    [Fact]
    public async Task Pages_walk_every_price_of_a_product_once_newest_first_even_while_prices_are_added()
    {
        var product = (await _admin.Product("Walked")).Str("id");
        var created = new List<string>();
        for (var i = 0; i < 23; i++)
        {
            created.Add((await _admin.Price(product, "USD", 100 + i)).Str("id"));
        }

        var seen = new List<string>();
        string? token = null;
        var pages = 0;
        do
        {
            var page = await _admin.Get($"/v1/prices?product_id={product}&limit=5" + (token is null ? string.Empty : $"&page_token={token}")).Expect(HttpStatusCode.OK);
            seen.AddRange(page.GetProperty("data").EnumerateArray().Select(p => p.Str("id")));
            token = page.GetProperty("next_page_token").GetString();
            pages++;
            if (pages == 2)
            {
                // A price added mid-walk is newer than every page: it never shifts the pages still to come.
                await _admin.Price(product, "USD", 999);
            }
        }
        while (token is not null);

        Assert.Equal(5, pages);
        Assert.Equal(Enumerable.Reverse(created), seen);
    }

    [Fact]
    public async Task The_last_page_has_no_token()
    {
        var product = (await _admin.Product("Exact")).Str("id");
        await _admin.Price(product);
        await _admin.Price(product);

        var page = await _admin.Get($"/v1/prices?product_id={product}&limit=2").Expect(HttpStatusCode.OK);
        Assert.Equal((2, JsonValueKind.Null), (page.GetProperty("data").GetArrayLength(), page.GetProperty("next_page_token").ValueKind));
    }
}
