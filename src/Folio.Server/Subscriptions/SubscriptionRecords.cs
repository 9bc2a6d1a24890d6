using Folio.Access;
using Folio.Api;
using Folio.Domain.Catalog;
using Folio.Domain.Subscriptions;
using Folio.Invoices;
using Microsoft.AspNetCore.Mvc;
using PriceTerms = Folio.Domain.Subscriptions.PriceTerms;

namespace Folio.Subscriptions;

/// <summary>One item asked for: a recurring price and how many of it (default 1).</summary>
public sealed record SubscriptionItemRequest(Guid PriceId, decimal? Quantity = null)
{
    public SubscriptionItemSpec ToSpec() => new(PriceId, Quantity ?? 1);
}

/// <summary>
/// A new subscription of a customer to recurring prices that share one currency and one cycle. start_at defaults to now;
/// the first period begins at billing_anchor, else at trial_end, else at start_at. days_until_due is copied to every
/// invoice (left out, the seller's default applies).
/// </summary>
public sealed record CreateSubscriptionRequest(
    Guid CustomerId,
    IReadOnlyList<SubscriptionItemRequest>? Items = null,
    DateTimeOffset? StartAt = null,
    DateTimeOffset? TrialEnd = null,
    DateTimeOffset? BillingAnchor = null,
    int? DaysUntilDue = null)
{
    public SubscriptionTerms ToTerms() => new(StartAt, TrialEnd, BillingAnchor, DaysUntilDue);

    public IReadOnlyList<SubscriptionItemSpec> ToSpecs() => Specs(Items);

    internal static IReadOnlyList<SubscriptionItemSpec> Specs(IReadOnlyList<SubscriptionItemRequest>? items) =>
        [.. (items ?? []).Select(i => i?.ToSpec()!)];
}

/// <summary>The items the subscription bills from its next renewal on, replacing the current ones.</summary>
public sealed record ChangeSubscriptionItemsRequest(IReadOnlyList<SubscriptionItemRequest>? Items = null)
{
    public IReadOnlyList<SubscriptionItemSpec> ToSpecs() => CreateSubscriptionRequest.Specs(Items);
}

/// <summary>at_period_end: true ends the subscription when the current period ends; false (the default) ends it now.</summary>
public sealed record CancelSubscriptionRequest(bool? AtPeriodEnd = null);

/// <summary>Filters of <c>GET /v1/subscriptions</c>; they combine with AND.</summary>
public sealed record SubscriptionListQuery(
    [property: FromQuery(Name = "customer_id")] Guid? CustomerId = null,
    [property: FromQuery(Name = "status")] string? Status = null,
    [property: FromQuery(Name = "limit")] int? Limit = null,
    [property: FromQuery(Name = "page_token")] string? PageToken = null)
{
    /// <summary>What a page token of this list is bound to: the caller's scope and every filter.</summary>
    public ulong Binding(Caller caller)
    {
        var binding = new PageBinding(stackalloc byte[128], PageList.Subscriptions, caller);
        binding.Add(CustomerId);
        binding.Add(Status);
        return binding.Finish();
    }
}

/// <summary>An item as billed: the price, its product, the invoice line's description, quantity and unit amount (minor units).</summary>
public sealed record SubscriptionItemResponse(Guid PriceId, Guid? ProductId, string? Description, decimal Quantity, long? UnitAmount);

/// <summary>Items that replace the current ones at the renewal at effective_at.</summary>
public sealed record ScheduledChangeResponse(DateTimeOffset EffectiveAt, IReadOnlyList<SubscriptionItemResponse> Items);

/// <summary>
/// A subscription. status is active, past_due (active with a past-due invoice), canceled (stopped at once) or ended (a
/// cancellation at period end reached that end). current_period_start/end are null before start_at and once it ended.
/// </summary>
public sealed record SubscriptionResponse(
    Guid Id,
    Guid CustomerId,
    Guid? OrganizationId,
    SubscriptionStatus Status,
    string Currency,
    IntervalUnit Interval,
    int IntervalCount,
    IReadOnlyList<SubscriptionItemResponse> Items,
    ScheduledChangeResponse? ScheduledChange,
    DateTimeOffset StartAt,
    DateTimeOffset? TrialEnd,
    DateTimeOffset BillingAnchor,
    DateTimeOffset? CurrentPeriodStart,
    DateTimeOffset? CurrentPeriodEnd,
    bool CancelAtPeriodEnd,
    DateTimeOffset? CanceledAt,
    DateTimeOffset? EndedAt,
    DateTimeOffset? NextBillAt,
    int? DaysUntilDue,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    int Version)
{
    public static SubscriptionResponse From(Subscription subscription, IReadOnlyDictionary<Guid, PriceTerms> prices, bool hasPastDueInvoice, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        ArgumentNullException.ThrowIfNull(prices);
        var period = subscription.CurrentPeriodAt(now);
        var change = subscription.ScheduledChangeAt(now);
        return new SubscriptionResponse(
            subscription.Id,
            subscription.CustomerId,
            subscription.OrganizationId,
            subscription.StatusAt(now, hasPastDueInvoice),
            subscription.Currency,
            subscription.Recurrence.Unit,
            subscription.Recurrence.Count,
            ItemsOf(subscription.CurrentItemsAt(now), prices),
            change is null ? null : new ScheduledChangeResponse(change.EffectiveAt, ItemsOf(change.Items, prices)),
            subscription.StartAt,
            subscription.TrialEnd,
            subscription.BillingAnchor,
            period?.Start,
            period?.End,
            subscription.CancelAtPeriodEnd,
            subscription.CanceledAt,
            subscription.EndedAt,
            subscription.NextBillAt,
            subscription.DaysUntilDue,
            subscription.CreatedAt,
            subscription.UpdatedAt,
            subscription.Version);
    }

    private static List<SubscriptionItemResponse> ItemsOf(IReadOnlyList<SubscriptionItem> items, IReadOnlyDictionary<Guid, PriceTerms> prices) =>
        [.. items.Select(i => prices.TryGetValue(i.PriceId, out var price)
            ? new SubscriptionItemResponse(i.PriceId, price.ProductId, price.LineDescription, Decimals.Trim(i.Quantity), price.UnitAmount)
            : new SubscriptionItemResponse(i.PriceId, null, null, Decimals.Trim(i.Quantity), null))];
}
