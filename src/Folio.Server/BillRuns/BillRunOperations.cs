using System.Data.Common;
using Folio.Api;
using Folio.Data;
using Folio.Domain;
using Folio.Events;
using Folio.Invoices;
using Microsoft.EntityFrameworkCore;

namespace Folio.BillRuns;

/// <summary>How far a bill run has got: subscriptions done of those found due when it started.</summary>
public readonly record struct BillRunProgress(int Done, int Total);

/// <summary>
/// Invoices every billing period due by an instant, a page of subscriptions per transaction (<see cref="BillRunPage"/>):
/// a period the rules refuse is left out and reported, and the run goes on. Due subscriptions are read in keyset batches,
/// never all at once.
/// </summary>
public static partial class BillRunOperations
{
    /// <summary>
    /// Runs the bill run as of <paramref name="asOf"/> (now when null; never in the future). <paramref name="lockDb"/> is
    /// a second context, used only to hold the one-run-at-a-time lock.
    /// </summary>
    public static async Task<Outcome<BillRun>> Run(
        FolioDb db, FolioDb lockDb, TimeProvider clock, InvoiceOptions invoiceOptions, BillRunOptions options, DateTimeOffset? asOf,
        IProgress<BillRunProgress>? progress, ILogger logger, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(options);
        var startedAt = clock.GetUtcNow();
        var until = asOf ?? startedAt;
        if (until > startedAt)
        {
            return RuleViolation.Invalid("as_of", "invalid_as_of", "as_of cannot be in the future: a period is invoiced once it has begun.");
        }

        var run = new BillRun(clock.NewId(), until, startedAt);
        await using var held = await BillRunLock.TryTake(lockDb, clock, TimeSpan.FromMinutes(options.LeaseMinutes), run.Id, cancellationToken);
        if (held is null)
        {
            return RuleViolation.Conflict("bill_run_in_progress", "Another bill run is in progress; it invoices whatever is due. Try again when it has finished.");
        }

        // Holding the lock, no other run can be going on: one still marked running died (killed, power cut) before its end.
        await db.BillRuns.Where(r => r.Status == BillRunStatus.Running)
            .ExecuteUpdateAsync(u => u.SetProperty(r => r.Status, BillRunStatus.Failed).SetProperty(r => r.FinishedAt, startedAt), cancellationToken);
        db.BillRuns.Add(run);
        await db.SaveChangesAsync(cancellationToken);
        // Untracked from here: each step of the run writes and counts what it did as it commits (BillRunTally).
        db.ChangeTracker.Clear();
        var completed = false;
        try
        {
            await using var cache = await db.Engine.WidenWriterPageCache(db, cancellationToken);
            await InvoiceDue(db, clock, invoiceOptions, options, run, held, progress, logger, cancellationToken);
            completed = true;
        }
        finally
        {
            db.ChangeTracker.Clear();
            db.Attach(run);
            run.Finish(clock.GetUtcNow(), completed);
            db.Entry(run).State = EntityState.Modified;
            if (completed)
            {
                EventLog.Record(db, "bill_run.completed", "bill_run", run.Id, EventLog.Render(BillRunResponse.From(run)), null);
            }

            await db.WriteJournal(CancellationToken.None);
            await db.SaveChangesAsync(CancellationToken.None);
        }

        return run;
    }

    public static Task<BillRun?> Find(FolioDb db, Guid id, CancellationToken cancellationToken) =>
        db.BillRuns.AsNoTracking().Include(r => r.Failures).FirstOrDefaultAsync(r => r.Id == id, cancellationToken);

    private static async Task InvoiceDue(
        FolioDb db, TimeProvider clock, InvoiceOptions invoiceOptions, BillRunOptions options, BillRun run, BillRunLock held,
        IProgress<BillRunProgress>? progress, ILogger logger, CancellationToken cancellationToken)
    {
        var asOf = run.AsOf;
        var total = await db.Subscriptions.CountAsync(s => s.NextBillAt <= asOf, cancellationToken);
        var done = 0;
        progress?.Report(new BillRunProgress(0, total));

        // Keyset over (next_bill_at, id). An invoiced subscription moves past as_of; one that failed keeps its next_bill_at
        // at or after the cursor, so it is remembered and not tried twice in this run.
        var failedOnce = new HashSet<Guid>();
        var invoices = db.Engine.PlannerStatisticsOf("invoices");
        DateTimeOffset? lastAt = null;
        var lastId = Guid.Empty;
        while (true)
        {
            var query = db.Subscriptions.AsNoTracking().Where(s => s.NextBillAt <= asOf);
            if (lastAt is { } at)
            {
                query = query.Where(s => s.NextBillAt > at || (s.NextBillAt == at && s.Id > lastId));
            }

            var batch = await query.OrderBy(s => s.NextBillAt).ThenBy(s => s.Id).Take(options.BatchSize)
                .Select(s => new { s.Id, s.NextBillAt }).ToListAsync(cancellationToken);
            if (batch.Count == 0)
            {
                return;
            }

            Guid[] page = [.. batch.Select(d => d.Id).Where(id => !failedOnce.Contains(id))];
            if (await InvoicePage(db, clock, invoiceOptions, options, run, page, logger, cancellationToken) is { } counted)
            {
                await invoices.Wrote(db, counted.Invoiced, cancellationToken);
                failedOnce.UnionWith(counted.Failures.Select(f => f.SubscriptionId));
                done += page.Length;
                progress?.Report(new BillRunProgress(done, Math.Max(total, done)));
            }
            else
            {
                foreach (var id in page)
                {
                    if (!await InvoiceSubscription(db, clock, invoiceOptions, options, run, id, cancellationToken))
                    {
                        failedOnce.Add(id);
                    }

                    progress?.Report(new BillRunProgress(++done, Math.Max(total, done)));
                }
            }

            (lastAt, lastId) = (batch[^1].NextBillAt, batch[^1].Id);
            await held.Renew(cancellationToken);
        }
    }

    /// <summary>
    /// The page in one transaction (<see cref="BillRunPage"/>), counted; null when the database refused it (another run got
    /// there first, a deadlock), after rolling it back, so that the caller goes over it one period at a time and finds the culprit.
    /// </summary>
    private static async Task<BillRunCounts?> InvoicePage(
        FolioDb db, TimeProvider clock, InvoiceOptions invoiceOptions, BillRunOptions options, BillRun run, Guid[] page, ILogger logger,
        CancellationToken cancellationToken)
    {
        try
        {
            return page.Length == 0 ? null : await BillRunPage.Invoice(db, clock, invoiceOptions, options, run, page, cancellationToken);
        }
        catch (Exception exception) when (exception is DbException or DbUpdateException)
        {
            // Only the database's refusals: anything else is a fault of the page's own code, and stops the run loudly.
            db.ChangeTracker.Clear();
            LogPageRefused(logger, run.Id, page.Length, exception.Message);
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Bill run {RunId}: the database refused a page of {Subscriptions} subscriptions ({Reason}); going over it one period at a time")]
    private static partial void LogPageRefused(ILogger logger, Guid runId, int subscriptions, string reason);

    /// <summary>
    /// Invoices the due periods of one subscription, oldest first, each in a transaction of its own and through the page's
    /// own code (<see cref="BillRunPage.InvoicePeriods"/>, a page of one period); false when one failed (the later ones
    /// wait for the next run). A period someone else invoiced first is counted skipped.
    /// </summary>
    private static async Task<bool> InvoiceSubscription(
        FolioDb db, TimeProvider clock, InvoiceOptions invoiceOptions, BillRunOptions options, BillRun run, Guid subscriptionId, CancellationToken cancellationToken)
    {
        // The periods found due are counted once, with whatever the first step commits.
        var dueCounted = false;
        int? lastSkipped = null;
        while (true)
        {
            var due = 0;
            int? period = null;
            try
            {
                await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
                var found = await BillRunPage.LockDue(db, [subscriptionId], run.AsOf, cancellationToken);
                if (found is not [var (subscription, periods)] || periods[0] == lastSkipped)
                {
                    await transaction.RollbackAsync(cancellationToken);
                    db.ChangeTracker.Clear();
                    return true;
                }

                due = dueCounted ? 0 : periods.Count;
                period = periods[0];
                var (invoiced, failures) = await BillRunPage.InvoicePeriods(
                    db, clock, invoiceOptions, options, run, [new DueSubscription(subscription, [periods[0]])], cancellationToken);
                await BillRunTally.Commit(db, transaction, run, new BillRunCounts(due, invoiced, 0, failures), cancellationToken);
                dueCounted = true;
                if (failures.Count > 0)
                {
                    return false;
                }

                if (periods.Count == 1)
                {
                    // That was the last period due: no need to read the subscription again to find nothing.
                    return true;
                }
            }
            catch (Exception exception) when (db.Engine.IsUniqueViolation(exception))
            {
                // Another run invoiced this period first: nothing is lost, and the subscription shows it on the next read.
                db.ChangeTracker.Clear();
                await BillRunTally.Record(db, run, new BillRunCounts(due, 0, 1, []), cancellationToken);
                dueCounted = true;
                lastSkipped = period;
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                db.ChangeTracker.Clear();
                var failure = run.Failure(clock.NewId(), subscriptionId, period, "unexpected_error", exception.Message);
                await BillRunTally.Record(db, run, new BillRunCounts(due, 0, 0, [failure]), cancellationToken);
                return false;
            }
        }
    }
}
