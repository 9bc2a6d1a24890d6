using Folio.Access;
using Folio.Api;
using Folio.Data;
using Folio.Domain;
using Folio.Domain.Subscriptions;
using Folio.Invoices;
using Microsoft.EntityFrameworkCore;

namespace Folio.Subscriptions;

public static class SubscriptionQueries
{
    /// <summary>Every subscription query starts here. An organization key sees those of its organization and its users.</summary>
    public static IQueryable<Subscription> VisibleTo(this IQueryable<Subscription> subscriptions, Caller caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        return caller.IsAdmin ? subscriptions : subscriptions.Where(s => s.OrganizationId == caller.OrganizationId);
    }

    public static async Task<SubscriptionResponse?> Find(FolioBooks db, Caller caller, Guid id, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var subscription = await db.Subscriptions.AsNoTracking().VisibleTo(caller).Include(s => s.Items).FirstOrDefaultAsync(s => s.Id == id, cancellationToken);
        return subscription is null ? null : (await Respond(db, [subscription], now, cancellationToken))[0];
    }

    public static async Task<Outcome<Page<SubscriptionResponse>>> List(FolioBooks db, Caller caller, PageTokens tokens, DateTimeOffset now, SubscriptionListQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var violations = Paging.Read(tokens, PageList.Subscriptions, query.Binding(caller), query.Limit, query.PageToken, out var page);
        SubscriptionStatus? status = query.Status switch
        {
            null => null,
            "active" => SubscriptionStatus.Active,
            "past_due" => SubscriptionStatus.PastDue,
            "canceled" => SubscriptionStatus.Canceled,
            "ended" => SubscriptionStatus.Ended,
            _ => null,
        };
        if (query.Status is not null && status is null)
        {
            violations.Add(RuleViolation.Invalid("status", "invalid_status", "status is active, past_due, canceled or ended."));
        }

        if (violations.Count > 0)
        {
            return Outcome<Page<SubscriptionResponse>>.Rejected(violations);
        }

        var subscriptions = db.Subscriptions.AsNoTracking().VisibleTo(caller);
        if (query.CustomerId is { } customerId)
        {
            subscriptions = subscriptions.Where(s => s.CustomerId == customerId);
        }

        if (status is { } wanted)
        {
            subscriptions = WithStatus(db, subscriptions, wanted, now);
        }

        return await page.Newest(subscriptions, NewestFirst, async (rows, ct) => await Respond(db, await rows.Include(s => s.Items).ToListAsync(ct), now, ct), s => s.Id, cancellationToken);
    }

    private static readonly KeysetOrder<Subscription> NewestFirst = KeysetOrder<Subscription>.NewestFirst(s => s.Id);

    /// <summary>The responses of loaded subscriptions, with their prices and past-due invoices read in one query each.</summary>
    public static async Task<List<SubscriptionResponse>> Respond(FolioBooks db, IReadOnlyList<Subscription> subscriptions, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subscriptions);
        var prices = await SubscriptionPrices.Of(db, subscriptions, cancellationToken);
        Guid?[] ids = [.. subscriptions.Select(s => (Guid?)s.Id)];
        var pastDue = ids.Length == 0
            ? []
            : (await db.Invoices.AsNoTracking().PastDue(now).Where(i => ids.Contains(i.SubscriptionId) && i.AmountRemaining > 0)
                .Select(i => i.SubscriptionId!.Value).Distinct().ToListAsync(cancellationToken)).ToHashSet();
        return [.. subscriptions.Select(s => SubscriptionResponse.From(s, prices, pastDue.Contains(s.Id), now))];
    }

    // The status a subscription shows (Subscription.StatusAt) as a filter the database can apply.
    private static IQueryable<Subscription> WithStatus(FolioBooks db, IQueryable<Subscription> subscriptions, SubscriptionStatus status, DateTimeOffset now)
    {
        var pastDue = db.Invoices.PastDue(now).Where(i => i.AmountRemaining > 0).Select(i => i.SubscriptionId);
        return status switch
        {
            SubscriptionStatus.Canceled => subscriptions.Where(s => s.Status == SubscriptionStatus.Canceled),
            SubscriptionStatus.Ended => subscriptions.Where(s => s.Status == SubscriptionStatus.Ended || (s.Status == SubscriptionStatus.Active && s.EndedAt <= now)),
            SubscriptionStatus.PastDue => subscriptions.Where(s => s.Status == SubscriptionStatus.Active && !(s.EndedAt <= now) && pastDue.Contains(s.Id)),
            _ => subscriptions.Where(s => s.Status == SubscriptionStatus.Active && !(s.EndedAt <= now) && !pastDue.Contains(s.Id)),
        };
    }
}
