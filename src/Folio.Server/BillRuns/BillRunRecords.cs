namespace Folio.BillRuns;

/// <summary>as_of: invoice every period that has begun by then (default now; never in the future).</summary>
public sealed record CreateBillRunRequest(DateTimeOffset? AsOf = null);

/// <summary>A billing period the run could not invoice: which subscription and period, and why (code and detail).</summary>
public sealed record BillRunFailureResponse(Guid SubscriptionId, int? Period, string Code, string Detail);

/// <summary>
/// A bill run and its report. Counts are of billing periods: due (found due by as_of), invoiced, skipped (another run
/// had already invoiced it) and failed (rolled back; the next run tries again).
/// </summary>
public sealed record BillRunResponse(
    Guid Id,
    DateTimeOffset AsOf,
    DateTimeOffset StartedAt,
    DateTimeOffset? FinishedAt,
    BillRunStatus Status,
    int Due,
    int Invoiced,
    int Skipped,
    int Failed,
    IReadOnlyList<BillRunFailureResponse> Failures)
{
    public static BillRunResponse From(BillRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        return new(
            run.Id, run.AsOf, run.StartedAt, run.FinishedAt, run.Status, run.Due, run.Invoiced, run.Skipped, run.Failed,
            [.. run.Failures.Select(f => new BillRunFailureResponse(f.SubscriptionId, f.Period, f.Code, f.Detail))]);
    }
}
