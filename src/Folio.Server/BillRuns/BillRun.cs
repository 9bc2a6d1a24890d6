namespace Folio.BillRuns;

public enum BillRunStatus
{
    Running,
    Completed,
    Failed,
}

/// <summary>
/// One pass of the bill run over the subscriptions due by <see cref="AsOf"/>, and its report. Counts are of billing
/// periods: due when found due, invoiced, skipped (another run had invoiced it), failed (rolled back, see
/// <see cref="Failures"/>).
/// </summary>
public sealed class BillRun
{
    private readonly List<BillRunFailure> _failures = [];

    private BillRun()
    {
    }

    public BillRun(Guid id, DateTimeOffset asOf, DateTimeOffset startedAt)
    {
        Id = id;
        AsOf = asOf;
        StartedAt = startedAt;
        Status = BillRunStatus.Running;
    }

    public Guid Id { get; private set; }
    public DateTimeOffset AsOf { get; private set; }
    public DateTimeOffset StartedAt { get; private set; }
    public DateTimeOffset? FinishedAt { get; private set; }
    public BillRunStatus Status { get; private set; }
    public int Due { get; private set; }
    public int Invoiced { get; private set; }
    public int Skipped { get; private set; }
    public int Failed { get; private set; }

    public IReadOnlyList<BillRunFailure> Failures => _failures;

    /// <summary>
    /// Adds what a step of the run did to its report, once that step has committed; <see cref="BillRunTally"/> writes the
    /// same to the database in the step's own transaction.
    /// </summary>
    public void Count(BillRunCounts counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        Due += counts.Due;
        Invoiced += counts.Invoiced;
        Skipped += counts.Skipped;
        Failed += counts.Failures.Count;
        _failures.AddRange(counts.Failures);
    }

    /// <summary>A failure of this run, not yet counted: it is counted with the step that found it (<see cref="Count"/>).</summary>
    public BillRunFailure Failure(Guid failureId, Guid subscriptionId, int? period, string code, string detail) =>
        new(failureId, Id, subscriptionId, period, code, detail.Length > BillRunFailure.MaxDetailLength ? detail[..BillRunFailure.MaxDetailLength] : detail);

    public void Finish(DateTimeOffset now, bool completed)
    {
        FinishedAt = now;
        Status = completed ? BillRunStatus.Completed : BillRunStatus.Failed;
    }
}

/// <summary>A billing period the run could not invoice, and why; that period was rolled back and the run went on.</summary>
public sealed class BillRunFailure
{
    public const int MaxDetailLength = 1000;

    private BillRunFailure()
    {
        Code = string.Empty;
        Detail = string.Empty;
    }

    public BillRunFailure(Guid id, Guid billRunId, Guid subscriptionId, int? period, string code, string detail)
    {
        Id = id;
        BillRunId = billRunId;
        SubscriptionId = subscriptionId;
        Period = period;
        Code = code;
        Detail = detail;
    }

    public Guid Id { get; private set; }
    public Guid BillRunId { get; private set; }
    public Guid SubscriptionId { get; private set; }
    public int? Period { get; private set; }
    public string Code { get; private set; }
    public string Detail { get; private set; }
}

/// <summary>
/// The lease that lets one bill run at a time go on SQLite: one row, taken while expired or absent, or while the process
/// that holds it (named in <see cref="HolderProcess"/>) is gone from this machine.
/// </summary>
public sealed class BillRunLease
{
    public const int TheLease = 1;
    public const int MaxHolderProcessLength = 300;

    private BillRunLease()
    {
        HolderProcess = string.Empty;
    }

    public BillRunLease(Guid holder, string holderProcess, DateTimeOffset expiresAt)
    {
        Id = TheLease;
        Holder = holder;
        HolderProcess = holderProcess;
        ExpiresAt = expiresAt;
    }

    public int Id { get; private set; }
    public Guid Holder { get; private set; }

    /// <summary>The holding process as <c>machine/pid/start ticks</c>, so a lease left by a killed process need not be waited out.</summary>
    public string HolderProcess { get; private set; }

    public DateTimeOffset ExpiresAt { get; private set; }

    public void Renew(Guid holder, string holderProcess, DateTimeOffset expiresAt)
    {
        Holder = holder;
        HolderProcess = holderProcess;
        ExpiresAt = expiresAt;
    }
}
