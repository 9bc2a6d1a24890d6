using Folio.Domain.Invoicing;

namespace Folio.Domain.Catalog;

/// <summary>
/// What a price charges: currency, amount per unit, how often, and its tax. Fixed once the price exists: changing what is
/// charged means a new price (the old one is archived), so every line ever made from a price agrees with it.
/// </summary>
public sealed record PriceTerms(string Currency, long UnitAmount, PriceType Type, Recurrence? Recurrence, decimal TaxRate, bool TaxInclusive)
{
    public IEnumerable<RuleViolation> Validate()
    {
        if (!Money.Currency.TryGet(Currency, out _))
        {
            yield return RuleViolation.Invalid("currency", "invalid_currency", "currency is an active ISO 4217 code in capitals, such as USD, EUR or JPY.");
        }

        if (UnitAmount < 0 || UnitAmount > LineItemSpec.MaxUnitAmount)
        {
            yield return RuleViolation.Invalid("unit_amount", "invalid_unit_amount", $"unit_amount is in minor units, from 0 to {LineItemSpec.MaxUnitAmount}.");
        }

        if (!Enum.IsDefined(Type))
        {
            yield return RuleViolation.Invalid("type", "invalid_type", "type is one_time or recurring.");
        }
        else if (Type == PriceType.Recurring && Recurrence is null)
        {
            yield return RuleViolation.Invalid("recurring", "missing_recurring", "A recurring price needs recurring.interval (day, week, month or year), and recurring.interval_count when it is not 1.");
        }
        else if (Type == PriceType.OneTime && Recurrence is not null)
        {
            yield return RuleViolation.Invalid("recurring", "invalid_recurring", "A one_time price is charged once and takes no recurring.");
        }

        if (Recurrence is { } recurrence)
        {
            foreach (var violation in recurrence.Validate("recurring"))
            {
                yield return violation;
            }
        }

        if (!LineItemSpec.IsPercent(TaxRate))
        {
            yield return RuleViolation.Invalid("tax_rate", "invalid_tax_rate", "tax_rate is a percentage from 0 to 100, with at most 4 decimals.");
        }
    }
}
