using System.Text;

namespace Folio.Tests.Idempotency;

/// <summary>POSTs with an Idempotency-Key, their JSON written out so that a retry sends the same bytes.</summary>
internal static class Keyed
{
    public static Task<HttpResponseMessage> Post(HttpClient client, string url, string json, string? key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        if (key is not null)
        {
            request.Headers.TryAddWithoutValidation("Idempotency-Key", key);
        }

        return client.SendAsync(request);
    }

    public static string NewKey() => Guid.NewGuid().ToString();

    public static bool Replayed(this HttpResponseMessage response) =>
        response.Headers.TryGetValues("Idempotent-Replayed", out var values) && values.Single() == "true";

    public static string CustomerJson(string name) =>
        $$$"""{"kind":"organization","name":"{{{name}}}","email":"ap@initech.example","address":{"line1":"1 Main St","city":"Austin","region":"TX","postal_code":"78744","country":"US"}}""";

    /// <summary>The first answer and its retry agree byte for byte: status, the headers that matter, and the body; only the retry says it is one.</summary>
    public static async Task AssertReplayOf(HttpResponseMessage first, HttpResponseMessage retry)
    {
        Assert.False(first.Replayed());
        Assert.True(retry.Replayed());
        Assert.Equal(first.StatusCode, retry.StatusCode);
        Assert.Equal(first.Headers.Location, retry.Headers.Location);
        Assert.Equal(first.Headers.ETag, retry.Headers.ETag);
        Assert.Equal(first.Content.Headers.ContentType, retry.Content.Headers.ContentType);
        Assert.Equal(await first.Content.ReadAsByteArrayAsync(), await retry.Content.ReadAsByteArrayAsync());
    }
}
