using System.Text.Json;

namespace Folio.Tests.Fuzzing;

/// <summary>
/// The requests for the other pages of a list Folio answered, made from its own next and previous links and page
/// tokens. Folio must accept what it handed out: the same key, the same filters, its token or link unchanged.
/// </summary>
public static class PageLinks
{
    public static IEnumerable<FuzzRequest> Of(FuzzRequest request, JsonElement page)
    {
        if (page.ValueKind != JsonValueKind.Object)
        {
            yield break;
        }

        foreach (var property in page.EnumerateObject().Where(p => p.Value.ValueKind == JsonValueKind.String))
        {
            var value = property.Value.GetString()!;
            var intent = $"following \"{property.Name}\" as case {request.Index} returned it to {request.Method} {request.Url}";
            if (property.Name.Contains("token", StringComparison.OrdinalIgnoreCase))
            {
                var name = RawText.PercentEncode(IdPools.TokenParameter(property.Name));
                yield return request with { Query = [.. request.Query.Where(f => f.Split('=')[0] != name), $"{name}={RawText.PercentEncode(value)}"], Intent = intent };
            }
            else if (Uri.TryCreate(value, UriKind.Absolute, out var link) && link.Host == "localhost")
            {
                yield return request with { Path = link.AbsolutePath, Query = link.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries), Intent = intent };
            }
        }
    }
}
