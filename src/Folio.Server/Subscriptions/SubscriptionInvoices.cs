using Folio.Access;
using Folio.Api;
using Folio.Data;
using Folio.Domain.Invoicing;
using Folio.Invoices;
using Microsoft.EntityFrameworkCore;

namespace Folio.Subscriptions;

/// <summary>
/// A slice of a subscription's billing history: its invoices, oldest period first, followed by its renewal estimate.
/// <see cref="Count"/> counts every entry, the estimate included; <see cref="Upcoming"/> is set when the slice reaches it.
/// </summary>
public sealed record SubscriptionHistory(
    Guid SubscriptionId, int Count, IReadOnlyList<Invoice> Invoices, IReadOnlyDictionary<Guid, DateTimeOffset> BillDates, UpcomingInvoice? Upcoming);

/// <summary>The invoices a subscription produced, and when each was to be issued.</summary>
public static class SubscriptionInvoices
{
    /// <summary>
    /// Entries <paramref name="offset"/> to offset + <paramref name="limit"/> of the history of a subscription the caller
    /// can see. The estimate is left out when the bill run could not issue it either (an archived customer, a missing
    /// exchange rate): it would show an invoice that is not coming.
    /// </summary>
    public static async Task<Outcome<SubscriptionHistory>> History(
        FolioBooks db, Caller caller, InvoiceOptions options, bool issue, Guid subscriptionId, int offset, int limit, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var subscription = await db.Subscriptions.AsNoTracking().VisibleTo(caller).Include(s => s.Items)
            .FirstOrDefaultAsync(s => s.Id == subscriptionId, cancellationToken);
        if (subscription is null)
        {
            return Outcome<SubscriptionHistory>.NotFound("subscription_not_found");
        }

        var invoices = db.Invoices.AsNoTracking().VisibleTo(caller).Where(i => i.SubscriptionId == subscriptionId);
        var invoiced = await invoices.CountAsync(cancellationToken);
        var page = await invoices.OrderBy(i => i.SubscriptionPeriod).Skip(offset).Take(limit).ToListAsync(cancellationToken);
        var upcoming = await SubscriptionEstimates.Upcoming(db, options, issue, subscription, now, cancellationToken);
        var estimate = upcoming.Succeeded ? upcoming.Value : null;
        var billDates = page.ToDictionary(i => i.Id, i => subscription.PeriodStart(i.SubscriptionPeriod!.Value));
        var reachesEstimate = offset <= invoiced && limit > invoiced - offset;
        return new SubscriptionHistory(subscriptionId, invoiced + (estimate is null ? 0 : 1), page, billDates, reachesEstimate ? estimate : null);
    }

    /// <summary>When each of <paramref name="invoices"/> that a subscription produced was to be issued: the start of the period it bills.</summary>
    public static async Task<Dictionary<Guid, DateTimeOffset>> BillDates(FolioBooks db, IReadOnlyCollection<Invoice> invoices, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(invoices);
        Guid[] ids = [.. invoices.Where(i => i.SubscriptionId is not null).Select(i => i.SubscriptionId!.Value).Distinct()];
        if (ids.Length == 0)
        {
            return [];
        }

        var subscriptions = await db.Subscriptions.AsNoTracking().Where(s => ids.Contains(s.Id)).ToDictionaryAsync(s => s.Id, cancellationToken);
        return invoices
            .Where(i => i.SubscriptionId is { } id && i.SubscriptionPeriod is not null && subscriptions.ContainsKey(id))
            .ToDictionary(i => i.Id, i => subscriptions[i.SubscriptionId!.Value].PeriodStart(i.SubscriptionPeriod!.Value));
    }
}
