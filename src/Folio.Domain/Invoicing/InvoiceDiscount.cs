namespace Folio.Domain.Invoicing;

/// <summary>A discount on the whole invoice: a fixed amount in minor units, or a percentage of the lines after their own discounts.</summary>
public sealed record InvoiceDiscount(long? Amount, decimal? Percent)
{
    public static readonly InvoiceDiscount None = new(null, null);

    public IEnumerable<RuleViolation> Validate()
    {
        if (Amount is not null && Percent is not null)
        {
            yield return RuleViolation.Invalid("discount_percent", "ambiguous_discount", "Give discount_amount or discount_percent, not both.");
        }

        if (Amount is < 0)
        {
            yield return RuleViolation.Invalid("discount_amount", "invalid_discount", "discount_amount cannot be negative.");
        }

        if (Percent is { } percent && !LineItemSpec.IsPercent(percent))
        {
            yield return RuleViolation.Invalid("discount_percent", "invalid_discount", "discount_percent is from 0 to 100, with at most 4 decimals.");
        }
    }
}
