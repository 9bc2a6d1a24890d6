using Folio.BillRuns;
using Microsoft.EntityFrameworkCore;

namespace Folio.Data.Postgres;

/// <summary>
/// The bill run lock on PostgreSQL: a session advisory lock, held by a connection of the run's own for the whole run.
/// The server lets go of it as soon as it sees that connection drop (the process died), so nothing needs renewing.
/// </summary>
internal sealed class PostgresBillRunLock : BillRunLock
{
    // An arbitrary key of Folio's own in PostgreSQL's advisory lock space.
    private const long AdvisoryKey = 0x466F6C696F4252; // "FolioBR"

    private readonly FolioDb _db;

    private PostgresBillRunLock(FolioDb db) => _db = db;

    public static async Task<BillRunLock?> TryLock(FolioDb db, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        var got = await db.Database.SqlQuery<bool>($"SELECT pg_try_advisory_lock({AdvisoryKey}) AS \"Value\"").SingleAsync(cancellationToken);
        if (!got)
        {
            await db.Database.CloseConnectionAsync();
            return null;
        }

        return new PostgresBillRunLock(db);
    }

    public override Task Renew(CancellationToken cancellationToken) => Task.CompletedTask;

    public override async ValueTask DisposeAsync()
    {
        try
        {
            await PostgresConnection.ReleaseAdvisoryLock(_db, AdvisoryKey);
        }
        finally
        {
            await _db.Database.CloseConnectionAsync();
        }
    }
}
