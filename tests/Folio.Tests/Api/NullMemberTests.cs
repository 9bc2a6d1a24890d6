using System.Net;
using Folio.Tests.Catalog;
using Folio.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Folio.Tests.Api;

/// <summary>A list in a body never holds null, and numbers past their type's limits are refused by name: never a 500.</summary>
public sealed class NullMemberTests(FolioApp app) : IClassFixture<FolioApp>
{
    private readonly HttpClient _admin = app.Admin();

    [Fact]
    public async Task A_null_member_of_a_list_is_refused_by_its_place_and_changes_nothing()
    {
        var customer = (await app.Books().Organization()).Str("id");
        var product = (await _admin.Product()).Str("id");
        var price = (await _admin.Price(product, extra: new { recurring = new { interval = "month" } })).Str("id");
        var profile = await _admin.Get($"/v1/customers/{customer}/billing_profile").Expect(HttpStatusCode.OK);
        var invoices = await app.Query(db => db.Invoices.CountAsync());

        await _admin.SendJson(HttpMethod.Put, $"/v1/customers/{customer}/billing_profile", """{"domains":[null]}""")
            .ExpectProblem(HttpStatusCode.BadRequest, "null_member", "domains[0]");
        await _admin.SendJson(HttpMethod.Put, $"/v1/customers/{customer}/billing_profile", """{"tier":"gold","domains":["acme.example",null]}""")
            .ExpectProblem(HttpStatusCode.BadRequest, "null_member", "domains[1]");
        await _admin.SendJson(HttpMethod.Post, "/v1/invoices", $$"""{"customer_id":"{{customer}}","currency":"USD","items":[{"description":"ok","unit_amount":1},null]}""")
            .ExpectProblem(HttpStatusCode.BadRequest, "null_member", "items[1]");
        await _admin.SendJson(HttpMethod.Post, "/v1/subscriptions", $$"""{"customer_id":"{{customer}}","items":[null,{"price_id":"{{price}}"}]}""")
            .ExpectProblem(HttpStatusCode.BadRequest, "null_member", "items[0]");

        Assert.Equal(profile.ToString(), (await _admin.Get($"/v1/customers/{customer}/billing_profile").Expect(HttpStatusCode.OK)).ToString());
        Assert.Equal(invoices, await app.Query(db => db.Invoices.CountAsync()));
        Assert.Equal(0, await app.Query(db => db.Subscriptions.CountAsync(s => s.CustomerId == Guid.Parse(customer))));
    }

    [Theory]
    [InlineData("""{"amount":9223372036854775808}""", "amount")]
    [InlineData("""{"amount":-9223372036854775809}""", "amount")]
    [InlineData("""{"amount":1e400}""", "amount")]
    [InlineData("""{"amount":1.5}""", "amount")]
    [InlineData("""{"amount":9223372036854775807}""", "amount")]
    [InlineData("""{"amount":-9223372036854775808}""", "amount")]
    public async Task Amounts_at_and_past_the_limits_of_their_type_are_refused_by_name(string body, string field)
    {
        var customer = (await app.Books().Organization()).Str("id");
        var invoice = (await app.Books().Open(customer)).Str("id");

        var problem = await _admin.SendJson(HttpMethod.Post, $"/v1/invoices/{invoice}/pay", body);
        Assert.InRange((int)problem.StatusCode, 400, 422);
        Assert.Equal(field, (await problem.Json()).Str("field"));
        Assert.Equal(0, (await _admin.Get($"/v1/invoices/{invoice}").Expect(HttpStatusCode.OK)).Amount("amount_paid"));
    }
}
