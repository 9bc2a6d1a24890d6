using Folio.Api;

namespace Folio.Data;

public static class Transactions
{
    /// <summary>
    /// Runs a change in one transaction and saves it only when the outcome succeeded, so a refused change leaves nothing
    /// behind. On SQLite the transaction takes the write lock at once (BEGIN IMMEDIATE), so writers queue instead of failing.
    /// On PostgreSQL writers run side by side: a change locks what it checks first (<see cref="RowLocks"/>).
    /// A request with an Idempotency-Key already runs in a transaction (<see cref="Idempotency.IdempotencyKeys"/>), which
    /// stores the response with the change and commits both: the change joins it, and a refusal rolls all of it back.
    /// </summary>
    public static async Task<Outcome<T>> InTransaction<T>(this FolioDb db, Func<Task<Outcome<T>>> change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(change);
        await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        var outcome = await change();
        if (outcome.Succeeded)
        {
            await db.WriteJournal(cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            if (transaction is not null)
            {
                await transaction.CommitAsync(cancellationToken);
            }
        }
        else
        {
            await db.Database.RollbackTransactionAsync(cancellationToken);
            db.ChangeTracker.Clear();
        }

        return outcome;
    }
}
