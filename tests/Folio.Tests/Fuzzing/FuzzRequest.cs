using System.Text;

namespace Folio.Tests.Fuzzing;

/// <summary>Who a request claims to be.</summary>
public enum KeyKind
{
    Admin,
    Organization,

    /// <summary>The key of an organization other than the one whose objects most requests name.</summary>
    OtherOrganization,
    None,
    Garbage,
}

/// <summary>One generated request, with everything needed to send it again by hand.</summary>
public sealed record FuzzRequest(
    int Index,
    OpenApiOperation Operation,
    string Path,
    IReadOnlyList<string> Query,
    KeyKind Key,
    string KeyHeader,
    string? GarbageKey,
    IReadOnlyList<KeyValuePair<string, string>> Headers,
    byte[]? Body,
    string? ContentType,
    string Intent)
{
    public string Method => Operation.Method;

    public string Url => Query.Count == 0 ? Path : $"{Path}?{string.Join("&", Query)}";

    public HttpRequestMessage ToMessage(Func<KeyKind, string?> secret)
    {
        var message = new HttpRequestMessage(new HttpMethod(Method), new Uri(Url, UriKind.Relative));
        if ((Key == KeyKind.Garbage ? GarbageKey : secret(Key)) is { } key)
        {
            message.Headers.TryAddWithoutValidation(KeyHeader, KeyHeader == "Authorization" ? $"Bearer {key}" : key);
        }

        foreach (var (name, value) in Headers)
        {
            message.Headers.TryAddWithoutValidation(name, value);
        }

        if (Body is not null)
        {
            message.Content = new ByteArrayContent(Body);
            if (ContentType is not null)
            {
                message.Content.Headers.TryAddWithoutValidation("Content-Type", ContentType);
            }
        }

        return message;
    }

    /// <summary>The request as a person would retype it: the key by role (its secret differs every run), bytes escaped.</summary>
    public string Describe()
    {
        var text = new StringBuilder()
            .AppendLine($"    {Method} {RawText.Printable(Encoding.UTF8.GetBytes(Url), 600)}")
            .AppendLine($"    key: {Key}" + (Key == KeyKind.Garbage ? $" \"{GarbageKey}\"" : string.Empty) + (Key == KeyKind.None ? string.Empty : $" in {KeyHeader}"));
        foreach (var (name, value) in Headers)
        {
            text.AppendLine($"    {name}: {value}");
        }

        if (Body is not null)
        {
            text.AppendLine($"    Content-Type: {ContentType ?? "(none)"}")
                .AppendLine($"    body: {RawText.Printable(Body)}");
        }

        return text.Append($"    intent: {Intent}").ToString();
    }
}
