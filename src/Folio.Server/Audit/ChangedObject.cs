using System.Globalization;
using System.Text.Json;
using Folio.Api;
using Folio.Data;
using Folio.Domain.Customers;
using Folio.Events;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Folio.Audit;

/// <summary>A field's value before and after a change (null before for a new object, null after for a deleted one).</summary>
internal sealed record FieldChange(string Name, object? Before, object? After);

/// <summary>One object a change wrote, with the fields that changed, read from the change tracker; secrets left out.</summary>
internal sealed record ChangedObject(string ObjectType, Guid? ObjectId, string Change, Guid? OrganizationId, IReadOnlyList<FieldChange> Fields)
{
    /// <summary>What the tracker is about to save, but the journal's own rows.</summary>
    public static IEnumerable<ChangedObject> Read(DbContext db) =>
        db.ChangeTracker.Entries()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted && e.Entity is not (Event or AuditEvent))
            .Select(Of)
            .ToList();

    private static ChangedObject Of(EntityEntry entry)
    {
        var fields = new List<FieldChange>();
        Collect(entry.State, entry.Properties, entry.ComplexProperties, fields);
        var key = entry.Metadata.FindPrimaryKey()?.Properties is [var only] ? entry.Property(only.Name).CurrentValue as Guid? : null;
        var change = entry.State switch
        {
            EntityState.Added => "created",
            EntityState.Deleted => "deleted",
            _ => "updated",
        };
        return new ChangedObject(SnakeCase.From(entry.Metadata.ClrType.Name), key, change, OrganizationOf(entry), fields);
    }

    private static void Collect(EntityState state, IEnumerable<PropertyEntry> properties, IEnumerable<ComplexPropertyEntry> complex, List<FieldChange> into)
    {
        foreach (var property in properties)
        {
            if (property.Metadata.IsSecret() || property.Metadata.IsPrimaryKey())
            {
                continue;
            }

            var name = property.Metadata.GetColumnName();
            switch (state)
            {
                case EntityState.Added:
                    into.Add(new FieldChange(name, null, property.CurrentValue));
                    break;
                case EntityState.Deleted:
                    into.Add(new FieldChange(name, property.OriginalValue, null));
                    break;
                case EntityState.Modified when property.IsModified && !Equals(property.Metadata, property.OriginalValue, property.CurrentValue):
                    into.Add(new FieldChange(name, property.OriginalValue, property.CurrentValue));
                    break;
            }
        }

        foreach (var inner in complex)
        {
            if (inner.CurrentValue is not null || state != EntityState.Added)
            {
                Collect(state, inner.Properties, inner.ComplexProperties, into);
            }
        }
    }

    private static bool Equals(Microsoft.EntityFrameworkCore.Metadata.IProperty property, object? before, object? after) =>
        property.GetValueComparer().Equals(before, after);

    private static Guid? OrganizationOf(EntityEntry entry) =>
        entry.Entity is Customer customer ? EventObjects.OrganizationOf(customer)
        : entry.Metadata.FindProperty("OrganizationId") is { } property ? entry.Property(property.Name).CurrentValue as Guid? : null;

    public void Write(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        writer.WriteString("object_type", ObjectType);
        if (ObjectId is { } id)
        {
            writer.WriteString("object_id", id);
        }
        else
        {
            writer.WriteNull("object_id");
        }

        writer.WriteString("change", Change);
        writer.WriteStartObject("fields");
        foreach (var field in Fields)
        {
            writer.WriteStartObject(field.Name);
            writer.WritePropertyName("before");
            WriteValue(writer, field.Before);
            writer.WritePropertyName("after");
            WriteValue(writer, field.After);
            writer.WriteEndObject();
        }

        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    private static void WriteValue(Utf8JsonWriter writer, object? value)
    {
        switch (value)
        {
            case null:
                writer.WriteNullValue();
                break;
            case string text:
                writer.WriteStringValue(text);
                break;
            case bool flag:
                writer.WriteBooleanValue(flag);
                break;
            case Guid id:
                writer.WriteStringValue(id);
                break;
            case DateTimeOffset time:
                writer.WriteStringValue(time.UtcDateTime.ToString(UtcTimestampConverter.Format, CultureInfo.InvariantCulture));
                break;
            case int or long or short or byte:
                writer.WriteNumberValue(Convert.ToInt64(value, CultureInfo.InvariantCulture));
                break;
            case decimal number:
                writer.WriteNumberValue(number);
                break;
            case Enum choice:
                writer.WriteStringValue(SnakeCase.From(choice.ToString()));
                break;
            case IReadOnlyDictionary<string, string> map:
                writer.WriteStartObject();
                foreach (var (key, item) in map.OrderBy(p => p.Key, StringComparer.Ordinal))
                {
                    writer.WriteString(key, item);
                }

                writer.WriteEndObject();
                break;
            case IEnumerable<string> list:
                writer.WriteStartArray();
                foreach (var item in list)
                {
                    writer.WriteStringValue(item);
                }

                writer.WriteEndArray();
                break;
            case byte[]:
                // Binary columns are hashes and keys: never shown, even when not marked secret.
                writer.WriteStringValue("[binary]");
                break;
            default:
                writer.WriteStringValue(Convert.ToString(value, CultureInfo.InvariantCulture));
                break;
        }
    }
}
