namespace Folio.Domain.Subscriptions;

/// <summary>
/// A stretch of a subscription's time, [<see cref="Start"/>, <see cref="End"/>). <see cref="Index"/> is the billing
/// period's index (0 begins at the billing anchor); null for the unbilled time between the start and the anchor (a trial,
/// or a stub before a later anchor).
/// </summary>
public readonly record struct SubscriptionPeriod(int? Index, DateTimeOffset Start, DateTimeOffset End)
{
    public bool Contains(DateTimeOffset instant) => instant >= Start && instant < End;
}
