using System.Net;
using Folio.Tests.Support;

namespace Folio.Tests.Catalog;

public sealed class CatalogAccessTests(FolioApp app) : IClassFixture<FolioApp>
{
    private readonly Books _books = app.Books();
    private readonly HttpClient _admin = app.Admin();

    [Fact]
    public async Task An_organization_key_reads_the_whole_catalog_and_changes_none_of_it()
    {
        var product = await _admin.Product("Shared plan");
        var price = await _admin.Price(product.Str("id"), extra: new { lookup_key = "shared_monthly" });
        var archived = (await _admin.Product("Old plan")).Str("id");
        await _admin.Post($"/v1/products/{archived}/archive").Expect(HttpStatusCode.OK);
        var organization = await _books.Organization();
        var key = app.Client(await _books.OrganizationKey(organization.Str("id")));

        Assert.Equal(product.GetRawText(), (await key.Get($"/v1/products/{product.Str("id")}").Expect(HttpStatusCode.OK)).GetRawText());
        Assert.Equal(price.GetRawText(), (await key.Get($"/v1/prices/{price.Str("id")}").Expect(HttpStatusCode.OK)).GetRawText());
        Assert.Contains(await key.Walk("/v1/products", 100), p => p.Str("id") == archived);
        Assert.Single(await key.Walk("/v1/prices?lookup_key=shared_monthly", 10));

        var id = product.Str("id");
        var priceId = price.Str("id");
        await key.Post("/v1/products", new { name = "Mine" }).ExpectProblem(HttpStatusCode.Forbidden, "admin_key_required");
        await key.Patch($"/v1/products/{id}", new { name = "Mine" }).ExpectProblem(HttpStatusCode.Forbidden, "admin_key_required");
        await key.Post($"/v1/products/{id}/archive").ExpectProblem(HttpStatusCode.Forbidden, "admin_key_required");
        await key.Post($"/v1/products/{archived}/unarchive").ExpectProblem(HttpStatusCode.Forbidden, "admin_key_required");
        await key.Delete($"/v1/products/{id}").ExpectProblem(HttpStatusCode.Forbidden, "admin_key_required");
        await key.Post("/v1/prices", new { product_id = id, currency = "USD", unit_amount = 1 }).ExpectProblem(HttpStatusCode.Forbidden, "admin_key_required");
        await key.Patch($"/v1/prices/{priceId}", new { nickname = "Mine" }).ExpectProblem(HttpStatusCode.Forbidden, "admin_key_required");
        await key.Post($"/v1/prices/{priceId}/archive").ExpectProblem(HttpStatusCode.Forbidden, "admin_key_required");
        await key.Post($"/v1/prices/{priceId}/unarchive").ExpectProblem(HttpStatusCode.Forbidden, "admin_key_required");
        await key.Delete($"/v1/prices/{priceId}").ExpectProblem(HttpStatusCode.Forbidden, "admin_key_required");

        Assert.Equal(product.GetRawText(), (await _admin.Get($"/v1/products/{id}").Expect(HttpStatusCode.OK)).GetRawText());
        Assert.Equal(price.GetRawText(), (await _admin.Get($"/v1/prices/{priceId}").Expect(HttpStatusCode.OK)).GetRawText());
        Assert.Single(await _admin.Walk($"/v1/prices?product_id={id}", 10));
    }

    [Fact]
    public async Task Without_a_key_the_catalog_is_401()
    {
        await app.Client(null).Get("/v1/products").ExpectProblem(HttpStatusCode.Unauthorized, "api_key_missing");
        await app.Client(null).Get("/v1/prices").ExpectProblem(HttpStatusCode.Unauthorized, "api_key_missing");
        await app.Client("folio_sk_nonsense").Post("/v1/products", new { name = "x" }).ExpectProblem(HttpStatusCode.Unauthorized, "api_key_invalid");
    }
}
