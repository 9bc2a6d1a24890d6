namespace Folio.Domain.Subscriptions;

/// <summary>
/// One price on a subscription, for the billing periods from <see cref="EffectiveFromPeriod"/> to
/// <see cref="EndsAfterPeriod"/> (inclusive; null while it has no end). An item change never edits a row in place: the
/// rows in effect end before the renewal and new rows begin at it, so every period keeps the items it was billed with.
/// </summary>
public sealed class SubscriptionItem
{
    private SubscriptionItem()
    {
    }

    internal SubscriptionItem(Guid id, Guid subscriptionId, Guid priceId, decimal quantity, int position, int effectiveFromPeriod)
    {
        Id = id;
        SubscriptionId = subscriptionId;
        PriceId = priceId;
        Quantity = quantity;
        Position = position;
        EffectiveFromPeriod = effectiveFromPeriod;
    }

    public Guid Id { get; private set; }
    public Guid SubscriptionId { get; private set; }
    public Guid PriceId { get; private set; }
    public decimal Quantity { get; private set; }

    /// <summary>The order of the item among those in effect with it, from 0; its invoice line's order.</summary>
    public int Position { get; private set; }

    public int EffectiveFromPeriod { get; private set; }
    public int? EndsAfterPeriod { get; internal set; }

    public bool AppliesTo(int periodIndex) => periodIndex >= EffectiveFromPeriod && (EndsAfterPeriod is null || periodIndex <= EndsAfterPeriod);
}
