using Microsoft.EntityFrameworkCore;

namespace Folio.Data.Sqlite;

/// <summary>
/// A large SQLite page cache for the length of a bulk writer (the bill run). A transaction that writes a page of
/// invoices touches every index of three tables: with the small cache of a request, SQLite spills its changed pages
/// to the log before commit and reads them back. One connection, for a while, can afford 64 MiB.
/// </summary>
internal static class SqliteWriterPageCache
{
    public static async Task<IAsyncDisposable?> Widen(FolioDb db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        await db.Database.OpenConnectionAsync(cancellationToken);
        await db.Database.ExecuteSqlRawAsync("PRAGMA cache_size=-65536;", cancellationToken);
        return new Restore(db);
    }

    private sealed class Restore(FolioDb db) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await db.Database.ExecuteSqlRawAsync(SqliteKeptOpenConnection.RequestPageCache, CancellationToken.None);
            await db.Database.CloseConnectionAsync();
        }
    }
}
