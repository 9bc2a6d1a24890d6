using System.Net;
using System.Text;
using Folio.Tests.Support;

namespace Folio.Tests.Api;

public sealed class ProblemResponseTests(FolioApp app) : IClassFixture<FolioApp>
{
    private readonly HttpClient _admin = app.Admin();

    private Task<HttpResponseMessage> PostRaw(string url, string json) =>
        _admin.PostAsync(new Uri(url, UriKind.Relative), new StringContent(json, Encoding.UTF8, "application/json"));

    [Fact]
    public async Task Unknown_and_read_only_fields_are_refused_by_name()
    {
        var customer = await app.Books().Organization();
        await PostRaw("/v1/invoices", $$"""{"customer_id":"{{customer.Str("id")}}","currency":"USD","colour":"red"}""")
            .ExpectProblem(HttpStatusCode.BadRequest, "unknown_field", "colour");
        await PostRaw("/v1/invoices", $$"""{"customer_id":"{{customer.Str("id")}}","currency":"USD","total":1}""")
            .ExpectProblem(HttpStatusCode.BadRequest, "unknown_field", "total");
        await PostRaw("/v1/invoices", $$"""{"customer_id":"{{customer.Str("id")}}","currency":"USD","items":[{"description":"x","unit_amount":1,"amount":5}]}""")
            .ExpectProblem(HttpStatusCode.BadRequest, "unknown_field", "items[0].amount");
        var list = await _admin.GetAsync(new Uri($"/v1/invoices?customer_id={customer.Str("id")}", UriKind.Relative)).Expect(HttpStatusCode.OK);
        Assert.Equal(0, list.GetProperty("data").GetArrayLength());
    }

    [Fact]
    public async Task Malformed_bodies_are_400_with_the_field_and_never_500()
    {
        await PostRaw("/v1/customers", "{not json").ExpectProblem(HttpStatusCode.BadRequest, "invalid_json");
        await PostRaw("/v1/customers", """{"kind":"organization","name":42}""").ExpectProblem(HttpStatusCode.BadRequest, "invalid_json", "name");
        await PostRaw("/v1/customers", """{"kind":"organization","name":null}""").ExpectProblem(HttpStatusCode.BadRequest, "invalid_json", "name");
        await PostRaw("/v1/invoices", """{"customer_id":"not-a-uuid","currency":"USD"}""").ExpectProblem(HttpStatusCode.BadRequest, "invalid_json", "customer_id");
        await PostRaw("/v1/invoices", """{"customer_id":"0197e2a4-6c1b-7000-8000-000000000000","currency":"USD","due_at":"next tuesday"}""")
            .ExpectProblem(HttpStatusCode.BadRequest, "invalid_json", "due_at");
        await _admin.PostAsync(new Uri("/v1/customers", UriKind.Relative), null).ExpectProblem(HttpStatusCode.BadRequest, "missing_body", "body");
    }

    [Fact]
    public async Task A_body_over_the_limit_gets_413()
    {
        var huge = $$"""{"kind":"organization","name":"{{new string('x', 1_100_000)}}"}""";
        await PostRaw("/v1/customers", huge).ExpectProblem(HttpStatusCode.RequestEntityTooLarge, "body_too_large");
    }

    [Fact]
    public async Task Unknown_ids_and_routes_are_404_problems()
    {
        await _admin.GetAsync(new Uri("/v1/invoices/not-an-id", UriKind.Relative)).ExpectProblem(HttpStatusCode.NotFound, "invoice_not_found");
        await _admin.GetAsync(new Uri($"/v1/invoices/{Guid.NewGuid()}", UriKind.Relative)).ExpectProblem(HttpStatusCode.NotFound, "invoice_not_found");
        var response = await _admin.GetAsync(new Uri("/v1/nothing-here", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
