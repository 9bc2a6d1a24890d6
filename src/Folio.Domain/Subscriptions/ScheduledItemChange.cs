namespace Folio.Domain.Subscriptions;

/// <summary>Items that replace the current ones at a renewal that has not begun yet.</summary>
public sealed record ScheduledItemChange(int PeriodIndex, DateTimeOffset EffectiveAt, IReadOnlyList<SubscriptionItem> Items);
