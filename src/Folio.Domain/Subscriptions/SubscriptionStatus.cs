namespace Folio.Domain.Subscriptions;

public enum SubscriptionStatus
{
    Active,

    /// <summary>Never stored: <see cref="Subscription.StatusAt"/> reports it for an active subscription with a past-due invoice.</summary>
    PastDue,

    /// <summary>Canceled with immediate effect: nothing after the cancellation is billed.</summary>
    Canceled,

    /// <summary>A cancellation at period end has reached that end.</summary>
    Ended,
}
