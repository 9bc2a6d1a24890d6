using System.Net;
using System.Text.Json;
using Folio.Tests.Support;

namespace Folio.Tests.Events;

public static class EventCalls
{
    /// <summary>The events of an object, newest first, of one type or all.</summary>
    public static async Task<List<JsonElement>> EventsOf(this HttpClient client, string objectId, string? type = null)
    {
        var query = $"/v1/events?object_id={objectId}&limit=100" + (type is null ? string.Empty : $"&type={type}");
        return [.. (await client.GetAsync(query).Expect(HttpStatusCode.OK)).GetProperty("data").EnumerateArray()];
    }

    /// <summary>The one event of that type about the object; asserts there is exactly one.</summary>
    public static async Task<JsonElement> OnlyEvent(this HttpClient client, string objectId, string type) =>
        Assert.Single(await client.EventsOf(objectId, type));

    /// <summary>Asserts the event carries the object exactly as <paramref name="path"/> renders it now, byte for byte.</summary>
    public static async Task CarriesWhatGetRenders(this HttpClient client, JsonElement @event, string path)
    {
        var rendered = await (await client.GetAsync(path)).Content.ReadAsStringAsync();
        Assert.Equal(rendered, @event.GetProperty("data").GetProperty("object").GetRawText());
    }

    public static Task<int> EventCount(this FolioApp app) => app.Query(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.Events));
}
