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
        await _admin.GetAsync(new Uri("/v1/nothing-here", UriKind.Relative)).ExpectProblem(HttpStatusCode.NotFound, "route_not_found");
        await _admin.PostAsync(new Uri("/v1/invoices//void", UriKind.Relative), null).ExpectProblem(HttpStatusCode.NotFound, "route_not_found");
    }

    [Fact]
    public async Task A_method_a_route_does_not_take_is_a_405_problem_listing_the_methods_it_takes()
    {
        var response = await _admin.PutAsync(new Uri("/v1/invoices", UriKind.Relative), new StringContent("{}", Encoding.UTF8, "application/json"));

        await Task.FromResult(response).ExpectProblem(HttpStatusCode.MethodNotAllowed, "method_not_allowed");
        Assert.Contains("POST", response.Content.Headers.Allow);
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("application/json; charset=utf-7")]
    [InlineData("application/json; charset=utf-16")]
    [InlineData("application/json; charset=iso-8859-1")]
    public async Task A_body_that_is_not_json_in_utf8_is_a_415_naming_the_content_type(string contentType)
    {
        var content = new ByteArrayContent("""{"kind":"organization","name":"Initech"}"""u8.ToArray());
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);

        await _admin.PostAsync(new Uri("/v1/customers", UriKind.Relative), content).ExpectProblem(HttpStatusCode.UnsupportedMediaType, "unsupported_media_type", "Content-Type");
    }

    [Fact]
    public async Task Utf8_may_be_named_in_any_case_and_quoted()
    {
        var content = new ByteArrayContent("""{"kind":"organization","name":"Initech"}"""u8.ToArray());
        content.Headers.TryAddWithoutValidation("Content-Type", "application/json; charset=\"UTF-8\"");

        await _admin.PostAsync(new Uri("/v1/customers", UriKind.Relative), content).Expect(HttpStatusCode.Created);
    }
}
