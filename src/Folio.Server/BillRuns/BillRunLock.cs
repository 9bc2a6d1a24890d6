using Folio.Data;

namespace Folio.BillRuns;

/// <summary>
/// Only one bill run at a time, across processes. Each engine has its own (<see cref="DatabaseEngine.TryTakeBillRunLock"/>):
/// on PostgreSQL a session advisory lock held by a connection of its own for the whole run, which the server lets go of
/// if the process dies; on SQLite a lease row (<see cref="BillRunLeaseLock"/>). A run that finds the lock held is refused
/// at once (409 bill_run_in_progress) rather than queued: the run in progress invoices whatever is due anyway.
/// </summary>
public abstract class BillRunLock : IAsyncDisposable
{
    /// <summary>Takes the lock with <paramref name="db"/>, a context used for nothing else meanwhile; null when another run holds it.</summary>
    public static Task<BillRunLock?> TryTake(FolioDb db, TimeProvider clock, TimeSpan lease, Guid holder, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(clock);
        return db.Engine.TryTakeBillRunLock(db, clock, lease, holder, cancellationToken);
    }

    /// <summary>Keeps the lock for the run's next stretch; the run calls it between batches.</summary>
    public abstract Task Renew(CancellationToken cancellationToken);

    /// <summary>Lets go of the lock.</summary>
    public abstract ValueTask DisposeAsync();
}
