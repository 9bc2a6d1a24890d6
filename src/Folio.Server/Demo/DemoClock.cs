namespace Folio.Demo;

/// <summary>A clock the demo moves by hand, so that its invoices carry a believable history.</summary>
internal sealed class DemoClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;
}
