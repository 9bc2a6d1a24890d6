using Folio.Data;
using Folio.Domain.Subscriptions;
using Microsoft.EntityFrameworkCore;

namespace Folio.Subscriptions;

/// <summary>The one place where catalog prices become the <see cref="PriceTerms"/> the subscription rules read.</summary>
public static class SubscriptionPrices
{
    /// <summary>The terms of the prices named, in one query; an id with no price is simply absent.</summary>
    public static async Task<Dictionary<Guid, PriceTerms>> Load(FolioBooks db, IEnumerable<Guid> priceIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        Guid[] ids = [.. priceIds.Distinct()];
        if (ids.Length == 0)
        {
            return [];
        }

        var rows = await db.Prices.AsNoTracking()
            .Where(p => ids.Contains(p.Id))
            .Join(db.Products.AsNoTracking(), p => p.ProductId, product => product.Id, (p, product) => new { Price = p, product.Name, ProductArchivedAt = product.ArchivedAt })
            .ToListAsync(cancellationToken);
        return rows.ToDictionary(r => r.Price.Id, r => new PriceTerms(
            r.Price.Id,
            r.Price.ProductId,
            r.Name,
            r.Price.Nickname,
            r.Price.Currency,
            r.Price.UnitAmount,
            r.Price.Recurrence,
            r.Price.TaxRate,
            r.Price.TaxInclusive,
            r.Price.ArchivedAt != null || r.ProductArchivedAt != null));
    }

    public static Task<Dictionary<Guid, PriceTerms>> Load(FolioBooks db, IEnumerable<SubscriptionItemSpec> items, CancellationToken cancellationToken) =>
        Load(db, items.Where(i => i is not null).Select(i => i.PriceId), cancellationToken);

    public static Task<Dictionary<Guid, PriceTerms>> Of(FolioBooks db, IEnumerable<Subscription> subscriptions, CancellationToken cancellationToken) =>
        Load(db, subscriptions.SelectMany(s => s.Items).Select(i => i.PriceId), cancellationToken);
}
