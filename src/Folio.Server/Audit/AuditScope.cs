namespace Folio.Audit;

/// <summary>
/// The audit trail's view of the work a context is doing: who does it, the action (<c>invoice.finalize</c>) and its object
/// (type, and id when the route names one), and what earlier saves of the same transaction changed. Set on the context
/// where the work starts (<see cref="AuditRequests"/>, the commands, the scheduled tasks); a context without one writes
/// no audit entry.
/// </summary>
public sealed class AuditScope(Actor actor, string action, string objectType, Guid? objectId)
{
    public Actor Actor { get; } = actor;
    public string Action { get; } = action;
    public string ObjectType { get; } = objectType;
    public Guid? ObjectId { get; } = objectId;

    internal List<ChangedObject> Pending { get; } = [];

    /// <summary>Set once the entry is staged: the next save writes it.</summary>
    internal bool Writing { get; set; }
}
