using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Folio.Tests.Support;

namespace Folio.Tests.Catalog;

/// <summary>Short ways to put products and prices in the catalog and read them back, as an admin.</summary>
public static class CatalogCalls
{
    public static Task<JsonElement> Product(this HttpClient admin, string name = "Pro plan", object? extra = null) =>
        admin.Post("/v1/products", extra ?? new { name }).Expect(HttpStatusCode.Created);

    public static Task<JsonElement> Price(this HttpClient admin, string productId, string currency = "USD", long unitAmount = 49_00, object? extra = null) =>
        admin.Post("/v1/prices", Merge(new Dictionary<string, object?> { ["product_id"] = productId, ["currency"] = currency, ["unit_amount"] = unitAmount }, extra))
            .Expect(HttpStatusCode.Created);

    public static Task<HttpResponseMessage> Get(this HttpClient client, string path) => client.GetAsync(new Uri(path, UriKind.Relative));

    public static Task<HttpResponseMessage> Delete(this HttpClient client, string path) => client.DeleteAsync(new Uri(path, UriKind.Relative));

    public static Task<HttpResponseMessage> PatchIfMatch(this HttpClient client, string path, object body, string etag)
    {
        var request = new HttpRequestMessage(HttpMethod.Patch, path) { Content = JsonContent.Create(body) };
        request.Headers.TryAddWithoutValidation("If-Match", etag);
        return client.SendAsync(request);
    }

    /// <summary>Every row of a list, walked page by page to the end; fails when a row comes twice.</summary>
    public static async Task<List<JsonElement>> Walk(this HttpClient client, string path, int limit)
    {
        var rows = new List<JsonElement>();
        string? token = null;
        do
        {
            var separator = path.Contains('?', StringComparison.Ordinal) ? '&' : '?';
            var page = await client.Get($"{path}{separator}limit={limit}" + (token is null ? string.Empty : $"&page_token={token}")).Expect(HttpStatusCode.OK);
            var data = page.GetProperty("data").EnumerateArray().ToList();
            Assert.True(data.Count <= limit, $"a page of {data.Count} rows for limit {limit}");
            rows.AddRange(data);
            token = page.GetProperty("next_page_token").GetString();
        }
        while (token is not null);

        Assert.Equal(rows.Count, rows.Select(r => r.Str("id")).Distinct().Count());
        return rows;
    }

    private static Dictionary<string, object?> Merge(Dictionary<string, object?> body, object? extra)
    {
        if (extra is not null)
        {
            foreach (var property in JsonSerializer.SerializeToElement(extra).EnumerateObject())
            {
                body[property.Name] = property.Value;
            }
        }

        return body;
    }
}
