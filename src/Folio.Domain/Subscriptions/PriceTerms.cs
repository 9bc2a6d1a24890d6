using Folio.Domain.Catalog;

namespace Folio.Domain.Subscriptions;

/// <summary>
/// What a subscription needs to know of a catalog price, so that the subscription rules do not depend on the catalog's
/// entities. <see cref="Archived"/> is true when the price or its product is archived.
/// </summary>
public sealed record PriceTerms(
    Guid PriceId,
    Guid ProductId,
    string ProductName,
    string? Nickname,
    string Currency,
    long UnitAmount,
    Recurrence? Recurrence,
    decimal TaxRate,
    bool TaxInclusive,
    bool Archived)
{
    /// <summary>How the price reads on an invoice line: the product's name, and the nickname in parentheses when it has one.</summary>
    public string LineDescription => string.IsNullOrWhiteSpace(Nickname) ? ProductName : $"{ProductName} ({Nickname})";
}
