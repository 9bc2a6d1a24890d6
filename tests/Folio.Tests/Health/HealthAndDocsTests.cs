using System.Net;
using Folio.Tests.Support;

namespace Folio.Tests.Health;

public sealed class HealthAndDocsTests(FolioApp app) : IClassFixture<FolioApp>
{
    [Fact]
    public async Task Health_endpoints_answer_without_a_key()
    {
        var client = app.Client(null);
        Assert.Equal("alive", (await client.GetAsync(new Uri("/healthz", UriKind.Relative)).Expect(HttpStatusCode.OK)).Str("status"));
        Assert.Equal("ready", (await client.GetAsync(new Uri("/readyz", UriKind.Relative)).Expect(HttpStatusCode.OK)).Str("status"));
    }

    [Fact]
    public async Task The_openapi_document_describes_the_native_api_and_the_reference_page_serves_it()
    {
        var client = app.Client(null);
        var document = await client.GetAsync(new Uri("/openapi/v1.json", UriKind.Relative)).Expect(HttpStatusCode.OK);
        Assert.StartsWith("3.1", document.Str("openapi"), StringComparison.Ordinal);
        var paths = document.GetProperty("paths");
        foreach (var path in new[] { "/v1/invoices", "/v1/invoices/{id}/finalize", "/v1/invoices/{id}/pay", "/v1/customers", "/v1/api_keys", "/v1/customers/{id}/balance_transactions", "/v1/products", "/v1/products/{id}/archive", "/v1/prices", "/v1/prices/{id}/unarchive" })
        {
            Assert.True(paths.TryGetProperty(path, out _), $"{path} is missing from the OpenAPI document");
        }

        Assert.Contains("\"amount_remaining\"", document.GetRawText(), StringComparison.Ordinal);
        Assert.Equal("bearer", document.GetProperty("components").GetProperty("securitySchemes").GetProperty("api_key").Str("scheme"));
        Assert.True(paths.GetProperty("/v1/invoices/{id}").GetProperty("get").GetProperty("responses").TryGetProperty("404", out _), "problems are documented");
        var page = await client.GetAsync(new Uri("/docs/", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("scalar", await page.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
    }
}
