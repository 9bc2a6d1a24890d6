using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Folio.Api;
using Folio.Data;

namespace Folio.Events;

/// <summary>
/// The one way an event is written: in the caller's transaction, with the object as the native API renders it
/// (<see cref="Render{T}"/>, the API's own JSON settings and source-generated serializers).
/// </summary>
public static class EventLog
{
    private static readonly JsonSerializerOptions Json = NewOptions();

    /// <summary>
    /// Adds an event to <paramref name="db"/>'s change tracker, so that it is saved with the change it tells of (and rolled
    /// back with it). <paramref name="data"/> is the object's JSON as the native API renders it (<see cref="Render{T}"/>);
    /// <paramref name="organizationId"/> the organization whose keys may read the event (null: admin keys only).
    /// </summary>
    public static Event Record(FolioDb db, string type, string objectType, Guid objectId, string data, Guid? organizationId)
    {
        ArgumentNullException.ThrowIfNull(db);
        var recorded = New(db.Clock, type, objectType, objectId, data, organizationId);
        db.Events.Add(recorded);
        return recorded;
    }

    /// <summary>An event not yet written, for writers that insert in bulk outside the change tracker (<see cref="BulkWrites"/>).</summary>
    public static Event New(TimeProvider clock, string type, string objectType, Guid objectId, string data, Guid? organizationId)
    {
        ArgumentNullException.ThrowIfNull(clock);
        return new Event(clock.NewId(), type, clock.GetUtcNow(), objectType, objectId, organizationId, data);
    }

    /// <summary>A response as the API sends it, as JSON text.</summary>
    public static string Render<T>(T value) => JsonSerializer.Serialize(value, (JsonTypeInfo<T>)Json.GetTypeInfo(typeof(T)));

    private static JsonSerializerOptions NewOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        JsonSetup.Apply(options);
        options.MakeReadOnly();
        return options;
    }
}
