namespace Folio.Domain.Subscriptions;

/// <summary>What a caller asks for on one subscription item: a price and how many of it.</summary>
public sealed record SubscriptionItemSpec(Guid PriceId, decimal Quantity = 1);
