using System.Buffers;
using System.Text;
using System.Text.Json;
using Folio.Data;

namespace Folio.Audit;

/// <summary>Writes the audit entry of a change, from what its context is about to save, in the change's own transaction.</summary>
public static class AuditTrail
{
    /// <summary>
    /// Adds to <paramref name="db"/> the one audit entry of the work its <see cref="FolioDb.Audit"/> scope describes: the
    /// objects the tracker is about to save, and those earlier saves of the same work wrote. Nothing without a scope.
    /// </summary>
    public static void Stage(FolioDb db)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (db.Audit is not { } scope)
        {
            return;
        }

        List<ChangedObject> changed = [.. scope.Pending, .. ChangedObject.Read(db)];
        scope.Pending.Clear();
        var primary = changed.Find(c => c.ObjectType == scope.ObjectType && (scope.ObjectId is null || c.ObjectId == scope.ObjectId));
        var objectId = scope.ObjectId ?? primary?.ObjectId;
        var organizationId = primary?.OrganizationId ?? changed.Find(c => c.OrganizationId is not null)?.OrganizationId;
        db.AuditEvents.Add(Entry(db.Clock, scope.Actor, scope.Action, scope.ObjectType, objectId, organizationId, changed));
        scope.Writing = true;
    }

    /// <summary>An audit entry not yet written, for writers that insert in bulk (the bill run).</summary>
    internal static AuditEvent Entry(
        TimeProvider clock, Actor actor, string action, string objectType, Guid? objectId, Guid? organizationId, IEnumerable<ChangedObject> changed)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartArray();
            foreach (var item in changed)
            {
                item.Write(writer);
            }

            writer.WriteEndArray();
        }

        return new AuditEvent(
            clock.NewId(), clock.GetUtcNow(), actor.Type, actor.KeyId, actor.Name, action, objectType, objectId, organizationId,
            Encoding.UTF8.GetString(buffer.WrittenSpan));
    }

    /// <summary>Remembers what a save in the middle of the work writes, for the entry written at its end.</summary>
    internal static void Collect(FolioDb db)
    {
        if (db.Audit is not { } scope)
        {
            return;
        }

        // The save that writes the entry has nothing more to remember.
        if (scope.Writing)
        {
            scope.Writing = false;
            return;
        }

        scope.Pending.AddRange(ChangedObject.Read(db));
    }
}
