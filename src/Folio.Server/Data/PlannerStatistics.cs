namespace Folio.Data;

/// <summary>
/// Keeps the planner's statistics of a table that a bulk writer grows (the bill run's invoices) in step with it; each
/// engine says whether it needs to (<see cref="DatabaseEngine.PlannerStatisticsOf"/>). One per run: it counts the rows written.
/// </summary>
public abstract class PlannerStatistics
{
    /// <summary>For an engine whose plans do not depend on statistics a bulk writer could outgrow.</summary>
    public static readonly PlannerStatistics None = new Unneeded();

    /// <summary>Counts <paramref name="rows"/> new rows (committed), and brings the statistics up to date if they need it.</summary>
    public abstract Task Wrote(FolioDb db, int rows, CancellationToken cancellationToken);

    private sealed class Unneeded : PlannerStatistics
    {
        public override Task Wrote(FolioDb db, int rows, CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
