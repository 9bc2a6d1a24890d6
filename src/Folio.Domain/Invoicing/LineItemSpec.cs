using Folio.Domain.Money;

namespace Folio.Domain.Invoicing;

/// <summary>
/// What a caller asks for on one invoice line, before any amount is computed. <see cref="PriceId"/> names the catalog
/// price the line was made from, whose terms it carries (<see cref="Catalog.Price.Bill"/>).
/// </summary>
public sealed record LineItemSpec(
    string Description,
    decimal Quantity,
    long UnitAmount,
    long? DiscountAmount = null,
    decimal? DiscountPercent = null,
    decimal TaxRate = 0,
    bool TaxInclusive = false,
    DateTimeOffset? PeriodStart = null,
    DateTimeOffset? PeriodEnd = null,
    string? ProductRef = null,
    Guid? PriceId = null)
{
    public const decimal MaxQuantity = 1_000_000m;
    public const long MaxUnitAmount = 1_000_000_000_000L;
    public const int MaxDecimals = 4;

    public IEnumerable<RuleViolation> Validate(string prefix)
    {
        if (string.IsNullOrWhiteSpace(Description) || Description.Length > 500)
        {
            yield return RuleViolation.Invalid($"{prefix}.description", "invalid_description", "Each item needs a description of 1 to 500 characters.");
        }

        if (Quantity <= 0 || Quantity > MaxQuantity || Rounding.Scale(Quantity) > MaxDecimals)
        {
            yield return RuleViolation.Invalid($"{prefix}.quantity", "invalid_quantity", $"Quantity must be above 0 and at most {MaxQuantity}, with at most {MaxDecimals} decimals.");
        }

        if (UnitAmount < 0 || UnitAmount > MaxUnitAmount)
        {
            yield return RuleViolation.Invalid($"{prefix}.unit_amount", "invalid_unit_amount", $"unit_amount is in minor units, from 0 to {MaxUnitAmount}.");
        }

        if (DiscountAmount is not null && DiscountPercent is not null)
        {
            yield return RuleViolation.Invalid($"{prefix}.discount_percent", "ambiguous_discount", "Give discount_amount or discount_percent, not both.");
        }

        if (DiscountAmount is < 0)
        {
            yield return RuleViolation.Invalid($"{prefix}.discount_amount", "invalid_discount", "discount_amount cannot be negative.");
        }

        if (DiscountPercent is { } percent && !IsPercent(percent))
        {
            yield return RuleViolation.Invalid($"{prefix}.discount_percent", "invalid_discount", "discount_percent is from 0 to 100, with at most 4 decimals.");
        }

        if (!IsPercent(TaxRate))
        {
            yield return RuleViolation.Invalid($"{prefix}.tax_rate", "invalid_tax_rate", "tax_rate is a percentage from 0 to 100, with at most 4 decimals.");
        }

        if (PeriodStart is not null && PeriodEnd is not null && PeriodEnd < PeriodStart)
        {
            yield return RuleViolation.Invalid($"{prefix}.period_end", "invalid_period", "period_end cannot be before period_start.");
        }

        if (ProductRef is { Length: > 200 })
        {
            yield return RuleViolation.Invalid($"{prefix}.product_ref", "invalid_product_ref", "product_ref is at most 200 characters.");
        }
    }

    internal static bool IsPercent(decimal value) => value is >= 0 and <= 100 && Rounding.Scale(value) <= MaxDecimals;
}
