using Folio.Api;

namespace Folio.Data;

public static class Transactions
{
    /// <summary>
    /// Runs a change in one transaction and saves it only when the outcome succeeded, so a refused change leaves nothing
    /// behind. On SQLite the transaction takes the write lock at once (BEGIN IMMEDIATE), so writers queue instead of failing.
    /// On PostgreSQL writers run side by side: a change locks what it checks first (<see cref="RowLocks"/>).
    /// </summary>
    public static async Task<Outcome<T>> InTransaction<T>(this FolioDb db, Func<Task<Outcome<T>>> change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(change);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var outcome = await change();
        if (outcome.Succeeded)
        {
            await db.WriteJournal(cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        else
        {
            await transaction.RollbackAsync(cancellationToken);
            db.ChangeTracker.Clear();
        }

        return outcome;
    }
}
