using Folio.Api;
using Folio.Data;
using Folio.Domain.Invoicing;
using Microsoft.EntityFrameworkCore;

namespace Folio.Invoices;

/// <summary>
/// Changing a stored invoice, whatever its state: it is read with its lines and locked, changed, and saved, in one
/// transaction. Editing a draft, finalizing, paying, voiding, sending, muting and marking uncollectible all start here.
/// </summary>
internal static class InvoiceChanges
{
    /// <summary>The invoice with its lines, tracked and locked for the rest of the caller's transaction (see <see cref="RowLocks"/>).</summary>
    public static async Task<Invoice?> LoadLocked(FolioDb db, Guid id, CancellationToken cancellationToken)
    {
        Invoice? found = null;
        await foreach (var invoice in LockedInvoice(db, id).WithCancellation(cancellationToken))
        {
            found = invoice;
        }

        return found;
    }

    // Compiled once: every payment and edit starts here, and building, hashing and looking up the query tree each time costs
    // more than the statement. A compiled query cannot call ForUpdate(), so it carries its tag itself.
    private static readonly Func<FolioDb, Guid, IAsyncEnumerable<Invoice>> LockedInvoice = EF.CompileAsyncQuery(
        (FolioDb db, Guid id) => db.Invoices.Where(i => i.Id == id).TagWith(RowLocks.ForUpdateTag).Include(i => i.Items));

    /// <summary>Loads an invoice with its lines, applies a change and saves it in one transaction; 412 when the caller's version is stale.</summary>
    public static Task<Outcome<Invoice>> Change(FolioDb db, Guid id, int? expectedVersion, Func<Invoice, Outcome<Invoice>> change, CancellationToken cancellationToken) =>
        Change(db, id, expectedVersion, invoice => Task.FromResult(change(invoice)), cancellationToken);

    /// <inheritdoc cref="Change(FolioDb, Guid, int?, Func{Invoice, Outcome{Invoice}}, CancellationToken)"/>
    public static Task<Outcome<Invoice>> Change(FolioDb db, Guid id, int? expectedVersion, Func<Invoice, Task<Outcome<Invoice>>> change, CancellationToken cancellationToken) =>
        db.InTransaction(async () =>
        {
            var invoice = await LoadLocked(db, id, cancellationToken);
            if (invoice is null)
            {
                return Outcome<Invoice>.NotFound("invoice_not_found");
            }

            if (expectedVersion is { } version && version != invoice.Version)
            {
                return ETags.Stale("invoice", invoice.Version, version);
            }

            return await change(invoice);
        }, cancellationToken);
}
