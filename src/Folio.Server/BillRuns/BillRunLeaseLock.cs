using Folio.Data;
using Microsoft.EntityFrameworkCore;

namespace Folio.BillRuns;

/// <summary>
/// The bill run lock of an engine with no lock that outlives a transaction (SQLite): a lease row taken in a transaction
/// while absent or expired, or while the process named in it is gone from this machine (see
/// <see cref="BillRunLeaseHolder"/>), renewed as the run goes, and removed at the end.
/// </summary>
internal sealed class BillRunLeaseLock : BillRunLock
{
    private readonly FolioDb _db;
    private readonly TimeProvider _clock;
    private readonly TimeSpan _lease;
    private readonly Guid _holder;

    private BillRunLeaseLock(FolioDb db, TimeProvider clock, TimeSpan lease, Guid holder)
    {
        _db = db;
        _clock = clock;
        _lease = lease;
        _holder = holder;
    }

    public static async Task<BillRunLock?> TryLease(FolioDb db, TimeProvider clock, TimeSpan lease, Guid holder, CancellationToken cancellationToken)
    {
        var taken = new BillRunLeaseLock(db, clock, lease, holder);
        return await taken.Lease(onlyIfFree: true, cancellationToken) ? taken : null;
    }

    /// <summary>Extends the lease.</summary>
    public override Task Renew(CancellationToken cancellationToken) => Lease(onlyIfFree: false, cancellationToken);

    public override async ValueTask DisposeAsync() =>
        await _db.BillRunLeases.Where(l => l.Id == BillRunLease.TheLease && l.Holder == _holder).ExecuteDeleteAsync();

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
