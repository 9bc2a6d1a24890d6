using Folio.Api;
using Folio.Data;
using Folio.Domain;
using Folio.Domain.Customers;
using Folio.Domain.Subscriptions;
using Microsoft.EntityFrameworkCore;

namespace Folio.Subscriptions;

/// <summary>Creating and changing subscriptions; only admin keys do. Billing them is the bill run's.</summary>
public static class SubscriptionOperations
{
    public static Task<Outcome<Subscription>> Create(FolioDb db, TimeProvider clock, CreateSubscriptionRequest request, CancellationToken cancellationToken) =>
        db.InTransaction(async () =>
        {
            await db.KeepCustomer(request.CustomerId, cancellationToken);
            var customer = await db.Customers.AsNoTracking().FirstOrDefaultAsync(c => c.Id == request.CustomerId, cancellationToken);
            if (customer is null)
            {
                return RuleViolation.Unprocessable("customer_not_found", "No customer has that id.", "customer_id");
            }

            if (customer.IsArchived)
            {
                return RuleViolation.Unprocessable("customer_archived", "The customer is archived and cannot subscribe.", "customer_id");
            }

            var items = request.ToSpecs();
            var prices = await KeepPrices(db, items, cancellationToken);
            var organizationId = customer.Kind == CustomerKind.Organization ? customer.Id : customer.OrganizationId;
            var (subscription, violations) = Subscription.Create(
                clock.NewId(), customer.Id, organizationId, request.ToTerms(), items, prices, clock.GetUtcNow(), clock.NewId);
            if (subscription is null)
            {
                return Outcome<Subscription>.Rejected(violations);
            }

            db.Subscriptions.Add(subscription);
            return subscription;
        }, cancellationToken);

    public static Task<Outcome<Subscription>> ChangeItems(
        FolioDb db, TimeProvider clock, Guid id, ChangeSubscriptionItemsRequest request, int? expectedVersion, CancellationToken cancellationToken) =>
        Change(db, id, expectedVersion, async subscription =>
        {
            var items = request.ToSpecs();
            var prices = await KeepPrices(db, items, cancellationToken);
            var before = subscription.Items.Select(i => i.Id).ToHashSet();
            var violations = subscription.ScheduleItemChange(items, prices, clock.GetUtcNow(), clock.NewId);
            if (violations.Count > 0)
            {
                return Outcome<Subscription>.Rejected(violations);
            }

            // Rows dropped by the domain are deleted, new rows (ids made by the application) are said to be new.
            var after = subscription.Items.Select(i => i.Id).ToHashSet();
            db.SubscriptionItems.RemoveRange(db.ChangeTracker.Entries<SubscriptionItem>().Select(e => e.Entity).Where(i => !after.Contains(i.Id)).ToList());
            db.SubscriptionItems.AddRange(subscription.Items.Where(i => !before.Contains(i.Id)));
            return subscription;
        }, cancellationToken);

    public static Task<Outcome<Subscription>> Cancel(FolioDb db, TimeProvider clock, Guid id, CancelSubscriptionRequest request, int? expectedVersion, CancellationToken cancellationToken) =>
        Change(db, id, expectedVersion, subscription =>
            Task.FromResult(subscription.Cancel(clock.GetUtcNow(), request.AtPeriodEnd ?? false) is { } violation ? violation : Outcome<Subscription>.Ok(subscription)), cancellationToken);

    public static Task<Outcome<Subscription>> Resume(FolioDb db, TimeProvider clock, Guid id, int? expectedVersion, CancellationToken cancellationToken) =>
        Change(db, id, expectedVersion, subscription =>
            Task.FromResult(subscription.Resume(clock.GetUtcNow()) is { } violation ? violation : Outcome<Subscription>.Ok(subscription)), cancellationToken);

    /// <summary>Keeps the asked prices and their products as read until commit (an archive or delete waits), then reads their terms.</summary>
    private static async Task<Dictionary<Guid, PriceTerms>> KeepPrices(FolioDb db, IReadOnlyList<SubscriptionItemSpec> items, CancellationToken cancellationToken)
    {
        Guid[] priceIds = [.. items.Where(i => i is not null).Select(i => i.PriceId).Distinct()];
        var productIds = await db.Prices.AsNoTracking().Where(p => priceIds.Contains(p.Id)).Select(p => p.ProductId).Distinct().ToListAsync(cancellationToken);
        await db.KeepCatalog(productIds, priceIds, cancellationToken);
        return await SubscriptionPrices.Load(db, priceIds, cancellationToken);
    }

    private static Task<Outcome<Subscription>> Change(
        FolioDb db, Guid id, int? expectedVersion, Func<Subscription, Task<Outcome<Subscription>>> change, CancellationToken cancellationToken) =>
        db.InTransaction(async () =>
        {
            await db.LockSubscription(id, cancellationToken);
            var subscription = await db.Subscriptions.Include(s => s.Items).FirstOrDefaultAsync(s => s.Id == id, cancellationToken);
            if (subscription is null)
            {
                return Outcome<Subscription>.NotFound("subscription_not_found");
            }

            return expectedVersion is { } version && version != subscription.Version
                ? ETags.Stale("subscription", subscription.Version, version)
                : await change(subscription);
        }, cancellationToken);
}
