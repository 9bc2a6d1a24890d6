using System.Text.Json;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Folio.Data;

/// <summary>Stores an enum as its snake_case name ("mark_uncollectible"), readable in the database; names are looked up, not parsed.</summary>
public sealed class LowerCaseEnumConverter<TEnum>() : ValueConverter<TEnum, string>(
    value => Names.ToText[value],
    text => Names.FromText[text])
    where TEnum : struct, Enum
{
    private static class Names
    {
        public static readonly Dictionary<TEnum, string> ToText = Enum.GetValues<TEnum>().ToDictionary(v => v, v => SnakeCase.From(v.ToString()));
        public static readonly Dictionary<string, TEnum> FromText = ToText.ToDictionary(pair => pair.Value, pair => pair.Key, StringComparer.Ordinal);
    }
}

public static class MetadataColumn
{
    /// <summary>Stores a metadata dictionary as one JSON text column, compared by content so that EF sees changes to its keys.</summary>
    public static PropertyBuilder<Dictionary<string, string>> AsJsonText(this PropertyBuilder<Dictionary<string, string>> property)
    {
        ArgumentNullException.ThrowIfNull(property);
        return property.HasConversion(
            value => JsonSerializer.Serialize(value, JsonSerializerOptions.Default),
            text => JsonSerializer.Deserialize<Dictionary<string, string>>(text, JsonSerializerOptions.Default) ?? new Dictionary<string, string>(),
            new ValueComparer<Dictionary<string, string>>(
                (a, b) => a!.Count == b!.Count && !a.Except(b).Any(),
                value => value.Aggregate(0, (hash, pair) => HashCode.Combine(hash, pair.Key, pair.Value)),
                value => new Dictionary<string, string>(value, StringComparer.Ordinal)));
    }
}
