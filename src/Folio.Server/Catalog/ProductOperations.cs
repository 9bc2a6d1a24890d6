using Folio.Api;
using Folio.Data;
using Folio.Domain.Catalog;
using Microsoft.EntityFrameworkCore;

namespace Folio.Catalog;

/// <summary>The seller's products. Every key may read them; only admin keys change them.</summary>
public static class ProductOperations
{
    public static Task<Outcome<Product>> Create(FolioDb db, TimeProvider clock, CreateProductRequest request, CancellationToken cancellationToken) =>
        db.InTransaction(() =>
        {
            var (product, violations) = Product.Create(clock.NewId(), request.ToDetails(), clock.GetUtcNow());
            if (product is null)
            {
                return Task.FromResult(Outcome<Product>.Rejected(violations));
            }

            db.Products.Add(product);
            return Task.FromResult(Outcome<Product>.Ok(product));
        }, cancellationToken);

    public static Task<Outcome<Product>> Update(FolioDb db, TimeProvider clock, Guid id, UpdateProductRequest request, int? expectedVersion, CancellationToken cancellationToken) =>
        Change(db, id, expectedVersion, product =>
        {
            var violations = product.Update(request.MergeInto(product.Details), clock.GetUtcNow());
            return violations.Count == 0 ? product : Outcome<Product>.Rejected(violations);
        }, cancellationToken);

    public static Task<Outcome<Product>> Archive(FolioDb db, TimeProvider clock, Guid id, CancellationToken cancellationToken) =>
        Change(db, id, null, product => product.Archive(clock.GetUtcNow()) is { } violation ? violation : product, cancellationToken);

    public static Task<Outcome<Product>> Unarchive(FolioDb db, TimeProvider clock, Guid id, CancellationToken cancellationToken) =>
        Change(db, id, null, product => product.Unarchive(clock.GetUtcNow()) is { } violation ? violation : product, cancellationToken);

    /// <summary>Deletes a product and its prices while none of them is used; a used one is archived instead (409).</summary>
    public static Task<Outcome<Product>> Delete(FolioDb db, Guid id, CancellationToken cancellationToken) =>
        db.InTransaction(async () =>
        {
            await db.LockProduct(id, cancellationToken);
            await db.LockPricesOf(id, cancellationToken);
            var product = await db.Products.FirstOrDefaultAsync(p => p.Id == id, cancellationToken);
            if (product is null)
            {
                return Outcome<Product>.NotFound("product_not_found");
            }

            if (Product.CanDelete(await CatalogUsage.IsProductUsed(db, id, cancellationToken)) is { } inUse)
            {
                return inUse;
            }

            await db.Prices.Where(p => p.ProductId == id).ExecuteDeleteAsync(cancellationToken);
            db.Products.Remove(product);
            return product;
        }, cancellationToken);

    public static Task<Product?> Find(FolioBooks db, Guid id, CancellationToken cancellationToken) =>
        db.Products.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, cancellationToken);

    public static async Task<Outcome<Page<ProductResponse>>> List(FolioBooks db, PageTokens tokens, ulong binding, ProductListQuery query, CancellationToken cancellationToken)
    {
        var violations = Paging.Read(tokens, PageList.Products, binding, query.Limit, query.PageToken, out var page);
        if (violations.Count > 0)
        {
            return Outcome<Page<ProductResponse>>.Rejected(violations);
        }

        var products = db.Products.AsNoTracking();
        if (query.Active is { } active)
        {
            products = active ? products.Where(p => p.ArchivedAt == null) : products.Where(p => p.ArchivedAt != null);
        }

        return await page.Newest(products, NewestFirst, async (rows, ct) => (await rows.ToListAsync(ct)).ConvertAll(ProductResponse.From), p => p.Id, cancellationToken);
    }

    private static readonly KeysetOrder<Product> NewestFirst = KeysetOrder<Product>.NewestFirst(p => p.Id);

    private static Task<Outcome<Product>> Change(FolioDb db, Guid id, int? expectedVersion, Func<Product, Outcome<Product>> change, CancellationToken cancellationToken) =>
        db.InTransaction(async () =>
        {
            // A partial update merges into what it reads (metadata keys): two at once must not lose one another's keys.
            await db.LockProduct(id, cancellationToken);
            var product = await db.Products.FirstOrDefaultAsync(p => p.Id == id, cancellationToken);
            if (product is null)
            {
                return Outcome<Product>.NotFound("product_not_found");
            }

            return expectedVersion is { } version && version != product.Version ? ETags.Stale("product", product.Version, version) : change(product);
        }, cancellationToken);
}
