using Folio.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Folio.BillRuns;

/// <summary>
/// What one step of a bill run (a page, or a period of the pass one period at a time) adds to its report: billing
/// periods found due, invoiced, skipped (another run had invoiced it), and the failures.
/// </summary>
public sealed record BillRunCounts(int Due, int Invoiced, int Skipped, IReadOnlyList<BillRunFailure> Failures)
{
    public static readonly BillRunCounts None = new(0, 0, 0, []);
}

/// <summary>
/// The one way a bill run's counts grow: written to the run's row in the transaction of the work they count, so that the
/// report read while the run goes on (GET /v1/bill_runs/{id}) matches what is committed, and added to the run in memory
/// once that transaction has committed.
/// </summary>
internal static class BillRunTally
{
    /// <summary>Writes <paramref name="counts"/> and its failures in <paramref name="transaction"/>, commits it, and counts them in memory.</summary>
    public static async Task Commit(FolioDb db, IDbContextTransaction transaction, BillRun run, BillRunCounts counts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(counts);
        await BulkWrites.Insert(db, counts.Failures, cancellationToken);
        var (due, invoiced, skipped, failed) = (counts.Due, counts.Invoiced, counts.Skipped, counts.Failures.Count);
        await db.BillRuns.Where(r => r.Id == run.Id).ExecuteUpdateAsync(
            u => u.SetProperty(r => r.Due, r => r.Due + due).SetProperty(r => r.Invoiced, r => r.Invoiced + invoiced)
                .SetProperty(r => r.Skipped, r => r.Skipped + skipped).SetProperty(r => r.Failed, r => r.Failed + failed),
            cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        db.ChangeTracker.Clear();
        run.Count(counts);
    }

    /// <summary>Counts, in a transaction of its own, what a step found after its own transaction was rolled back (a period skipped or failing).</summary>
    public static async Task Record(FolioDb db, BillRun run, BillRunCounts counts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await Commit(db, transaction, run, counts, cancellationToken);
    }
}
