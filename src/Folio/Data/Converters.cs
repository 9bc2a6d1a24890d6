using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Folio.Data;

public sealed class UtcTicksConverter() : ValueConverter<DateTimeOffset, long>(
    value => value.UtcTicks,
    ticks => new DateTimeOffset(ticks, TimeSpan.Zero));

public sealed class UniversalTimeConverter() : ValueConverter<DateTimeOffset, DateTimeOffset>(
    value => value.ToUniversalTime(),
    value => value.ToUniversalTime());

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
