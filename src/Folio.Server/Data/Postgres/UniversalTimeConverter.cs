using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Folio.Data.Postgres;

/// <summary>
/// timestamptz stores an instant and Npgsql writes only UTC offsets: a time given with +02:00 is stored, and read back, as
/// the same instant in UTC.
/// </summary>
public sealed class UniversalTimeConverter() : ValueConverter<DateTimeOffset, DateTimeOffset>(
    value => value.ToUniversalTime(),
    value => value.ToUniversalTime());
