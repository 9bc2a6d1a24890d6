using Folio.Data;
using Folio.Domain;
using Folio.Domain.Invoicing;
using Folio.Domain.Subscriptions;
using Folio.Invoices;
using Folio.Invoices.Issuing;
using Folio.Subscriptions;
using Microsoft.EntityFrameworkCore;

namespace Folio.BillRuns;

/// <summary>A subscription locked and read for the bill run, and the periods of it to invoice, oldest first.</summary>
internal sealed record DueSubscription(Subscription Subscription, IReadOnlyList<int> Periods);

/// <summary>
/// Invoices a page of due subscriptions in one transaction: the subscriptions with their items and the prices read once
/// for the page, each period's invoice built by <see cref="SubscriptionInvoice.Draft"/> (as the renewal estimate is),
/// and the page issued as one set by <see cref="InvoiceIssuing"/>, which writes the invoices in bulk. A period refused is
/// reported and left out, with the later periods of its subscription. An error of the database rolls the whole page
/// back; the caller then goes over it one period at a time, each through <see cref="InvoicePeriods"/> too.
/// </summary>
internal static class BillRunPage
{
    public static async Task<BillRunCounts> Invoice(
        FolioDb db, TimeProvider clock, InvoiceOptions invoiceOptions, BillRunOptions options, BillRun run, IReadOnlyList<Guid> subscriptionIds,
        CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var due = await LockDue(db, subscriptionIds, run.AsOf, cancellationToken);
        var periods = due.Sum(d => d.Periods.Count);
        if (periods == 0)
        {
            await transaction.RollbackAsync(cancellationToken);
            db.ChangeTracker.Clear();
            return BillRunCounts.None;
        }

        var (invoiced, failures) = await InvoicePeriods(db, clock, invoiceOptions, options, run, due, cancellationToken);
        var counts = new BillRunCounts(periods, invoiced, 0, failures);
        await BillRunTally.Commit(db, transaction, run, counts, cancellationToken);
        return counts;
    }

    /// <summary>
    /// The subscriptions, locked (in id order, before anything else) and read with their items, with every period due by
    /// <paramref name="asOf"/>; those with none left out. In the order asked, so that numbers follow the run's order.
    /// </summary>
    public static async Task<List<DueSubscription>> LockDue(FolioDb db, IReadOnlyList<Guid> subscriptionIds, DateTimeOffset asOf, CancellationToken cancellationToken)
    {
        Guid[] ids = [.. subscriptionIds];
        await db.LockSubscriptions(ids, cancellationToken);
        var loaded = await db.Subscriptions.AsNoTracking().Include(s => s.Items).Where(s => EF.Parameter(ids).Contains(s.Id))
            .ToDictionaryAsync(s => s.Id, cancellationToken);
        return [.. ids.Where(loaded.ContainsKey).Select(id => new DueSubscription(loaded[id], loaded[id].DuePeriods(asOf))).Where(d => d.Periods.Count > 0)];
    }

    /// <summary>
    /// Invoices the periods of <paramref name="due"/> in the caller's transaction: builds each period's invoice, issues
    /// them as one set, each moving its subscription past its period, and writes the subscriptions that moved. Answers how
    /// many were invoiced and, for each subscription that stopped short, its first period that failed (not yet written).
    /// </summary>
    public static async Task<(int Invoiced, List<BillRunFailure> Failures)> InvoicePeriods(
        FolioDb db, TimeProvider clock, InvoiceOptions invoiceOptions, BillRunOptions options, BillRun run, IReadOnlyList<DueSubscription> due,
        CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var prices = await SubscriptionPrices.Load(db, due.SelectMany(d => d.Periods.SelectMany(d.Subscription.ItemsAt)).Select(i => i.PriceId), cancellationToken);
        var drafts = new List<DraftToIssue>();
        var unbuilt = new Dictionary<Guid, (int Period, string Code, string Detail)>();
        foreach (var (subscription, periods) in due)
        {
            foreach (var period in periods)
            {
                var (invoice, code, detail) = Draft(clock, subscription, period, prices, now);
                if (invoice is null)
                {
                    // The later periods wait for this one.
                    unbuilt[subscription.Id] = (period, code!, detail!);
                    break;
                }

                drafts.Add(DraftToIssue.New(invoice, _ => MovePast(subscription, period, now)));
            }
        }

        var issued = await InvoiceIssuing.Issue(db, clock, invoiceOptions, drafts, now, options.Finalize, cancellationToken);

        // A subscription moves past its periods in order only, so the later periods of one refused were refused with it:
        // its failure is the first refusal, or else the period whose invoice could not be built.
        var refused = issued.Refused.DistinctBy(r => r.Draft.Invoice.SubscriptionId).ToDictionary(r => r.Draft.Invoice.SubscriptionId!.Value);
        var failures = new List<BillRunFailure>();
        foreach (var subscription in due.Select(d => d.Subscription))
        {
            if (refused.TryGetValue(subscription.Id, out var first))
            {
                failures.Add(run.Failure(clock.NewId(), subscription.Id, first.Draft.Invoice.SubscriptionPeriod, first.Violation.Code, first.Violation.Detail));
            }
            else if (unbuilt.TryGetValue(subscription.Id, out var failed))
            {
                failures.Add(run.Failure(clock.NewId(), subscription.Id, failed.Period, failed.Code, failed.Detail));
            }
        }

        var moved = issued.Issued.Select(i => i.SubscriptionId).ToHashSet();
        List<Subscription> movedSubscriptions = [.. due.Select(d => d.Subscription).Where(s => moved.Contains(s.Id))];
        await BulkWrites.Update(db, movedSubscriptions, cancellationToken);
        await BillRunJournal.Write(db, run, issued.Issued, movedSubscriptions, cancellationToken);
        return (issued.Issued.Count, failures);
    }

    /// <summary>The draft invoice of one period, as the renewal estimate builds it; or why it could not be built.</summary>
    private static (Invoice? Invoice, string? Code, string? Detail) Draft(
        TimeProvider clock, Subscription subscription, int period, Dictionary<Guid, PriceTerms> prices, DateTimeOffset now)
    {
        try
        {
            var (invoice, violations) = SubscriptionInvoice.Draft(subscription, period, prices, clock.NewId(), now, clock.NewId);
            return invoice is null ? (null, violations[0].Code, violations[0].Detail) : (invoice, null, null);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return (null, "unexpected_error", exception.Message);
        }
    }

    /// <summary>The bill run's last word on an issued period: the subscription moves past it, or refuses (not its next period).</summary>
    private static RuleViolation? MovePast(Subscription subscription, int period, DateTimeOffset now)
    {
        if (subscription.MarkInvoiced(period, now) is { } notNext)
        {
            return notNext;
        }

        subscription.RecordEnd(now);
        return null;
    }
}
