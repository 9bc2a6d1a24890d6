namespace Folio.Domain.Catalog;

/// <summary>Whether a price is charged once or on every period of a subscription.</summary>
public enum PriceType
{
    OneTime,
    Recurring,
}
