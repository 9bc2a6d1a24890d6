using Folio.Access;

namespace Folio.Audit;

/// <summary>
/// Who made a change: an API key (its id and name, never its secret), or Folio itself on behalf of the command line, the
/// bill run or a scheduled task. Resolved once, where the work starts (a request, a command, a scheduled turn).
/// </summary>
public sealed record Actor(string Type, Guid? KeyId, string Name)
{
    public const string ApiKeyType = "api_key";

    public static readonly Actor Cli = new("cli", null, "cli");
    public static readonly Actor BillRun = new("bill_run", null, "bill_run");
    public static readonly Actor Scheduler = new("scheduler", null, "scheduler");

    public static Actor Of(Caller caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        return new Actor(ApiKeyType, caller.KeyId, caller.KeyName);
    }
}
