using Folio.Data;
using Microsoft.EntityFrameworkCore;

namespace Folio.Catalog;

/// <summary>
/// What uses the catalog. A used price, or a product with a used price, stays in the books: it can be archived but not
/// deleted. An invoice line made from a price uses it, and so does a subscription item (past, current or scheduled); whatever else comes to reference prices joins
/// <see cref="UsedPriceIds"/>, and every rule built on it follows.
/// </summary>
public static class CatalogUsage
{
    /// <summary>The id of every price something uses (with repeats).</summary>
    public static IQueryable<Guid> UsedPriceIds(FolioDb db)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.InvoiceItems.Where(i => i.PriceId != null).Select(i => i.PriceId!.Value)
            .Concat(db.SubscriptionItems.Select(i => i.PriceId));
    }

    public static Task<bool> IsPriceUsed(FolioDb db, Guid priceId, CancellationToken cancellationToken) =>
        UsedPriceIds(db).AnyAsync(id => id == priceId, cancellationToken);

    public static Task<bool> IsProductUsed(FolioDb db, Guid productId, CancellationToken cancellationToken)
    {
        var used = UsedPriceIds(db);
        return db.Prices.AnyAsync(p => p.ProductId == productId && used.Contains(p.Id), cancellationToken);
    }
}
