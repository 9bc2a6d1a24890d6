using System.Net;
using Folio.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Folio.Tests.Catalog;

/// <summary>Real parallel requests against one catalog: on PostgreSQL they run side by side, on SQLite they queue.</summary>
public sealed class CatalogConcurrencyTests(FolioApp app) : IClassFixture<FolioApp>
{
    private readonly Books _books = app.Books();
    private readonly HttpClient _admin = app.Admin();

    private Task<int> LinesWithoutTheirPrice() =>
        app.Query(db => db.InvoiceItems.CountAsync(i => i.PriceId != null && !db.Prices.Any(p => p.Id == i.PriceId)));

    [Fact]
    public async Task A_price_deleted_while_invoices_are_made_from_it_is_either_gone_before_every_line_or_kept_for_them()
    {
        var customer = (await _books.Organization()).Str("id");
        for (var round = 0; round < 5; round++)
        {
            var product = (await _admin.Product($"Race {round}")).Str("id");
            var price = (await _admin.Price(product)).Str("id");
            var deleteProduct = round % 2 == 1;

            var invoices = Enumerable.Range(0, 6).Select(_ => app.Admin().Post("/v1/invoices", new { customer_id = customer, currency = "USD", items = new[] { new { price_id = price } } })).ToList();
            var delete = app.Admin().DeleteAsync(new Uri(deleteProduct ? $"/v1/products/{product}" : $"/v1/prices/{price}", UriKind.Relative));
            var made = await Task.WhenAll(invoices);
            var deleted = await delete;

            var created = made.Count(r => r.StatusCode == HttpStatusCode.Created);
            Assert.All(made, r => Assert.Contains(r.StatusCode, new[] { HttpStatusCode.Created, HttpStatusCode.UnprocessableEntity }));
            if (deleted.StatusCode == HttpStatusCode.NoContent)
            {
                Assert.Equal(0, created);
                foreach (var refused in made)
                {
                    Assert.Equal("price_not_found", (await refused.Json()).Str("code"));
                }
            }
            else
            {
                Assert.Equal(HttpStatusCode.Conflict, deleted.StatusCode);
                Assert.True(created > 0, "a refused delete means a line was made from the price");
                await _admin.Get($"/v1/prices/{price}").Expect(HttpStatusCode.OK);
            }
        }

        Assert.Equal(0, await LinesWithoutTheirPrice());
    }

    [Fact]
    public async Task A_price_archived_while_invoices_are_made_from_it_refuses_the_lines_that_come_after()
    {
        var customer = (await _books.Organization()).Str("id");
        var price = (await _admin.Price((await _admin.Product("Archived in a race")).Str("id"))).Str("id");

        var invoices = Enumerable.Range(0, 6).Select(_ => app.Admin().Post("/v1/invoices", new { customer_id = customer, currency = "USD", items = new[] { new { price_id = price } } })).ToList();
        var archive = app.Admin().Post($"/v1/prices/{price}/archive");
        var made = await Task.WhenAll(invoices);
        await archive.Expect(HttpStatusCode.OK);

        foreach (var response in made.Where(r => r.StatusCode != HttpStatusCode.Created))
        {
            Assert.Equal((HttpStatusCode.UnprocessableEntity, "price_archived"), (response.StatusCode, (await response.Json()).Str("code")));
        }

        await _admin.Post("/v1/invoices", new { customer_id = customer, currency = "USD", items = new[] { new { price_id = price } } })
            .ExpectProblem(HttpStatusCode.UnprocessableEntity, "price_archived", "items[0].price_id");
    }

    [Fact]
    public async Task Of_prices_created_at_once_with_one_lookup_key_exactly_one_gets_it()
    {
        var product = (await _admin.Product("Keyed")).Str("id");

        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(i =>
            app.Admin().Post("/v1/prices", new { product_id = product, currency = "USD", unit_amount = 100 + i, lookup_key = "raced_key" })));

        Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.Created));
        Assert.Equal(7, responses.Count(r => r.StatusCode == HttpStatusCode.Conflict));
        Assert.Single(await _admin.Walk("/v1/prices?lookup_key=raced_key", 10));
    }

    [Fact]
    public async Task Prices_moving_one_lookup_key_at_once_leave_it_with_exactly_one_of_them()
    {
        var product = (await _admin.Product("Transfers")).Str("id");
        var holder = (await _admin.Price(product, extra: new { lookup_key = "moving_key" })).Str("id");
        var others = new List<string>();
        for (var i = 0; i < 6; i++)
        {
            others.Add((await _admin.Price(product, "USD", 200 + i)).Str("id"));
        }

        var responses = await Task.WhenAll(others.Select(id => app.Admin().Patch($"/v1/prices/{id}", new { lookup_key = "moving_key", transfer_lookup_key = true })));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        var holders = await _admin.Walk("/v1/prices?lookup_key=moving_key", 10);
        Assert.Contains(Assert.Single(holders).Str("id"), others);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, (await _admin.Get($"/v1/prices/{holder}").Expect(HttpStatusCode.OK)).GetProperty("lookup_key").ValueKind);
    }
}
