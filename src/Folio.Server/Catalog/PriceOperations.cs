using Folio.Api;
using Folio.Data;
using Folio.Domain;
using Folio.Domain.Catalog;
using Microsoft.EntityFrameworkCore;

namespace Folio.Catalog;

/// <summary>The prices of the seller's products. Every key may read them; only admin keys change them.</summary>
public static class PriceOperations
{
    // Every change that gives a price a lookup key, or makes a price with one active again, takes this lock first.
    private const string LookupKeyLock = "prices:lookup_key";

    public static Task<Outcome<Price>> Create(FolioDb db, TimeProvider clock, CreatePriceRequest request, CancellationToken cancellationToken) =>
        db.InTransaction(async () =>
        {
            var details = request.ToDetails();
            if (details.LookupKey is not null)
            {
                await db.LockKey(LookupKeyLock, cancellationToken);
            }

            await db.KeepCatalog([request.ProductId], [], cancellationToken);
            var product = await db.Products.FirstOrDefaultAsync(p => p.Id == request.ProductId, cancellationToken);
            if (product is null)
            {
                return RuleViolation.Unprocessable("product_not_found", "No product has that id.", "product_id");
            }

            var now = clock.GetUtcNow();
            var (price, violations) = Price.Create(clock.NewId(), product, request.ToTerms(), details, now);
            if (price is null)
            {
                return Outcome<Price>.Rejected(violations);
            }

            if (await TakeLookupKey(db, price.Id, price.LookupKey, request.TransferLookupKey == true, now, cancellationToken) is { } taken)
            {
                return taken;
            }

            db.Prices.Add(price);
            return price;
        }, cancellationToken);

    public static Task<Outcome<Price>> Update(FolioDb db, TimeProvider clock, Guid id, UpdatePriceRequest request, int? expectedVersion, CancellationToken cancellationToken) =>
        Change(db, id, expectedVersion, lookupKeyMayMove: request.LookupKey is { Length: > 0 }, async price =>
        {
            var now = clock.GetUtcNow();
            var details = request.MergeInto(price.Details);
            // The key is taken before the price changes, so that the holder lets go of it first (a refused change rolls both back).
            var key = price.IsArchived || details.LookupKey == price.LookupKey ? null : details.LookupKey;
            if (await TakeLookupKey(db, price.Id, key, request.TransferLookupKey == true, now, cancellationToken) is { } taken)
            {
                return taken;
            }

            var violations = price.Update(details, now);
            return violations.Count == 0 ? price : Outcome<Price>.Rejected(violations);
        }, cancellationToken);

    public static Task<Outcome<Price>> Archive(FolioDb db, TimeProvider clock, Guid id, CancellationToken cancellationToken) =>
        Change(db, id, null, lookupKeyMayMove: false, price =>
            Task.FromResult(price.Archive(clock.GetUtcNow()) is { } violation ? violation : Outcome<Price>.Ok(price)), cancellationToken);

    /// <summary>Makes an archived price usable again, unless another active price took its lookup key meanwhile.</summary>
    public static Task<Outcome<Price>> Unarchive(FolioDb db, TimeProvider clock, Guid id, CancellationToken cancellationToken) =>
        Change(db, id, null, lookupKeyMayMove: true, async price =>
        {
            if (price.Unarchive(clock.GetUtcNow()) is { } violation)
            {
                return violation;
            }

            return await TakeLookupKey(db, price.Id, price.LookupKey, transfer: false, clock.GetUtcNow(), cancellationToken) is { } taken ? taken : price;
        }, cancellationToken);

    /// <summary>Deletes a price nothing uses; a used one is archived instead (409).</summary>
    public static Task<Outcome<Price>> Delete(FolioDb db, Guid id, CancellationToken cancellationToken) =>
        Change(db, id, null, lookupKeyMayMove: false, async price =>
        {
            if (Price.CanDelete(await CatalogUsage.IsPriceUsed(db, id, cancellationToken)) is { } inUse)
            {
                return inUse;
            }

            db.Prices.Remove(price);
            return price;
        }, cancellationToken);

    public static Task<Price?> Find(FolioBooks db, Guid id, CancellationToken cancellationToken) =>
        db.Prices.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, cancellationToken);

    public static async Task<Outcome<Page<PriceResponse>>> List(FolioBooks db, PageTokens tokens, ulong binding, PriceListQuery query, CancellationToken cancellationToken)
    {
        var violations = Paging.Read(tokens, PageList.Prices, binding, query.Limit, query.PageToken, out var page);
        PriceType? type = query.Type switch
        {
            null => null,
            "one_time" => PriceType.OneTime,
            "recurring" => PriceType.Recurring,
            _ => null,
        };
        if (query.Type is not null && type is null)
        {
            violations.Add(RuleViolation.Invalid("type", "invalid_type", "type is one_time or recurring."));
        }

        if (query.Currency is not null && !Domain.Money.Currency.TryGet(query.Currency, out _))
        {
            violations.Add(RuleViolation.Invalid("currency", "invalid_currency", "currency is an ISO 4217 code in capitals."));
        }

        if (violations.Count > 0)
        {
            return Outcome<Page<PriceResponse>>.Rejected(violations);
        }

        var prices = db.Prices.AsNoTracking();
        if (query.ProductId is { } productId)
        {
            prices = prices.Where(p => p.ProductId == productId);
        }

        if (query.Active is { } active)
        {
            prices = active ? prices.Where(p => p.ArchivedAt == null) : prices.Where(p => p.ArchivedAt != null);
        }

        if (query.Currency is { } currency)
        {
            prices = prices.Where(p => p.Currency == currency);
        }

        if (type is { } wanted)
        {
            prices = prices.Where(p => p.Type == wanted);
        }

        if (query.LookupKey is { } lookupKey)
        {
            prices = prices.Where(p => p.LookupKey == lookupKey);
        }

        return await page.Newest(prices, NewestFirst, async (rows, ct) => (await rows.ToListAsync(ct)).ConvertAll(PriceResponse.From), p => p.Id, cancellationToken);
    }

    private static readonly KeysetOrder<Price> NewestFirst = KeysetOrder<Price>.NewestFirst(p => p.Id);

    /// <summary>
    /// Lets the active price <paramref name="priceId"/> hold <paramref name="key"/> (nothing to do for null). Another
    /// active holder keeps it, and the change is refused, unless <paramref name="transfer"/> moves the key over (the other
    /// price is left without one).
    /// </summary>
    private static async Task<RuleViolation?> TakeLookupKey(FolioDb db, Guid priceId, string? key, bool transfer, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (key is null)
        {
            return null;
        }

        var holder = await db.Prices.FirstOrDefaultAsync(p => p.LookupKey == key && p.ArchivedAt == null && p.Id != priceId, cancellationToken);
        if (holder is null)
        {
            return null;
        }

        if (!transfer)
        {
            return new RuleViolation(
                ViolationKind.Conflict, "lookup_key_in_use", $"The active price {holder.Id} has the lookup key '{key}'; send transfer_lookup_key: true to move it to this price.", "lookup_key");
        }

        await db.LockPrice(holder.Id, cancellationToken);
        holder.Update(holder.Details with { LookupKey = null }, now);
        // Saved now, so that the unique index on active lookup keys sees the holder let go before the key is taken.
        await db.SaveChangesAsync(cancellationToken);
        return null;
    }

    private static Task<Outcome<Price>> Change(FolioDb db, Guid id, int? expectedVersion, bool lookupKeyMayMove, Func<Price, Task<Outcome<Price>>> change, CancellationToken cancellationToken) =>
        db.InTransaction(async () =>
        {
            if (lookupKeyMayMove)
            {
                await db.LockKey(LookupKeyLock, cancellationToken);
            }

            await db.LockPrice(id, cancellationToken);
            var price = await db.Prices.FirstOrDefaultAsync(p => p.Id == id, cancellationToken);
            if (price is null)
            {
                return Outcome<Price>.NotFound("price_not_found");
            }

            return expectedVersion is { } version && version != price.Version ? ETags.Stale("price", price.Version, version) : await change(price);
        }, cancellationToken);
}
