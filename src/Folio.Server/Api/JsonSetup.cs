using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Folio.Api;

/// <summary>
/// Folio's wire format: snake_case names, enums as snake_case strings, UTC timestamps with a Z, no unknown fields, no null
/// where the type has none (a property or a list member), and only text the books can hold.
/// </summary>
public static class JsonSetup
{
    public static void Apply(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
        options.DictionaryKeyPolicy = null;
        options.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
        options.RespectNullableAnnotations = true;
        options.RespectRequiredConstructorParameters = true;
        options.NumberHandling = JsonNumberHandling.Strict;
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false));
        options.Converters.Add(new UtcTimestampConverter());
        options.Converters.Add(new StoredTextConverter());
        options.TypeInfoResolverChain.Insert(0, FolioJsonContext.Default);
        options.TypeInfoResolver = options.TypeInfoResolver!.WithAddedModifier(NullMembers.Refuse);
    }
}

/// <summary>RFC 3339 in, RFC 3339 UTC with whole seconds out (2026-11-24T10:00:00Z).</summary>
public sealed class UtcTimestampConverter : JsonConverter<DateTimeOffset>
{
    public const string Format = "yyyy-MM-dd'T'HH:mm:ss'Z'";

    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.String
            && DateTimeOffset.TryParse(reader.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value))
        {
            // Stored as shown: Folio's timestamps have whole seconds, so a client's fraction would only make them disagree.
            var utc = value.ToUniversalTime();
            return utc.AddTicks(-(utc.Ticks % TimeSpan.TicksPerSecond));
        }

        throw new JsonException("Expected an RFC 3339 timestamp such as 2026-11-24T10:00:00Z.");
    }

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options)
    {
        Span<char> text = stackalloc char[32];
        value.UtcDateTime.TryFormat(text, out var written, Format, CultureInfo.InvariantCulture);
        writer.WriteStringValue(text[..written]);
    }
}
