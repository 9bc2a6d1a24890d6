using Folio.Data;
using Microsoft.EntityFrameworkCore;

namespace Folio.BillRuns;

/// <summary>
/// Only one bill run at a time, across processes. PostgreSQL: a session advisory lock held by a connection of its own for
/// the whole run, which the server lets go of if the process dies. SQLite: a lease row taken in a transaction while absent
/// or expired, or while the process named in it is gone from this machine (see <see cref="BillRunLeaseHolder"/>), renewed
/// as the run goes, and removed at the end. A run that finds the lock held is refused at once
/// (409 bill_run_in_progress) rather than queued: the run in progress invoices whatever is due anyway.
/// </summary>
public sealed class BillRunLock : IAsyncDisposable
{
    // An arbitrary key of Folio's own in PostgreSQL's advisory lock space.
    private const long AdvisoryKey = 0x466F6C696F4252; // "FolioBR"

    private readonly FolioDb _db;
    private readonly TimeProvider _clock;
    private readonly TimeSpan _lease;
    private readonly Guid _holder;

    private BillRunLock(FolioDb db, TimeProvider clock, TimeSpan lease, Guid holder)
    {
        _db = db;
        _clock = clock;
        _lease = lease;
        _holder = holder;
    }

    /// <summary>Takes the lock with <paramref name="db"/>, a context used for nothing else meanwhile; null when another run holds it.</summary>
    public static async Task<BillRunLock?> TryTake(FolioDb db, TimeProvider clock, TimeSpan lease, Guid holder, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(clock);
        var taken = new BillRunLock(db, clock, lease, holder);
        if (db.Database.IsNpgsql())
        {
            await db.Database.OpenConnectionAsync(cancellationToken);
            var got = await db.Database.SqlQuery<bool>($"SELECT pg_try_advisory_lock({AdvisoryKey}) AS \"Value\"").SingleAsync(cancellationToken);
            if (!got)
            {
                await db.Database.CloseConnectionAsync();
                return null;
            }

            return taken;
        }

        return await taken.Lease(onlyIfFree: true, cancellationToken) ? taken : null;
    }

    /// <summary>Extends the SQLite lease; the run calls it between batches. Nothing to do on PostgreSQL.</summary>
    public async Task Renew(CancellationToken cancellationToken)
    {
        if (!_db.Database.IsNpgsql())
        {
            await Lease(onlyIfFree: false, cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_db.Database.IsNpgsql())
        {
            try
            {
                await PostgresConnection.ReleaseAdvisoryLock(_db, AdvisoryKey);
            }
            finally
            {
                await _db.Database.CloseConnectionAsync();
            }

            return;
        }

        await _db.BillRunLeases.Where(l => l.Id == BillRunLease.TheLease && l.Holder == _holder).ExecuteDeleteAsync();
    }

    private async Task<bool> Lease(bool onlyIfFree, CancellationToken cancellationToken)
    {
        await using var transaction = await _db.Database.BeginTransactionAsync(cancellationToken);
        var now = _clock.GetUtcNow();
        var lease = await _db.BillRunLeases.FirstOrDefaultAsync(l => l.Id == BillRunLease.TheLease, cancellationToken);
        if (lease is null)
        {
            _db.BillRunLeases.Add(new BillRunLease(_holder, BillRunLeaseHolder.Current, now + _lease));
        }
        else if (onlyIfFree && lease.Holder != _holder && lease.ExpiresAt > now && !BillRunLeaseHolder.IsGone(lease.HolderProcess))
        {
            await transaction.RollbackAsync(cancellationToken);
            _db.ChangeTracker.Clear();
            return false;
        }
        else
        {
            lease.Renew(_holder, BillRunLeaseHolder.Current, now + _lease);
        }

        await _db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        _db.ChangeTracker.Clear();
        return true;
    }
}
