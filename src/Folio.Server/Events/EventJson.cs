using System.Buffers;
using System.Globalization;
using System.Text.Json;
using Folio.Api;

namespace Folio.Events;

/// <summary>
/// An event as JSON, the one rendering of it: what a webhook delivers and what <c>GET /v1/events/{id}</c> serves.
/// <c>data.object</c> is the stored object verbatim, so that every delivery and every read send the same bytes.
/// </summary>
public static class EventJson
{
    /// <summary><c>{"id", "type", "created_at", "data": {"object": …}}</c>, UTF-8.</summary>
    public static byte[] Render(Event e)
    {
        ArgumentNullException.ThrowIfNull(e);
        var buffer = new ArrayBufferWriter<byte>(e.Data.Length + 160);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("id", e.Id);
            writer.WriteString("type", e.Type);
            writer.WriteString("created_at", e.CreatedAt.UtcDateTime.ToString(UtcTimestampConverter.Format, CultureInfo.InvariantCulture));
            writer.WriteStartObject("data");
            writer.WritePropertyName("object");
            writer.WriteRawValue(e.Data, skipInputValidation: true);
            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }
}
