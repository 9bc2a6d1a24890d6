using System.Net;
using System.Text.Json;
using Folio.Tests.Support;

namespace Folio.Tests.Catalog;

public sealed class ProductTests(FolioApp app) : IClassFixture<FolioApp>
{
    private readonly HttpClient _admin = app.Admin();

    private string Now => Timestamp(app.Clock.GetUtcNow());

    internal static string Timestamp(DateTimeOffset instant) => instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task A_product_is_created_read_and_listed()
    {
        var response = await _admin.Post("/v1/products", new { name = " Pro plan ", description = "Everything in Basic, and more", metadata = new { tier = "pro" } });
        var created = await Task.FromResult(response).Expect(HttpStatusCode.Created);

        Assert.Equal($"/v1/products/{created.Str("id")}", response.Headers.Location?.ToString());
        Assert.Equal("\"v0\"", response.Headers.ETag?.Tag);
        Assert.Equal(("Pro plan", "Everything in Basic, and more", true), (created.Str("name"), created.Str("description"), created.GetProperty("active").GetBoolean()));
        Assert.Equal("pro", created.GetProperty("metadata").Str("tier"));
        Assert.Equal((Now, Now), (created.Str("created_at"), created.Str("updated_at")));
        Assert.Equal(JsonValueKind.Null, created.GetProperty("archived_at").ValueKind);

        var read = await _admin.Get($"/v1/products/{created.Str("id")}").Expect(HttpStatusCode.OK);
        Assert.Equal(created.GetRawText(), read.GetRawText());
        var listed = await _admin.Get("/v1/products?limit=100").Expect(HttpStatusCode.OK);
        Assert.Equal(created.GetRawText(), Assert.Single(listed.GetProperty("data").EnumerateArray(), p => p.Str("id") == created.Str("id")).GetRawText());
    }

    [Fact]
    public async Task Unknown_and_malformed_ids_are_404()
    {
        foreach (var id in new[] { Guid.NewGuid().ToString(), "not-an-id" })
        {
            await _admin.Get($"/v1/products/{id}").ExpectProblem(HttpStatusCode.NotFound, "product_not_found");
            await _admin.Patch($"/v1/products/{id}", new { name = "x" }).ExpectProblem(HttpStatusCode.NotFound, "product_not_found");
            await _admin.Post($"/v1/products/{id}/archive").ExpectProblem(HttpStatusCode.NotFound, "product_not_found");
            await _admin.Post($"/v1/products/{id}/unarchive").ExpectProblem(HttpStatusCode.NotFound, "product_not_found");
            await _admin.Delete($"/v1/products/{id}").ExpectProblem(HttpStatusCode.NotFound, "product_not_found");
        }
    }

    [Fact]
    public async Task Bad_input_is_refused_by_field_and_nothing_is_written()
    {
        var before = (await _admin.Walk("/v1/products", 100)).Count;

        await _admin.Post("/v1/products", new { name = "" }).ExpectProblem(HttpStatusCode.BadRequest, "invalid_name", "name");
        await _admin.Post("/v1/products", new { name = new string('n', 201) }).ExpectProblem(HttpStatusCode.BadRequest, "invalid_name", "name");
        await _admin.Post("/v1/products", new { description = "no name" }).ExpectProblem(HttpStatusCode.BadRequest, "missing_field", "name");
        await _admin.Post("/v1/products", new { name = "x", description = new string('d', 2001) }).ExpectProblem(HttpStatusCode.BadRequest, "invalid_description", "description");
        await _admin.Post("/v1/products", new { name = "x", metadata = new Dictionary<string, string> { [new string('k', 41)] = "v" } })
            .ExpectProblem(HttpStatusCode.BadRequest, "invalid_metadata", $"metadata.{new string('k', 41)}");
        await _admin.Post("/v1/products", new { name = "x", active = false }).ExpectProblem(HttpStatusCode.BadRequest, "unknown_field", "active");
        await _admin.Post("/v1/products", new { name = 7 }).ExpectProblem(HttpStatusCode.BadRequest, "invalid_json", "name");
        await _admin.Get("/v1/products?limit=0").ExpectProblem(HttpStatusCode.BadRequest, "invalid_limit", "limit");
        await _admin.Get("/v1/products?page_token=nonsense").ExpectProblem(HttpStatusCode.BadRequest, "invalid_page_token", "page_token");
        await _admin.Get("/v1/products?active=maybe").ExpectProblem(HttpStatusCode.BadRequest, "invalid_parameter", "active");

        Assert.Equal(before, (await _admin.Walk("/v1/products", 100)).Count);
    }

    [Fact]
    public async Task A_patch_changes_what_it_names_merges_metadata_and_bumps_the_etag()
    {
        var product = await _admin.Product(extra: new { name = "Basic", description = "Starter", metadata = new { a = "1", b = "2" } });
        var id = product.Str("id");
        var createdAt = Now;
        app.Clock.Advance(TimeSpan.FromMinutes(5));

        var response = await _admin.Patch($"/v1/products/{id}", new { description = "", metadata = new { a = "", c = "3" } });
        var patched = await Task.FromResult(response).Expect(HttpStatusCode.OK);

        Assert.Equal("\"v1\"", response.Headers.ETag?.Tag);
        Assert.Equal(("Basic", JsonValueKind.Null, 1), (patched.Str("name"), patched.GetProperty("description").ValueKind, patched.GetProperty("version").GetInt32()));
        Assert.Equal("""{"b":"2","c":"3"}""", patched.GetProperty("metadata").GetRawText());
        Assert.Equal((createdAt, Now), (patched.Str("created_at"), patched.Str("updated_at")));

        await _admin.Patch($"/v1/products/{id}", new { name = "" }).ExpectProblem(HttpStatusCode.BadRequest, "invalid_name", "name");
        await _admin.Patch($"/v1/products/{id}", new { id = Guid.NewGuid() }).ExpectProblem(HttpStatusCode.BadRequest, "unknown_field", "id");
        var unchanged = await _admin.Get($"/v1/products/{id}").Expect(HttpStatusCode.OK);
        Assert.Equal(patched.GetRawText(), unchanged.GetRawText());
    }

    [Fact]
    public async Task A_stale_if_match_is_refused_with_412_and_a_fresh_one_is_accepted()
    {
        var id = (await _admin.Product()).Str("id");
        var etag = (await _admin.Get($"/v1/products/{id}")).Headers.ETag!.Tag;

        await _admin.PatchIfMatch($"/v1/products/{id}", new { name = "First" }, etag).Expect(HttpStatusCode.OK);
        await _admin.PatchIfMatch($"/v1/products/{id}", new { name = "Second" }, etag).ExpectProblem(HttpStatusCode.PreconditionFailed, "version_mismatch");
        await _admin.PatchIfMatch($"/v1/products/{id}", new { name = "Third" }, "yesterday").ExpectProblem(HttpStatusCode.BadRequest, "invalid_if_match", "If-Match");

        var current = await _admin.Get($"/v1/products/{id}");
        Assert.Equal("First", (await current.Json()).Str("name"));
        await _admin.PatchIfMatch($"/v1/products/{id}", new { name = "Fourth" }, current.Headers.ETag!.Tag).Expect(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Archiving_and_unarchiving_go_one_way_at_a_time_and_a_renamed_archived_product_keeps_its_state()
    {
        var id = (await _admin.Product()).Str("id");
        app.Clock.Advance(TimeSpan.FromHours(1));

        var archived = await _admin.Post($"/v1/products/{id}/archive").Expect(HttpStatusCode.OK);
        Assert.Equal((false, Now), (archived.GetProperty("active").GetBoolean(), archived.Str("archived_at")));
        await _admin.Post($"/v1/products/{id}/archive").ExpectProblem(HttpStatusCode.Conflict, "product_archived");

        var renamed = await _admin.Patch($"/v1/products/{id}", new { name = "Legacy plan" }).Expect(HttpStatusCode.OK);
        Assert.Equal(("Legacy plan", false), (renamed.Str("name"), renamed.GetProperty("active").GetBoolean()));

        var unarchived = await _admin.Post($"/v1/products/{id}/unarchive").Expect(HttpStatusCode.OK);
        Assert.Equal((true, JsonValueKind.Null), (unarchived.GetProperty("active").GetBoolean(), unarchived.GetProperty("archived_at").ValueKind));
        await _admin.Post($"/v1/products/{id}/unarchive").ExpectProblem(HttpStatusCode.Conflict, "product_not_archived");
    }

    [Fact]
    public async Task The_active_filter_separates_archived_products_and_pages_walk_every_product_once_newest_first()
    {
        var created = new List<string>();
        for (var i = 0; i < 12; i++)
        {
            created.Add((await _admin.Product($"Walk {i}")).Str("id"));
        }

        foreach (var id in created.Where((_, i) => i % 3 == 0))
        {
            await _admin.Post($"/v1/products/{id}/archive").Expect(HttpStatusCode.OK);
        }

        var all = (await _admin.Walk("/v1/products", 5)).Select(p => p.Str("id")).ToList();
        var active = (await _admin.Walk("/v1/products?active=true", 5)).Select(p => p.Str("id")).ToList();
        var archived = (await _admin.Walk("/v1/products?active=false", 2)).Select(p => p.Str("id")).ToList();

        Assert.Equal(Enumerable.Reverse(created), all.Where(created.Contains));
        Assert.Equal(Enumerable.Reverse(created).Where((_, i) => (11 - i) % 3 != 0), active.Where(created.Contains));
        Assert.Equal(Enumerable.Reverse(created).Where((_, i) => (11 - i) % 3 == 0), archived.Where(created.Contains));
        Assert.Empty(active.Intersect(archived));
        Assert.Equal(all.Order(StringComparer.Ordinal), active.Concat(archived).Order(StringComparer.Ordinal));
    }
}
