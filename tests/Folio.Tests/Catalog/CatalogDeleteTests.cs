using System.Net;
using Folio.Tests.Support;

namespace Folio.Tests.Catalog;

/// <summary>A price an invoice line was made from, and its product, stay in the books: archived, never deleted.</summary>
public sealed class CatalogDeleteTests(FolioApp app) : IClassFixture<FolioApp>
{
    private readonly Books _books = app.Books();
    private readonly HttpClient _admin = app.Admin();

    [Fact]
    public async Task An_unused_price_is_deleted()
    {
        var product = (await _admin.Product()).Str("id");
        var price = (await _admin.Price(product)).Str("id");

        await _admin.Delete($"/v1/prices/{price}").Expect(HttpStatusCode.NoContent);

        await _admin.Get($"/v1/prices/{price}").ExpectProblem(HttpStatusCode.NotFound, "price_not_found");
        await _admin.Delete($"/v1/prices/{price}").ExpectProblem(HttpStatusCode.NotFound, "price_not_found");
        await _admin.Get($"/v1/products/{product}").Expect(HttpStatusCode.OK);
    }

    [Fact]
    public async Task An_unused_product_is_deleted_with_its_unused_prices()
    {
        var product = (await _admin.Product()).Str("id");
        var monthly = (await _admin.Price(product, extra: new { recurring = new { interval = "month" } })).Str("id");
        var archived = (await _admin.Price(product, "EUR", 45_00)).Str("id");
        await _admin.Post($"/v1/prices/{archived}/archive").Expect(HttpStatusCode.OK);

        await _admin.Delete($"/v1/products/{product}").Expect(HttpStatusCode.NoContent);

        await _admin.Get($"/v1/products/{product}").ExpectProblem(HttpStatusCode.NotFound, "product_not_found");
        await _admin.Get($"/v1/prices/{monthly}").ExpectProblem(HttpStatusCode.NotFound, "price_not_found");
        await _admin.Get($"/v1/prices/{archived}").ExpectProblem(HttpStatusCode.NotFound, "price_not_found");
        Assert.Empty(await _admin.Walk($"/v1/prices?product_id={product}", 10));
    }

    [Fact]
    public async Task A_used_price_and_its_product_are_refused_deletion_and_can_be_archived_instead()
    {
        var customer = (await _books.Organization()).Str("id");
        var product = (await _admin.Product()).Str("id");
        var used = (await _admin.Price(product)).Str("id");
        var unused = (await _admin.Price(product, "EUR", 45_00)).Str("id");
        var invoice = await _books.Open(customer, "USD", new { price_id = used });

        var problem = await _admin.Delete($"/v1/prices/{used}").ExpectProblem(HttpStatusCode.Conflict, "price_in_use");
        Assert.Contains("archive", problem.Str("detail"), StringComparison.Ordinal);
        problem = await _admin.Delete($"/v1/products/{product}").ExpectProblem(HttpStatusCode.Conflict, "product_in_use");
        Assert.Contains("archive", problem.Str("detail"), StringComparison.Ordinal);

        // Nothing went: not the product, not even its unused price.
        await _admin.Get($"/v1/products/{product}").Expect(HttpStatusCode.OK);
        await _admin.Get($"/v1/prices/{used}").Expect(HttpStatusCode.OK);
        await _admin.Get($"/v1/prices/{unused}").Expect(HttpStatusCode.OK);

        await _admin.Post($"/v1/prices/{used}/archive").Expect(HttpStatusCode.OK);
        await _admin.Post($"/v1/products/{product}/archive").Expect(HttpStatusCode.OK);
        await _admin.Delete($"/v1/prices/{used}").ExpectProblem(HttpStatusCode.Conflict, "price_in_use");
        await _admin.Delete($"/v1/prices/{unused}").Expect(HttpStatusCode.NoContent);

        // The invoice still names its price.
        var read = await _admin.Get($"/v1/invoices/{invoice.Str("id")}").Expect(HttpStatusCode.OK);
        Assert.Equal(used, read.GetProperty("items")[0].Str("price_id"));
    }

    [Fact]
    public async Task A_price_used_only_by_a_draft_is_free_again_once_the_line_or_the_draft_is_gone()
    {
        var customer = (await _books.Organization()).Str("id");
        var product = (await _admin.Product()).Str("id");
        var price = (await _admin.Price(product)).Str("id");
        var draft = await _books.Draft(customer, "USD", new { price_id = price }, new { description = "By hand", unit_amount = 100 });
        var id = draft.Str("id");

        await _admin.Delete($"/v1/prices/{price}").ExpectProblem(HttpStatusCode.Conflict, "price_in_use");

        // Replacing the lines drops the one made from the price.
        await _admin.Patch($"/v1/invoices/{id}", new { items = new[] { new { description = "By hand", unit_amount = 100 } } }).Expect(HttpStatusCode.OK);
        await _admin.Delete($"/v1/products/{product}").Expect(HttpStatusCode.NoContent);
        await _admin.Get($"/v1/prices/{price}").ExpectProblem(HttpStatusCode.NotFound, "price_not_found");
    }

    [Fact]
    public async Task Deleting_a_draft_frees_its_prices()
    {
        var customer = (await _books.Organization()).Str("id");
        var price = (await _admin.Price((await _admin.Product()).Str("id"))).Str("id");
        var draft = (await _books.Draft(customer, "USD", new { price_id = price })).Str("id");
        await _admin.Delete($"/v1/prices/{price}").ExpectProblem(HttpStatusCode.Conflict, "price_in_use");

        await _admin.Delete($"/v1/invoices/{draft}").Expect(HttpStatusCode.NoContent);

        await _admin.Delete($"/v1/prices/{price}").Expect(HttpStatusCode.NoContent);
    }
}
