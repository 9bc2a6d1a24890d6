using Folio.BillRuns;
using Folio.Domain.Customers;
using Microsoft.EntityFrameworkCore;

namespace Folio.Data;

/// <summary>What a copy moved, table by table, with the money totals that prove it complete.</summary>
public sealed record CopySummary(
    int Customers, int Invoices, int Payments, int CreditTransactions, int ApiKeys, int Products, int Prices, int Subscriptions, int SubscriptionItems,
    int BillRuns, int BillRunFailures, long InvoiceTotals, long AmountPaid, long PaymentAmounts);

/// <summary>
/// Copies every row of one set of books into another, empty one (any engine to any engine), keeping every id, number and
/// amount, so that an installation can move from SQLite to PostgreSQL. Rows go in chunks in foreign-key order, in one
/// transaction on the target; the copy is then checked by counts and money totals on both sides. A source holding text
/// that Folio no longer accepts (<see cref="UnstorableText"/>) is refused before anything is written.
/// </summary>
public static class BookCopy
{
    private const int Chunk = 1_000;

    public static async Task<CopySummary> Run(FolioDb source, FolioDb target, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(target);
        if (await target.Customers.AnyAsync(cancellationToken) || await target.Invoices.AnyAsync(cancellationToken) || await target.ApiKeys.AnyAsync(cancellationToken)
            || await target.Products.AnyAsync(cancellationToken) || await target.Subscriptions.AnyAsync(cancellationToken) || await target.BillRuns.AnyAsync(cancellationToken))
        {
            throw new InvalidOperationException("The target already holds books; copy into an empty, migrated database.");
        }

        // Before the first write, so that a refused copy leaves the target as it found it.
        await UnstorableText.Refuse(source, cancellationToken);
        await using var transaction = await target.Database.BeginTransactionAsync(cancellationToken);
        // Migrating the target created its own ledger connection; the source's, with its creation time, replaces it.
        await target.BillingConnections.ExecuteDeleteAsync(cancellationToken);
        await Copy(target, source.ExchangeRates.AsNoTracking().OrderBy(r => r.Currency), cancellationToken);
        await Copy(target, source.BillingConnections.AsNoTracking().OrderBy(c => c.Id), cancellationToken);
        await Copy(target, source.NumberSequences.AsNoTracking().OrderBy(s => s.Scope).ThenBy(s => s.Period), cancellationToken);
        // Organizations before the users that belong to them.
        await Copy(target, source.Customers.AsNoTracking().Where(c => c.Kind == CustomerKind.Organization).OrderBy(c => c.Id), cancellationToken);
        await Copy(target, source.Customers.AsNoTracking().Where(c => c.Kind != CustomerKind.Organization).OrderBy(c => c.Id), cancellationToken);
        await Copy(target, source.ApiKeys.AsNoTracking().OrderBy(k => k.Id), cancellationToken);
        // The catalog before the invoice lines made from it.
        await Copy(target, source.Products.AsNoTracking().OrderBy(p => p.Id), cancellationToken);
        await Copy(target, source.Prices.AsNoTracking().OrderBy(p => p.Id), cancellationToken);
        // Subscriptions before the invoices of their periods; bill runs (their reports) with them. The SQLite lease is not
        // copied: it belongs to a run of the source.
        await Copy(target, source.Subscriptions.AsNoTracking().Include(s => s.Items).OrderBy(s => s.Id), cancellationToken);
        await Copy(target, source.BillRuns.AsNoTracking().Include(r => r.Failures).OrderBy(r => r.Id), cancellationToken);
        await Copy(target, source.Invoices.AsNoTracking().Include(i => i.Items).OrderBy(i => i.Id), cancellationToken);
        await Copy(target, source.Payments.AsNoTracking().OrderBy(p => p.Id), cancellationToken);
        await Copy(target, source.CreditTransactions.AsNoTracking().OrderBy(t => t.Id), cancellationToken);

        var copied = await Summarize(target, cancellationToken);
        var original = await Summarize(source, cancellationToken);
        if (copied != original)
        {
            throw new InvalidOperationException($"The copy does not match its source (source {original}, copy {copied}); nothing was written.");
        }

        await transaction.CommitAsync(cancellationToken);
        return copied;
    }

    public static async Task<CopySummary> Summarize(FolioDb db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        return new CopySummary(
            await db.Customers.CountAsync(cancellationToken),
            await db.Invoices.CountAsync(cancellationToken),
            await db.Payments.CountAsync(cancellationToken),
            await db.CreditTransactions.CountAsync(cancellationToken),
            await db.ApiKeys.CountAsync(cancellationToken),
            await db.Products.CountAsync(cancellationToken),
            await db.Prices.CountAsync(cancellationToken),
            await db.Subscriptions.CountAsync(cancellationToken),
            await db.SubscriptionItems.CountAsync(cancellationToken),
            await db.BillRuns.CountAsync(cancellationToken),
            await db.Set<BillRunFailure>().CountAsync(cancellationToken),
            await db.Invoices.SumAsync(i => (long?)i.Total, cancellationToken) ?? 0,
            await db.Invoices.SumAsync(i => (long?)i.AmountPaid, cancellationToken) ?? 0,
            await db.Payments.SumAsync(p => (long?)p.Amount, cancellationToken) ?? 0);
    }

    // Reads in chunks so that a large source never sits in memory whole; the target forgets each chunk once saved.
    private static async Task Copy<T>(FolioDb target, IQueryable<T> rows, CancellationToken cancellationToken)
        where T : class
    {
        for (var skip = 0; ; skip += Chunk)
        {
            var chunk = await rows.Skip(skip).Take(Chunk).ToListAsync(cancellationToken);
            if (chunk.Count == 0)
            {
                return;
            }

            target.AddRange(chunk);
            await target.SaveChangesAsync(cancellationToken);
            target.ChangeTracker.Clear();
        }
    }
}
