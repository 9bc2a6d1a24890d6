using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Folio.Data;

public sealed class UtcTicksConverter() : ValueConverter<DateTimeOffset, long>(
    value => value.UtcTicks,
    ticks => new DateTimeOffset(ticks, TimeSpan.Zero));

public sealed class LowerCaseEnumConverter<TEnum>() : ValueConverter<TEnum, string>(
    value => SnakeCase.From(value.ToString()),
    text => Enum.Parse<TEnum>(text.Replace("_", string.Empty, StringComparison.Ordinal), true))
    where TEnum : struct, Enum;
