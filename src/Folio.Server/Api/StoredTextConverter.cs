using System.Text.Json;
using System.Text.Json.Serialization;
using Folio.Domain;

namespace Folio.Api;

/// <summary>
/// Every string a request body holds, property value, list member or dictionary key, is read here, so the rule on text the
/// books can hold (<see cref="StoredText"/>) is applied once, before any handler sees the request.
/// </summary>
public sealed class StoredTextConverter : JsonConverter<string>
{
    public override string Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException();
        }

        return Checked(ref reader);
    }

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value);
    }

    public override string ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => Checked(ref reader);

    public override void WriteAsPropertyName(Utf8JsonWriter writer, string value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WritePropertyName(value);
    }

    private static string Checked(ref Utf8JsonReader reader)
    {
        string text;
        try
        {
            text = reader.GetString()!;
        }
        catch (InvalidOperationException)
        {
            // Invalid UTF-8, or an escaped half of a surrogate pair: the reader cannot even make a string of it.
            throw Refused();
        }

        return StoredText.CanHold(text) ? text : throw Refused();
    }

    private static RefusedInput Refused() => new("invalid_text", RefusedInput.TextReason);
}
