namespace Folio.Domain.Subscriptions;

/// <summary>
/// When a new subscription starts and bills. Left out, <see cref="StartAt"/> is now and <see cref="BillingAnchor"/> is
/// the trial's end when there is a trial, else the start. <see cref="DaysUntilDue"/> is copied to every invoice (left
/// out, the seller's default applies when the invoice is finalized).
/// </summary>
public sealed record SubscriptionTerms(
    DateTimeOffset? StartAt = null,
    DateTimeOffset? TrialEnd = null,
    DateTimeOffset? BillingAnchor = null,
    int? DaysUntilDue = null);
