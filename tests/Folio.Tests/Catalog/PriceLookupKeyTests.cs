using System.Net;
using Folio.Tests.Support;

namespace Folio.Tests.Catalog;

public sealed class PriceLookupKeyTests(FolioApp app) : IClassFixture<FolioApp>
{
    private readonly HttpClient _admin = app.Admin();

    [Fact]
    public async Task A_lookup_key_names_one_active_price_and_finds_it()
    {
        var product = (await _admin.Product()).Str("id");
        var first = await _admin.Price(product, extra: new { lookup_key = "team_monthly" });

        var problem = await _admin.Post("/v1/prices", new { product_id = product, currency = "USD", unit_amount = 59_00, lookup_key = "team_monthly" })
            .ExpectProblem(HttpStatusCode.Conflict, "lookup_key_in_use", "lookup_key");
        Assert.Contains("transfer_lookup_key", problem.Str("detail"), StringComparison.Ordinal);

        var other = (await _admin.Price(product, extra: new { lookup_key = "team_yearly" })).Str("id");
        await _admin.Patch($"/v1/prices/{other}", new { lookup_key = "team_monthly" }).ExpectProblem(HttpStatusCode.Conflict, "lookup_key_in_use", "lookup_key");
        Assert.Equal("team_yearly", (await _admin.Get($"/v1/prices/{other}").Expect(HttpStatusCode.OK)).Str("lookup_key"));

        var found = await _admin.Get("/v1/prices?lookup_key=team_monthly&active=true").Expect(HttpStatusCode.OK);
        Assert.Equal(first.Str("id"), Assert.Single(found.GetProperty("data").EnumerateArray()).Str("id"));
    }

    [Fact]
    public async Task A_new_price_takes_the_key_from_the_old_one_with_transfer_lookup_key()
    {
        var product = (await _admin.Product()).Str("id");
        var old = (await _admin.Price(product, extra: new { lookup_key = "pro_monthly" })).Str("id");

        var replacement = await _admin.Price(product, "USD", 59_00, new { lookup_key = "pro_monthly", transfer_lookup_key = true });

        Assert.Equal("pro_monthly", replacement.Str("lookup_key"));
        var before = await _admin.Get($"/v1/prices/{old}").Expect(HttpStatusCode.OK);
        Assert.Equal((System.Text.Json.JsonValueKind.Null, 1), (before.GetProperty("lookup_key").ValueKind, before.GetProperty("version").GetInt32()));
        var found = await _admin.Get("/v1/prices?lookup_key=pro_monthly").Expect(HttpStatusCode.OK);
        Assert.Equal(replacement.Str("id"), Assert.Single(found.GetProperty("data").EnumerateArray()).Str("id"));

        // And back again, by a patch.
        var back = await _admin.Patch($"/v1/prices/{old}", new { lookup_key = "pro_monthly", transfer_lookup_key = true }).Expect(HttpStatusCode.OK);
        Assert.Equal("pro_monthly", back.Str("lookup_key"));
        Assert.Equal(System.Text.Json.JsonValueKind.Null, (await _admin.Get($"/v1/prices/{replacement.Str("id")}").Expect(HttpStatusCode.OK)).GetProperty("lookup_key").ValueKind);
    }

    [Fact]
    public async Task An_archived_price_keeps_its_key_without_holding_it_and_gets_it_back_only_if_it_is_free()
    {
        var product = (await _admin.Product()).Str("id");
        var old = (await _admin.Price(product, extra: new { lookup_key = "basic_monthly" })).Str("id");
        await _admin.Post($"/v1/prices/{old}/archive").Expect(HttpStatusCode.OK);

        var successor = (await _admin.Price(product, "USD", 59_00, new { lookup_key = "basic_monthly" })).Str("id");
        Assert.Equal("basic_monthly", (await _admin.Get($"/v1/prices/{old}").Expect(HttpStatusCode.OK)).Str("lookup_key"));
        var both = await _admin.Get("/v1/prices?lookup_key=basic_monthly").Expect(HttpStatusCode.OK);
        Assert.Equal([successor, old], both.GetProperty("data").EnumerateArray().Select(p => p.Str("id")));

        await _admin.Post($"/v1/prices/{old}/unarchive").ExpectProblem(HttpStatusCode.Conflict, "lookup_key_in_use", "lookup_key");
        Assert.False((await _admin.Get($"/v1/prices/{old}").Expect(HttpStatusCode.OK)).GetProperty("active").GetBoolean());

        await _admin.Post($"/v1/prices/{successor}/archive").Expect(HttpStatusCode.OK);
        await _admin.Post($"/v1/prices/{old}/unarchive").Expect(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Clearing_a_key_frees_it()
    {
        var product = (await _admin.Product()).Str("id");
        var first = (await _admin.Price(product, extra: new { lookup_key = "free_me" })).Str("id");

        await _admin.Patch($"/v1/prices/{first}", new { lookup_key = "" }).Expect(HttpStatusCode.OK);

        Assert.Equal("free_me", (await _admin.Price(product, extra: new { lookup_key = "free_me" })).Str("lookup_key"));
    }
}
