using Folio.Domain.Customers;
using Microsoft.EntityFrameworkCore;

namespace Folio.Data;

/// <summary>
/// Locks, inside the caller's transaction, the row a change checks before it writes; each engine locks its own way
/// (<see cref="DatabaseEngine.LockRows(FolioDb, RowLockMode, string, string, Guid, CancellationToken)"/>). SQLite needs
/// none: its writers hold the database's write lock from the start of their transaction. PostgreSQL at READ COMMITTED lets
/// two transactions read the same row and both act on what they read (two payments of 60 on 100); locking the row first
/// makes the second one wait, then read what the first committed. Lock order is subscription, then invoice, then
/// customer, then product, then price, everywhere (and the lookup key lock of prices before any of them), so waits never
/// cycle.
/// </summary>
public static class RowLocks
{
    /// <summary>The subscription: its items, state, next period to invoice and version.</summary>
    public static async Task LockSubscription(this FolioDb db, Guid subscriptionId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        await db.Engine.LockRows(db, RowLockMode.Update, "subscriptions", "id", subscriptionId, cancellationToken);
    }

    /// <summary>Several subscriptions, as <see cref="LockSubscription"/> does one; in id order, so two lockers never wait on each other in a cycle.</summary>
    public static async Task LockSubscriptions(this FolioDb db, IReadOnlyCollection<Guid> subscriptionIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(subscriptionIds);
        await db.Engine.LockRows(db, RowLockMode.Update, "subscriptions", subscriptionIds, cancellationToken);
    }

    /// <summary>Marks a query whose root rows <see cref="ForUpdate{T}"/> locks; an engine that locks rows reads the mark (PostgreSQL's command interceptor).</summary>
    public const string ForUpdateTag = "folio:for-update";

    /// <summary>
    /// Locks the rows of the query's root table as it reads them (an invoice with its state, amounts and version; a
    /// customer), in the caller's transaction, at no extra round trip. The query must read its root table directly, not
    /// in the LIMIT subquery FirstOrDefault wraps around it when lines are included: filter with Where and take the rows
    /// with ToListAsync.
    /// </summary>
    public static IQueryable<T> ForUpdate<T>(this IQueryable<T> query) => query.TagWith(ForUpdateTag);

    /// <summary>Customers, read (untracked) and locked in id order in one statement; <see cref="LockCustomer"/> says what the lock guards.</summary>
    public static async Task<Dictionary<Guid, Customer>> LockedCustomers(this FolioDb db, IReadOnlyCollection<Guid> customerIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        return await db.Customers.AsNoTracking().Where(c => EF.Parameter(customerIds).Contains(c.Id)).OrderBy(c => c.Id).ForUpdate()
            .ToDictionaryAsync(c => c.Id, cancellationToken);
    }

    /// <summary>The customer, and with it its credit ledger: every entry whose writer first reads the balance takes this lock.</summary>
    public static async Task LockCustomer(this FolioDb db, Guid customerId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        await db.Engine.LockRows(db, RowLockMode.Update, "customers", "id", customerId, cancellationToken);
    }

    /// <summary>
    /// Keeps the customer as read (not archived, still an organization) until the caller commits, without queueing other
    /// readers: an archive waits, drafts for the same customer do not wait for each other.
    /// </summary>
    public static async Task KeepCustomer(this FolioDb db, Guid customerId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        await db.Engine.LockRows(db, RowLockMode.Share, "customers", "id", customerId, cancellationToken);
    }

    /// <summary>
    /// A row that may not exist yet (the first rate of a currency): two writers would both see none and both insert. A lock
    /// on the key until the caller commits (on PostgreSQL a transaction-scoped advisory lock) makes the second wait and
    /// then find the first one's row.
    /// </summary>
    public static async Task LockKey(this FolioDb db, string key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        await db.Engine.LockKey(db, key, cancellationToken);
    }

    /// <summary>The product: its state (archived or not) and version, and whether it still exists.</summary>
    public static async Task LockProduct(this FolioDb db, Guid productId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        await db.Engine.LockRows(db, RowLockMode.Update, "products", "id", productId, cancellationToken);
    }

    /// <summary>The price: its state, version and lookup key, and whether it still exists.</summary>
    public static async Task LockPrice(this FolioDb db, Guid priceId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        await db.Engine.LockRows(db, RowLockMode.Update, "prices", "id", priceId, cancellationToken);
    }

    /// <summary>Every price of a product, in id order: a product being deleted takes its unused prices with it.</summary>
    public static async Task LockPricesOf(this FolioDb db, Guid productId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        await db.Engine.LockRows(db, RowLockMode.Update, "prices", "product_id", productId, cancellationToken);
    }

    /// <summary>
    /// Keeps catalog rows as read (there, unarchived) until the caller commits, without queueing other readers: a line made
    /// from a price makes an archive or a delete of the price or its product wait, and then the delete sees the line.
    /// Products first, then prices, each in id order.
    /// </summary>
    public static async Task KeepCatalog(this FolioDb db, IReadOnlyCollection<Guid> productIds, IReadOnlyCollection<Guid> priceIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(productIds);
        ArgumentNullException.ThrowIfNull(priceIds);
        await db.Engine.LockRows(db, RowLockMode.Share, "products", productIds, cancellationToken);
        await db.Engine.LockRows(db, RowLockMode.Share, "prices", priceIds, cancellationToken);
    }
}
