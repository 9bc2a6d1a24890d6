using System.Net;
using System.Net.Http.Headers;
using Folio.Tests.Catalog;
using Folio.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Folio.Tests.Api;

/// <summary>
/// Text the books cannot hold (NUL, half a surrogate pair, invalid UTF-8) is refused wherever it enters, by name and
/// before anything is read or written, the same on SQLite (which would store it) and PostgreSQL (which would fail).
/// </summary>
public sealed class TextInputTests(FolioApp app) : IClassFixture<FolioApp>
{
    private readonly HttpClient _admin = app.Admin();

    private Task<HttpResponseMessage> SendBytes(string url, byte[] body)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return _admin.PostAsync(new Uri(url, UriKind.Relative), content);
    }

    private Task<(int Customers, int Products, int Invoices, int Prices)> Counts() =>
        app.Query(async db => (await db.Customers.CountAsync(), await db.Products.CountAsync(), await db.Invoices.CountAsync(), await db.Prices.CountAsync()));

    [Theory]
    [InlineData("""{"name":"a\u0000b"}""", "name")]
    [InlineData("""{"name":"half \ud800 a pair"}""", "name")]
    [InlineData("""{"name":"low \udc00 first"}""", "name")]
    [InlineData("""{"name":"ok","description":"\u0000"}""", "description")]
    [InlineData("""{"name":"ok","metadata":{"plan":"gold\u0000"}}""", "metadata.plan")]
    [InlineData("""{"name":"ok","metadata":{"pl\u0000an":"gold"}}""", "metadata.pl\0an")]
    public async Task A_string_the_books_cannot_hold_is_refused_by_name_and_nothing_is_written(string body, string field)
    {
        var before = await Counts();

        await _admin.SendJson(HttpMethod.Post, "/v1/products", body).ExpectProblem(HttpStatusCode.BadRequest, "invalid_text", field);

        Assert.Equal(before, await Counts());
    }

    [Fact]
    public async Task Nested_and_listed_strings_are_refused_at_their_place_in_the_body()
    {
        var customer = (await app.Books().Organization()).Str("id");
        var before = await Counts();

        await _admin.SendJson(HttpMethod.Post, "/v1/invoices", $$"""{"customer_id":"{{customer}}","currency":"USD","items":[{"description":"ok","unit_amount":1},{"description":"b\u0000d","unit_amount":1}]}""")
            .ExpectProblem(HttpStatusCode.BadRequest, "invalid_text", "items[1].description");
        await _admin.SendJson(HttpMethod.Patch, $"/v1/customers/{customer}", """{"address":{"city":"Brook\u0000lyn"}}""")
            .ExpectProblem(HttpStatusCode.BadRequest, "invalid_text", "address.city");
        await _admin.SendJson(HttpMethod.Put, $"/v1/customers/{customer}/billing_profile", """{"domains":["acme.example","\u0000.example"]}""")
            .ExpectProblem(HttpStatusCode.BadRequest, "invalid_text", "domains[1]");
        await _admin.SendJson(HttpMethod.Post, "/v1/customers", """{"kind":"organization","name":"Initech","email":"ap@initech.example\u0000"}""")
            .ExpectProblem(HttpStatusCode.BadRequest, "invalid_text", "email");

        Assert.Equal(before, await Counts());
        var stored = await _admin.Get($"/v1/customers/{customer}").Expect(HttpStatusCode.OK);
        Assert.Equal("Brooklyn", stored.GetProperty("address").Str("city"));
    }

    [Fact]
    public async Task Invalid_utf8_in_a_body_is_refused_by_name()
    {
        var before = await Counts();
        byte[] body = [.. """{"name":"a"""u8, 0xED, 0xA0, 0x80, .. "b\"}"u8];

        await SendBytes("/v1/products", body).ExpectProblem(HttpStatusCode.BadRequest, "invalid_text", "name");
        await SendBytes("/v1/products", [.. """{"name":"a"""u8, 0xFF, .. "b\"}"u8]).ExpectProblem(HttpStatusCode.BadRequest, "invalid_text", "name");

        Assert.Equal(before, await Counts());
    }

    [Fact]
    public async Task A_query_value_the_books_cannot_hold_is_refused_by_name_for_every_key()
    {
        var organization = (await app.Books().Organization()).Str("id");
        var organizationKey = app.Client(await app.Books().OrganizationKey(organization));

        await _admin.Get("/v1/customers?email=%00").ExpectProblem(HttpStatusCode.BadRequest, "invalid_text", "email");
        await _admin.Get("/v1/customers?email=ap%40initech.example%00").ExpectProblem(HttpStatusCode.BadRequest, "invalid_text", "email");
        await organizationKey.Get("/v1/prices?lookup_key=%00").ExpectProblem(HttpStatusCode.BadRequest, "invalid_text", "lookup_key");
        await organizationKey.Get($"/v1/organizations/{organization}/billing/invoices?page=%00").ExpectProblem(HttpStatusCode.BadRequest, "invalid_text", "page");
        await _admin.Get("/admin/v1/invoices?organizationId=%00x").ExpectProblem(HttpStatusCode.BadRequest, "invalid_text", "organizationId");

        // Text that only looks odd is still text: it is looked up and found absent.
        var list = await _admin.Get("/v1/customers?email=%E2%80%AE%1B%5B31m").Expect(HttpStatusCode.OK);
        Assert.Equal(0, list.GetProperty("data").GetArrayLength());
    }

    [Fact]
    public async Task A_key_header_holding_such_text_is_refused_before_any_key_is_looked_up()
    {
        var client = app.Client(null);
        var request = new HttpRequestMessage(HttpMethod.Get, "/v1/customers");
        request.Headers.TryAddWithoutValidation("Authorization", $"Bearer folio_sk_\0\0\0\0\0\0\0\0{new string('a', 32)}");

        await client.SendAsync(request).ExpectProblem(HttpStatusCode.BadRequest, "invalid_text", "Authorization");

        // A header shaped like a key but for its alphabet is no key at all.
        await app.Client($"folio_sk_{new string('-', 8)}{new string('a', 32)}").Get("/v1/customers").ExpectProblem(HttpStatusCode.Unauthorized, "api_key_invalid");
    }
}
