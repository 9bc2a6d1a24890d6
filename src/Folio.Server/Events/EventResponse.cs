using System.Text.Json;
using System.Text.Json.Serialization;

namespace Folio.Events;

/// <summary>An event on the wire: <c>{"id", "type", "created_at", "data": {"object": …}}</c>, the object as it was written.</summary>
public sealed record EventResponse(Guid Id, string Type, DateTimeOffset CreatedAt, EventData Data)
{
    public static EventResponse From(Event stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        return new EventResponse(stored.Id, stored.Type, stored.CreatedAt, new EventData(new StoredJson(stored.Data)));
    }

    /// <summary>The event's JSON as <c>GET /v1/events/{id}</c> sends it (and a webhook delivers it).</summary>
    public static string Json(Event stored) => EventLog.Render(From(stored));
}

/// <summary>data: the object the event is about, under "object".</summary>
public sealed record EventData([property: JsonPropertyName("object")] StoredJson Rendered);

/// <summary>JSON text written as it was stored, byte for byte, never parsed again.</summary>
[JsonConverter(typeof(StoredJsonConverter))]
public readonly record struct StoredJson(string Text);

public sealed class StoredJsonConverter : JsonConverter<StoredJson>
{
    public override StoredJson Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        using var document = JsonDocument.ParseValue(ref reader);
        return new StoredJson(document.RootElement.GetRawText());
    }

    public override void Write(Utf8JsonWriter writer, StoredJson value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteRawValue(value.Text, skipInputValidation: true);
    }
}
