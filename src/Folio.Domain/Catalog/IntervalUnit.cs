namespace Folio.Domain.Catalog;

/// <summary>The calendar unit a recurring price bills in.</summary>
public enum IntervalUnit
{
    Day,
    Week,
    Month,
    Year,
}
