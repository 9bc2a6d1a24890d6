using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Folio.Tests.Catalog;
using Folio.Tests.Support;

namespace Folio.Tests.Subscriptions;

/// <summary>Short ways to set up subscriptions through the API, as an admin.</summary>
public static class SubscriptionCalls
{
    /// <summary>A recurring price of a new product: monthly unless told otherwise.</summary>
    public static async Task<string> RecurringPrice(
        this HttpClient admin, long unitAmount = 49_00, string currency = "USD", string interval = "month", int count = 1, string product = "Pro plan", object? extra = null)
    {
        var productId = (await admin.Product(product)).Str("id");
        var body = new Dictionary<string, object?> { ["recurring"] = new { interval, interval_count = count } };
        if (extra is not null)
        {
            foreach (var property in JsonSerializer.SerializeToElement(extra).EnumerateObject())
            {
                body[property.Name] = property.Value;
            }
        }

        return (await admin.Price(productId, currency, unitAmount, body)).Str("id");
    }

    public static Task<JsonElement> Subscribe(this HttpClient admin, string customerId, string priceId, decimal quantity = 1, object? extra = null) =>
        admin.Post("/v1/subscriptions", With(new() { ["customer_id"] = customerId, ["items"] = new[] { new { price_id = priceId, quantity } } }, extra))
            .Expect(HttpStatusCode.Created);

    public static Task<HttpResponseMessage> PostIfMatch(this HttpClient client, string path, object body, string etag)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        request.Headers.TryAddWithoutValidation("If-Match", etag);
        return client.SendAsync(request);
    }

    public static string Time(DateTimeOffset instant) => instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public static string? TimeOrNull(this JsonElement element, string name) => element.GetProperty(name).ValueKind == JsonValueKind.Null ? null : element.Str(name);

    private static Dictionary<string, object?> With(Dictionary<string, object?> body, object? extra)
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
