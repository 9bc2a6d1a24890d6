using System.Globalization;
using Folio.Domain.Invoicing;

namespace Folio.Domain.Subscriptions;

/// <summary>One line of a subscription's invoice and the price it bills.</summary>
public sealed record SubscriptionInvoiceLine(Guid PriceId, LineItemSpec Spec);

/// <summary>
/// What the invoice of one billing period of a subscription is: its header and one line per item in effect in that
/// period. A pure function of the subscription, the period and the prices: the bill run issues it and the renewal
/// estimate shows it, and the estimate equals the real invoice to the minor unit only because both come from here.
/// </summary>
public sealed record SubscriptionInvoice(
    Guid SubscriptionId,
    int PeriodIndex,
    DateTimeOffset PeriodStart,
    DateTimeOffset PeriodEnd,
    string Currency,
    InvoiceDraft Header,
    IReadOnlyList<SubscriptionInvoiceLine> Lines)
{
    public IReadOnlyList<LineItemSpec> Items => [.. Lines.Select(l => l.Spec)];

    /// <summary>The amounts the invoice will have, computed as <see cref="Invoice"/> computes them.</summary>
    public InvoiceTotals Calculate() => InvoiceCalculator.Calculate(Items, Header.Discount);

    /// <summary>
    /// The invoice of period <paramref name="periodIndex"/>. <paramref name="prices"/> holds at least the prices of the
    /// items in effect in that period (<see cref="Subscription.ItemsAt(int)"/>). A price archived since it was subscribed
    /// to still bills: archiving retires a price for new subscriptions, it does not stop the ones that have it.
    /// </summary>
    public static SubscriptionInvoice For(Subscription subscription, int periodIndex, IReadOnlyDictionary<Guid, PriceTerms> prices)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        ArgumentNullException.ThrowIfNull(prices);
        var period = subscription.Period(periodIndex);
        var lines = new List<SubscriptionInvoiceLine>();
        foreach (var item in subscription.ItemsAt(periodIndex))
        {
            if (!prices.TryGetValue(item.PriceId, out var price))
            {
                throw new KeyNotFoundException($"Price {item.PriceId} of subscription {subscription.Id} was not given.");
            }

            if (price.Currency != subscription.Currency)
            {
                throw new InvalidOperationException($"Price {price.PriceId} is in {price.Currency}; subscription {subscription.Id} bills in {subscription.Currency}.");
            }

            lines.Add(new SubscriptionInvoiceLine(price.PriceId, Line(price, item.Quantity, period.Start, period.End)));
        }

        var description = string.Create(CultureInfo.InvariantCulture, $"Subscription period {period.Start:yyyy-MM-dd} to {period.End:yyyy-MM-dd}");
        var header = new InvoiceDraft(null, description, null, subscription.DaysUntilDue, period.Start, period.End, InvoiceDiscount.None);
        return new SubscriptionInvoice(subscription.Id, periodIndex, period.Start, period.End, subscription.Currency, header, lines);
    }

    /// <summary>
    /// The draft invoice of period <paramref name="periodIndex"/>, made at <paramref name="now"/> for the subscription's
    /// customer and marked as billing that period. The bill run saves and issues it; the renewal estimate issues the same
    /// draft without saving it, so both finalize the very same lines.
    /// </summary>
    public static (Invoice? Invoice, IReadOnlyList<RuleViolation> Violations) Draft(
        Subscription subscription, int periodIndex, IReadOnlyDictionary<Guid, PriceTerms> prices, Guid invoiceId, DateTimeOffset now, Func<Guid> newId)
    {
        var bill = For(subscription, periodIndex, prices);
        var lines = bill.Lines.Select(l => l.Spec with { PriceId = l.PriceId }).ToList();
        var (invoice, violations) = Invoice.CreateDraft(invoiceId, subscription.CustomerId, subscription.OrganizationId, Money.Currency.Get(bill.Currency), bill.Header, lines, now, newId);
        invoice?.BillSubscriptionPeriod(subscription.Id, periodIndex);
        return (invoice, violations);
    }

    /// <summary>Equal when every figure is: the same header and the same lines in the same order.</summary>
    public bool Equals(SubscriptionInvoice? other) =>
        other is not null
        && (SubscriptionId, PeriodIndex, PeriodStart, PeriodEnd, Currency, Header) == (other.SubscriptionId, other.PeriodIndex, other.PeriodStart, other.PeriodEnd, other.Currency, other.Header)
        && Lines.SequenceEqual(other.Lines);

    public override int GetHashCode() => HashCode.Combine(SubscriptionId, PeriodIndex, PeriodStart, Lines.Count);

    internal static LineItemSpec Line(PriceTerms price, decimal quantity, DateTimeOffset periodStart, DateTimeOffset periodEnd) =>
        new(price.LineDescription, quantity, price.UnitAmount, TaxRate: price.TaxRate, TaxInclusive: price.TaxInclusive, PeriodStart: periodStart, PeriodEnd: periodEnd);
}
