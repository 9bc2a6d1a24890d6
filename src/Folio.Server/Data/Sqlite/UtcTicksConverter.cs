using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Folio.Data.Sqlite;

/// <summary>SQLite has no date type: a time is stored as its UTC ticks, which keeps comparisons and ordering exact in SQL.</summary>
public sealed class UtcTicksConverter() : ValueConverter<DateTimeOffset, long>(
    value => value.UtcTicks,
    ticks => new DateTimeOffset(ticks, TimeSpan.Zero));
