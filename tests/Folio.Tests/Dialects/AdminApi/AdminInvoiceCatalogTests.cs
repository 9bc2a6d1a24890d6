using System.Net;
using Folio.Tests.Catalog;
using Folio.Tests.Support;

namespace Folio.Tests.Dialects.AdminApi;

/// <summary>An item made from a catalog price carries that price and its product, in the admin SDK's shapes.</summary>
public sealed class AdminInvoiceCatalogTests(FolioApp app) : IClassFixture<FolioApp>
{
    private readonly Books _books = app.Books();
    private readonly HttpClient _admin = app.Admin();

    [Fact]
    public async Task An_item_from_a_price_shows_the_price_and_its_product_and_a_typed_line_shows_neither()
    {
        var organization = (await _books.Organization()).Str("id");
        var product = await _admin.Product("Robot arm", new { name = "Robot arm", description = "Six axes" });
        var monthly = await _admin.Price(product.Str("id"), "USD", 9_95, new { nickname = "Arm monthly", recurring = new { interval = "month", interval_count = 3 } });
        var setup = await _admin.Price(product.Str("id"), "USD", 150_00);
        var draft = await _books.Draft(
            organization, "USD", new { price_id = monthly.Str("id"), quantity = 2 }, new { price_id = setup.Str("id") }, new { description = "Shipping", unit_amount = 12_00 });
        await _books.Finalize(draft.Str("id"));

        var items = Assert.Single((await _admin.AdminPage($"organizationId={organization}")).Invoices()).GetProperty("items").EnumerateArray().ToList();

        var recurring = items[0];
        Assert.Equal(product.Str("id"), recurring.GetProperty("product").Str("id"));
        Assert.Equal("Robot arm", recurring.GetProperty("product").Str("displayName"));
        Assert.Equal("Six axes", recurring.GetProperty("product").Str("description"));
        Assert.False(recurring.GetProperty("product").GetProperty("archived").GetBoolean());
        Assert.Equal("BASIC", recurring.GetProperty("product").Str("view"));
        var price = recurring.GetProperty("price");
        Assert.Equal(monthly.Str("id"), price.Str("id"));
        Assert.Equal("USD", price.Str("currencyCode"));
        Assert.Equal("RECURRING", price.Str("billingMode"));
        Assert.Equal(3, price.GetProperty("interval").GetProperty("quantity").GetInt32());
        Assert.Equal("MONTH", price.GetProperty("interval").Str("unit"));
        Assert.Equal("Arm monthly", price.Str("displayName"));
        Assert.Equal("9.95", price.GetProperty("fixed").Str("amount"));
        Assert.Equal(product.Str("id"), price.GetProperty("product").Str("id"));
        Assert.Equal("19.9", recurring.Str("subtotalAmount"));

        var once = items[1].GetProperty("price");
        Assert.Equal("ONE_TIME", once.Str("billingMode"));
        Assert.Equal(System.Text.Json.JsonValueKind.Null, once.GetProperty("interval").ValueKind);
        Assert.Equal("150", once.GetProperty("fixed").Str("amount"));

        Assert.Equal(System.Text.Json.JsonValueKind.Null, items[2].GetProperty("product").ValueKind);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, items[2].GetProperty("price").ValueKind);
    }

    [Fact]
    public async Task An_archived_price_still_shows_on_the_lines_made_from_it_marked_archived_in_the_view_asked()
    {
        var organization = (await _books.Organization()).Str("id");
        var product = await _admin.Product("Yen plan");
        var price = await _admin.Price(product.Str("id"), "JPY", 1_500);
        var invoice = await _books.Open(organization, "JPY", new { price_id = price.Str("id") });
        await _admin.Post($"/v1/prices/{price.Str("id")}/archive").Expect(HttpStatusCode.OK);

        var item = (await _admin.AdminInvoice(invoice.Str("id"), "view=FULL")).GetProperty("items")[0];
        Assert.True(item.GetProperty("price").GetProperty("archived").GetBoolean());
        Assert.Equal("1500", item.GetProperty("price").GetProperty("fixed").Str("amount"));
        Assert.Equal("FULL", item.GetProperty("price").Str("view"));
        Assert.Equal("FULL", item.GetProperty("product").Str("view"));
    }
}
