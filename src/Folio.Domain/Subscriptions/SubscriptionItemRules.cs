using Folio.Domain.Catalog;
using Folio.Domain.Invoicing;
using Folio.Domain.Money;

namespace Folio.Domain.Subscriptions;

/// <summary>The currency and recurrence every price of one subscription shares.</summary>
internal readonly record struct BillingCycle(string Currency, Recurrence Recurrence);

/// <summary>The rules for a list of subscription items, the same on creation and on a change.</summary>
internal static class SubscriptionItemRules
{
    public const int MaxItems = 20;

    /// <summary>
    /// Checks <paramref name="items"/> against their prices. With no <paramref name="cycle"/> (a new subscription) the
    /// first usable price sets it. Archived prices are refused unless named in <paramref name="kept"/>: a customer keeps a
    /// retired price it already has (and may change its quantity), but nobody takes it up anew.
    /// </summary>
    public static (List<RuleViolation> Violations, BillingCycle? Cycle) Check(
        IReadOnlyList<SubscriptionItemSpec> items, IReadOnlyDictionary<Guid, PriceTerms> prices, BillingCycle? cycle, IReadOnlySet<Guid> kept)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(prices);
        if (items.Count is 0 or > MaxItems)
        {
            return ([RuleViolation.Invalid("items", "invalid_items", $"A subscription has 1 to {MaxItems} items.")], cycle);
        }

        var violations = new List<RuleViolation>();
        var seen = new HashSet<Guid>();
        var lines = new List<(string Field, PriceTerms Price, decimal Quantity)>();
        for (var i = 0; i < items.Count; i++)
        {
            var field = $"items[{i}]";
            if (items[i] is not { } item)
            {
                violations.Add(RuleViolation.Invalid(field, "invalid_item", "An item cannot be null."));
                continue;
            }

            if (item.Quantity <= 0 || item.Quantity > LineItemSpec.MaxQuantity || Rounding.Scale(item.Quantity) > LineItemSpec.MaxDecimals)
            {
                violations.Add(RuleViolation.Invalid(
                    $"{field}.quantity", "invalid_quantity", $"Quantity must be above 0 and at most {LineItemSpec.MaxQuantity}, with at most {LineItemSpec.MaxDecimals} decimals."));
            }

            if (CheckPrice(item.PriceId, $"{field}.price_id", prices, seen, ref cycle, kept) is { } refused)
            {
                violations.Add(refused);
            }
            else
            {
                lines.Add((field, prices[item.PriceId], item.Quantity));
            }
        }

        if (violations.Count == 0)
        {
            violations.AddRange(CheckBillable(lines));
        }

        return (violations, cycle);
    }

    private static RuleViolation? CheckPrice(
        Guid priceId, string field, IReadOnlyDictionary<Guid, PriceTerms> prices, HashSet<Guid> seen, ref BillingCycle? cycle, IReadOnlySet<Guid> kept)
    {
        if (!seen.Add(priceId))
        {
            return RuleViolation.Invalid(field, "duplicate_price", "Each price appears once on a subscription; raise its quantity instead.");
        }

        if (!prices.TryGetValue(priceId, out var price))
        {
            return RuleViolation.Unprocessable("price_not_found", "No price has that id.", field);
        }

        if (price.Recurrence is not { } recurrence)
        {
            return RuleViolation.Unprocessable("price_not_recurring", "A subscription bills recurring prices; this price is a one-off.", field);
        }

        if (price.Archived && !kept.Contains(priceId))
        {
            return RuleViolation.Unprocessable("price_archived", "This price (or its product) is archived and cannot be subscribed to.", field);
        }

        if (!Currency.TryGet(price.Currency, out _) || recurrence.Validate(field).Any())
        {
            return RuleViolation.Unprocessable("invalid_price", "This price has no valid currency or recurrence.", field);
        }

        if (cycle is not { } required)
        {
            cycle = new BillingCycle(price.Currency, recurrence);
            return null;
        }

        if (price.Currency != required.Currency)
        {
            return RuleViolation.Unprocessable(
                "currency_mismatch", $"Every price of a subscription is in one currency: this price is in {price.Currency}, the subscription in {required.Currency}.", field);
        }

        return recurrence != required.Recurrence
            ? RuleViolation.Unprocessable(
                "recurrence_mismatch", $"Every price of a subscription bills on one cycle: this price bills every {recurrence}, the subscription every {required.Recurrence}.", field)
            : null;
    }

    /// <summary>Whether the lines these prices make are lines an invoice accepts, so that no renewal is ever refused for them.</summary>
    private static IEnumerable<RuleViolation> CheckBillable(List<(string Field, PriceTerms Price, decimal Quantity)> lines)
    {
        var period = new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var specs = lines.Select(l => SubscriptionInvoice.Line(l.Price, l.Quantity, period, period)).ToList();
        for (var i = 0; i < specs.Count; i++)
        {
            if (specs[i].Validate(lines[i].Field).FirstOrDefault() is { } invalid)
            {
                yield return RuleViolation.Unprocessable("invalid_price", $"This price cannot be invoiced: {invalid.Detail}", $"{lines[i].Field}.price_id");
            }
        }

        RuleViolation? overflow = null;
        try
        {
            InvoiceCalculator.Calculate(specs, InvoiceDiscount.None);
        }
        catch (OverflowException)
        {
            overflow = RuleViolation.Unprocessable("amount_too_large", "The invoice of one period would be too large to be represented exactly.", "items");
        }

        if (overflow is not null)
        {
            yield return overflow;
        }
    }
}
