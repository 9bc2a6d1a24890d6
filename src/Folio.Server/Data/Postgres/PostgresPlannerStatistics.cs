using Microsoft.EntityFrameworkCore;

namespace Folio.Data.Postgres;

/// <summary>
/// Keeps PostgreSQL's statistics of a table that a bulk writer grows (the bill run's invoices) in step with it, as one
/// does after a bulk load: autovacuum looks once a minute, a bill run doubles the table in seconds. With the statistics
/// of a near-empty table, PostgreSQL plans the foreign-key check of every line (does its invoice exist?) as a scan of
/// the whole table, and keeps that plan for the connection: checks then cost more the more there are. Analyzing again
/// each time the table has doubled keeps the cost of the analyses in proportion to the rows written.
/// </summary>
internal sealed class PostgresPlannerStatistics(string table) : PlannerStatistics
{
    private readonly string _analyze = $"ANALYZE \"{table}\"";
    private long _rowsKnown = -1;
    private long _writtenSince;

    /// <summary>Counts <paramref name="rows"/> new rows (committed) and analyzes the table when it has outgrown its statistics.</summary>
    public override async Task Wrote(FolioDb db, int rows, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (rows == 0)
        {
            return;
        }

        if (_rowsKnown < 0)
        {
            _rowsKnown = Math.Max(0, (long)await db.Database.SqlQuery<float>($"SELECT reltuples AS \"Value\" FROM pg_class WHERE oid = to_regclass({table})").SingleAsync(cancellationToken));
        }

        _writtenSince += rows;
        if (_writtenSince > Math.Max(_rowsKnown, 100))
        {
            await db.Database.ExecuteSqlRawAsync(_analyze, cancellationToken);
            _rowsKnown += _writtenSince;
            _writtenSince = 0;
        }
    }
}
