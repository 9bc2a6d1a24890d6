using System.Net;
using System.Text.Json;
using Folio.Tests.Support;

namespace Folio.Tests.Catalog;

public sealed class PriceTests(FolioApp app) : IClassFixture<FolioApp>
{
    private readonly HttpClient _admin = app.Admin();

    private string Now => ProductTests.Timestamp(app.Clock.GetUtcNow());

    [Fact]
    public async Task A_recurring_price_is_created_with_its_terms_and_read_back()
    {
        var product = (await _admin.Product()).Str("id");

        var response = await _admin.Post("/v1/prices", new
        {
            product_id = product,
            currency = "EUR",
            unit_amount = 19_99,
            recurring = new { interval = "month", interval_count = 3 },
            tax_rate = 19.0,
            tax_inclusive = true,
            nickname = "Quarterly",
            lookup_key = "pro_quarterly_eur",
            metadata = new { plan = "pro" },
        });
        var price = await Task.FromResult(response).Expect(HttpStatusCode.Created);

        Assert.Equal($"/v1/prices/{price.Str("id")}", response.Headers.Location?.ToString());
        Assert.Equal("\"v0\"", response.Headers.ETag?.Tag);
        Assert.Equal((product, true, "EUR", 19_99L, "recurring"), (price.Str("product_id"), price.GetProperty("active").GetBoolean(), price.Str("currency"), price.Amount("unit_amount"), price.Str("type")));
        Assert.Equal("""{"interval":"month","interval_count":3}""", price.GetProperty("recurring").GetRawText());
        Assert.Equal(("19", true), (price.GetProperty("tax_rate").GetRawText(), price.GetProperty("tax_inclusive").GetBoolean()));
        Assert.Equal(("Quarterly", "pro_quarterly_eur", "pro"), (price.Str("nickname"), price.Str("lookup_key"), price.GetProperty("metadata").Str("plan")));

        var read = await _admin.Get($"/v1/prices/{price.Str("id")}").Expect(HttpStatusCode.OK);
        Assert.Equal(price.GetRawText(), read.GetRawText());
    }

    [Fact]
    public async Task A_price_without_recurring_is_one_time_and_recurring_defaults_to_one_interval()
    {
        var product = (await _admin.Product()).Str("id");

        var fee = await _admin.Price(product, "JPY", 5_000);
        Assert.Equal(("one_time", JsonValueKind.Null, "0", false), (fee.Str("type"), fee.GetProperty("recurring").ValueKind, fee.GetProperty("tax_rate").GetRawText(), fee.GetProperty("tax_inclusive").GetBoolean()));
        Assert.Equal((JsonValueKind.Null, JsonValueKind.Null), (fee.GetProperty("nickname").ValueKind, fee.GetProperty("lookup_key").ValueKind));

        var yearly = await _admin.Price(product, "USD", 490_00, new { type = "recurring", recurring = new { interval = "year" } });
        Assert.Equal("""{"interval":"year","interval_count":1}""", yearly.GetProperty("recurring").GetRawText());

        var free = await _admin.Price(product, "BHD", 0);
        Assert.Equal(0, free.Amount("unit_amount"));
    }

    [Fact]
    public async Task Bad_terms_are_refused_by_field_and_nothing_is_written()
    {
        var product = (await _admin.Product()).Str("id");
        Task<JsonElement> Refused(object body, HttpStatusCode status, string code, string field) => _admin.Post("/v1/prices", body).ExpectProblem(status, code, field);

        await Refused(new { product_id = product, currency = "usd", unit_amount = 100 }, HttpStatusCode.BadRequest, "invalid_currency", "currency");
        await Refused(new { product_id = product, currency = "USD", unit_amount = -1 }, HttpStatusCode.BadRequest, "invalid_unit_amount", "unit_amount");
        await Refused(new { product_id = product, currency = "USD", unit_amount = 1_000_000_000_001 }, HttpStatusCode.BadRequest, "invalid_unit_amount", "unit_amount");
        await Refused(new { product_id = product, currency = "USD", unit_amount = 1.5 }, HttpStatusCode.BadRequest, "invalid_json", "unit_amount");
        await Refused(new { product_id = product, currency = "USD", unit_amount = 100, tax_rate = 100.5 }, HttpStatusCode.BadRequest, "invalid_tax_rate", "tax_rate");
        await Refused(new { product_id = product, currency = "USD", unit_amount = 100, tax_rate = 8.87501 }, HttpStatusCode.BadRequest, "invalid_tax_rate", "tax_rate");
        await Refused(new { product_id = product, currency = "USD", unit_amount = 100, type = "recurring" }, HttpStatusCode.BadRequest, "missing_recurring", "recurring");
        await Refused(new { product_id = product, currency = "USD", unit_amount = 100, type = "one_time", recurring = new { interval = "month" } }, HttpStatusCode.BadRequest, "invalid_recurring", "recurring");
        await Refused(new { product_id = product, currency = "USD", unit_amount = 100, recurring = new { interval = "month", interval_count = 37 } }, HttpStatusCode.BadRequest, "invalid_interval_count", "recurring.interval_count");
        await Refused(new { product_id = product, currency = "USD", unit_amount = 100, recurring = new { interval = "fortnight" } }, HttpStatusCode.BadRequest, "invalid_json", "recurring.interval");
        await Refused(new { product_id = product, currency = "USD", unit_amount = 100, recurring = new { interval_count = 2 } }, HttpStatusCode.BadRequest, "missing_field", "recurring.interval");
        await Refused(new { product_id = product, currency = "USD", unit_amount = 100, type = "monthly" }, HttpStatusCode.BadRequest, "invalid_json", "type");
        await Refused(new { product_id = product, currency = "USD", unit_amount = 100, nickname = new string('n', 201) }, HttpStatusCode.BadRequest, "invalid_nickname", "nickname");
        await Refused(new { product_id = product, currency = "USD", unit_amount = 100, lookup_key = "has space" }, HttpStatusCode.BadRequest, "invalid_lookup_key", "lookup_key");
        await Refused(new { product_id = product, currency = "USD" }, HttpStatusCode.BadRequest, "missing_field", "unit_amount");
        await Refused(new { currency = "USD", unit_amount = 100 }, HttpStatusCode.BadRequest, "missing_field", "product_id");
        await Refused(new { product_id = Guid.NewGuid(), currency = "USD", unit_amount = 100 }, HttpStatusCode.UnprocessableEntity, "product_not_found", "product_id");
        await Refused(new { product_id = product, currency = "USD", unit_amount = 100, active = false }, HttpStatusCode.BadRequest, "unknown_field", "active");

        var all = await _admin.Post("/v1/prices", new { product_id = product, currency = "usd", unit_amount = -1, type = "recurring", tax_rate = 101 }).ExpectProblem(HttpStatusCode.BadRequest, "invalid_currency", "currency");
        Assert.Equal(["currency", "unit_amount", "recurring", "tax_rate"], all.GetProperty("errors").EnumerateArray().Select(e => e.Str("field")));

        Assert.Empty((await _admin.Get($"/v1/prices?product_id={product}").Expect(HttpStatusCode.OK)).GetProperty("data").EnumerateArray());
    }

    [Fact]
    public async Task An_archived_product_gets_no_new_prices()
    {
        var product = (await _admin.Product()).Str("id");
        await _admin.Post($"/v1/products/{product}/archive").Expect(HttpStatusCode.OK);

        await _admin.Post("/v1/prices", new { product_id = product, currency = "USD", unit_amount = 100 }).ExpectProblem(HttpStatusCode.UnprocessableEntity, "product_archived", "product_id");
        Assert.Empty((await _admin.Get($"/v1/prices?product_id={product}").Expect(HttpStatusCode.OK)).GetProperty("data").EnumerateArray());

        await _admin.Post($"/v1/products/{product}/unarchive").Expect(HttpStatusCode.OK);
        await _admin.Price(product);
    }

    [Fact]
    public async Task Archiving_a_product_leaves_its_prices_active()
    {
        var product = (await _admin.Product()).Str("id");
        var price = (await _admin.Price(product)).Str("id");

        await _admin.Post($"/v1/products/{product}/archive").Expect(HttpStatusCode.OK);

        var read = await _admin.Get($"/v1/prices/{price}").Expect(HttpStatusCode.OK);
        Assert.True(read.GetProperty("active").GetBoolean());
    }

    [Fact]
    public async Task A_patch_changes_nickname_lookup_key_and_metadata_but_never_the_money_terms()
    {
        var product = (await _admin.Product()).Str("id");
        var price = await _admin.Price(product, "USD", 49_00, new { nickname = "Monthly", lookup_key = "patch_me", metadata = new { a = "1" }, recurring = new { interval = "month" } });
        var id = price.Str("id");
        app.Clock.Advance(TimeSpan.FromMinutes(1));

        var response = await _admin.Patch($"/v1/prices/{id}", new { nickname = "Monthly (2026)", lookup_key = "", metadata = new { a = "", b = "2" } });
        var patched = await Task.FromResult(response).Expect(HttpStatusCode.OK);
        Assert.Equal("\"v1\"", response.Headers.ETag?.Tag);
        Assert.Equal(("Monthly (2026)", JsonValueKind.Null, """{"b":"2"}"""), (patched.Str("nickname"), patched.GetProperty("lookup_key").ValueKind, patched.GetProperty("metadata").GetRawText()));
        Assert.Equal(Now, patched.Str("updated_at"));

        foreach (var (field, body) in new (string, object)[]
        {
            ("unit_amount", new { unit_amount = 59_00 }),
            ("currency", new { currency = "EUR" }),
            ("tax_rate", new { tax_rate = 20 }),
            ("tax_inclusive", new { tax_inclusive = true }),
            ("recurring", new { recurring = new { interval = "year" } }),
            ("type", new { type = "one_time" }),
            ("product_id", new { product_id = product }),
        })
        {
            await _admin.Patch($"/v1/prices/{id}", body).ExpectProblem(HttpStatusCode.BadRequest, "unknown_field", field);
        }

        await _admin.Patch($"/v1/prices/{id}", new { nickname = " " }).ExpectProblem(HttpStatusCode.BadRequest, "invalid_nickname", "nickname");
        var unchanged = await _admin.Get($"/v1/prices/{id}").Expect(HttpStatusCode.OK);
        Assert.Equal(patched.GetRawText(), unchanged.GetRawText());
        Assert.Equal((49_00L, "USD"), (unchanged.Amount("unit_amount"), unchanged.Str("currency")));
    }

    [Fact]
    public async Task A_stale_if_match_is_refused_with_412()
    {
        var id = (await _admin.Price((await _admin.Product()).Str("id"))).Str("id");
        var etag = (await _admin.Get($"/v1/prices/{id}")).Headers.ETag!.Tag;

        await _admin.PatchIfMatch($"/v1/prices/{id}", new { nickname = "First" }, etag).Expect(HttpStatusCode.OK);
        await _admin.PatchIfMatch($"/v1/prices/{id}", new { nickname = "Second" }, etag).ExpectProblem(HttpStatusCode.PreconditionFailed, "version_mismatch");
        await _admin.PatchIfMatch($"/v1/prices/{id}", new { nickname = "Third" }, "W/\"x\"").ExpectProblem(HttpStatusCode.BadRequest, "invalid_if_match", "If-Match");
        Assert.Equal("First", (await _admin.Get($"/v1/prices/{id}").Expect(HttpStatusCode.OK)).Str("nickname"));
    }

    [Fact]
    public async Task Archiving_and_unarchiving_go_one_way_at_a_time()
    {
        var id = (await _admin.Price((await _admin.Product()).Str("id"))).Str("id");

        var archived = await _admin.Post($"/v1/prices/{id}/archive").Expect(HttpStatusCode.OK);
        Assert.Equal((false, Now), (archived.GetProperty("active").GetBoolean(), archived.Str("archived_at")));
        await _admin.Post($"/v1/prices/{id}/archive").ExpectProblem(HttpStatusCode.Conflict, "price_archived");
        var renamed = await _admin.Patch($"/v1/prices/{id}", new { nickname = "Old" }).Expect(HttpStatusCode.OK);
        Assert.False(renamed.GetProperty("active").GetBoolean());

        var unarchived = await _admin.Post($"/v1/prices/{id}/unarchive").Expect(HttpStatusCode.OK);
        Assert.Equal((true, JsonValueKind.Null), (unarchived.GetProperty("active").GetBoolean(), unarchived.GetProperty("archived_at").ValueKind));
        await _admin.Post($"/v1/prices/{id}/unarchive").ExpectProblem(HttpStatusCode.Conflict, "price_not_archived");
    }

    [Fact]
    public async Task Unknown_and_malformed_ids_are_404()
    {
        foreach (var id in new[] { Guid.NewGuid().ToString(), "nope" })
        {
            await _admin.Get($"/v1/prices/{id}").ExpectProblem(HttpStatusCode.NotFound, "price_not_found");
            await _admin.Patch($"/v1/prices/{id}", new { nickname = "x" }).ExpectProblem(HttpStatusCode.NotFound, "price_not_found");
            await _admin.Post($"/v1/prices/{id}/archive").ExpectProblem(HttpStatusCode.NotFound, "price_not_found");
            await _admin.Post($"/v1/prices/{id}/unarchive").ExpectProblem(HttpStatusCode.NotFound, "price_not_found");
            await _admin.Delete($"/v1/prices/{id}").ExpectProblem(HttpStatusCode.NotFound, "price_not_found");
        }
    }
}
