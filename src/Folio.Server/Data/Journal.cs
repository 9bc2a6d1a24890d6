using Folio.Audit;
using Folio.Events;

namespace Folio.Data;

public static class Journal
{
    /// <summary>
    /// Adds to the change about to be saved its events (<see cref="EventRules"/>) and its audit entry
    /// (<see cref="AuditTrail"/>), so that they commit with it or not at all.
    /// </summary>
    public static async Task WriteJournal(this FolioDb db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        await EventRules.Record(db, cancellationToken);
        AuditTrail.Stage(db);
    }
}
