using Folio.Api;
using Folio.Data;
using Folio.Domain;
using Folio.Domain.Customers;
using Folio.Domain.Invoicing;
using Folio.Domain.Money;
using Microsoft.EntityFrameworkCore;

namespace Folio.Invoices;

/// <summary>Creating and editing drafts. Only a draft can change; once finalized an invoice is a record.</summary>
public static class InvoiceDrafts
{
    public static Task<Outcome<Invoice>> Create(FolioDb db, TimeProvider clock, CreateInvoiceRequest request, CancellationToken cancellationToken) =>
        db.InTransaction(async () =>
        {
            if (!Currency.TryGet(request.Currency, out var currency))
            {
                return RuleViolation.Invalid("currency", "invalid_currency", "currency is an active ISO 4217 code in capitals, such as USD, EUR or JPY.");
            }

            await db.KeepCustomer(request.CustomerId, cancellationToken);
            var customer = await db.Customers.FirstOrDefaultAsync(c => c.Id == request.CustomerId, cancellationToken);
            if (customer is null)
            {
                return RuleViolation.Unprocessable("customer_not_found", "No customer has that id.", "customer_id");
            }

            if (customer.IsArchived)
            {
                return RuleViolation.Unprocessable("customer_archived", "The customer is archived and cannot be invoiced.", "customer_id");
            }

            var organizationId = customer.Kind == CustomerKind.Organization ? customer.Id : customer.OrganizationId;
            var (items, refused) = await InvoiceLines.Resolve(db, InvoiceLines.Of(request.Items ?? []), currency.Code, null, cancellationToken);
            if (refused.Count > 0)
            {
                return Outcome<Invoice>.Rejected([.. refused, .. request.ToDraft().Validate()]);
            }

            var (invoice, violations) = Invoice.CreateDraft(clock.NewId(), customer.Id, organizationId, currency, request.ToDraft(), items, clock.GetUtcNow(), clock.NewId);
            if (invoice is null)
            {
                return Outcome<Invoice>.Rejected(violations);
            }

            invoice.SetMuted(request.Muted ?? false, clock.GetUtcNow());
            db.Invoices.Add(invoice);
            return invoice;
        }, cancellationToken);

    public static Task<Outcome<Invoice>> Update(FolioDb db, TimeProvider clock, Guid id, UpdateInvoiceRequest request, int? expectedVersion, CancellationToken cancellationToken) =>
        Change(db, id, expectedVersion, async invoice =>
        {
            IReadOnlyList<LineItemSpec>? items = null;
            if (request.Items is not null && invoice.Status == InvoiceStatus.Draft)
            {
                // Replacing the lines may keep those the draft had from a price archived since; a new use of it is refused.
                var (resolved, refused) = await InvoiceLines.Resolve(db, InvoiceLines.Of(request.Items), invoice.Currency, PricesOf(invoice), cancellationToken);
                if (refused.Count > 0)
                {
                    return Outcome<Invoice>.Rejected([.. refused, .. request.MergeInto(invoice.Header).Validate()]);
                }

                items = resolved;
            }

            var before = invoice.Items.Select(i => i.Id).ToHashSet();
            var violations = invoice.UpdateDraft(request.MergeInto(invoice.Header), items, clock.GetUtcNow(), clock.NewId);
            if (violations.Count > 0)
            {
                return Outcome<Invoice>.Rejected(violations);
            }

            // Replacement lines carry ids made by the application, so EF cannot tell them from existing rows: say they are new.
            db.InvoiceItems.AddRange(invoice.Items.Where(i => !before.Contains(i.Id)));
            return invoice;
        }, cancellationToken);

    public static Task<Outcome<Invoice>> AddItem(FolioDb db, TimeProvider clock, Guid id, InvoiceItemRequest request, CancellationToken cancellationToken) =>
        Change(db, id, null, async invoice =>
        {
            if (invoice.Status != InvoiceStatus.Draft)
            {
                // The invoice's own refusal (409), whatever the line says.
                return Outcome<Invoice>.Rejected(invoice.AddItem(request.ToSpec(), clock.GetUtcNow(), clock.NewId()).Violations);
            }

            var (lines, refused) = await InvoiceLines.Resolve(db, [new InvoiceLines.Asked(request, "item")], invoice.Currency, null, cancellationToken);
            if (refused.Count > 0)
            {
                return Outcome<Invoice>.Rejected(refused);
            }

            var (item, violations) = invoice.AddItem(lines[0], clock.GetUtcNow(), clock.NewId());
            if (item is null)
            {
                return Outcome<Invoice>.Rejected(violations);
            }

            db.InvoiceItems.Add(item);
            return invoice;
        }, cancellationToken);

    public static Task<Outcome<Invoice>> RemoveItem(FolioDb db, TimeProvider clock, Guid id, Guid itemId, CancellationToken cancellationToken) =>
        Change(db, id, null, invoice => invoice.RemoveItem(itemId, clock.GetUtcNow()) switch
        {
            (false, _) => Outcome<Invoice>.NotFound("invoice_item_not_found"),
            (_, { } violation) => violation,
            _ => invoice,
        }, cancellationToken);

    public static Task<Outcome<Invoice>> Delete(FolioDb db, Guid id, CancellationToken cancellationToken) =>
        Change(db, id, null, invoice =>
        {
            if (invoice.CanDelete() is { } violation)
            {
                return violation;
            }

            db.Invoices.Remove(invoice);
            return invoice;
        }, cancellationToken);

    private static HashSet<Guid> PricesOf(Invoice invoice) => [.. invoice.Items.Select(i => i.PriceId).OfType<Guid>()];

    /// <summary>The invoice with its lines, tracked and locked for the rest of the caller's transaction (see <see cref="RowLocks"/>).</summary>
    internal static async Task<Invoice?> LoadLocked(FolioDb db, Guid id, CancellationToken cancellationToken)
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
    internal static Task<Outcome<Invoice>> Change(FolioDb db, Guid id, int? expectedVersion, Func<Invoice, Outcome<Invoice>> change, CancellationToken cancellationToken) =>
        Change(db, id, expectedVersion, invoice => Task.FromResult(change(invoice)), cancellationToken);

    internal static Task<Outcome<Invoice>> Change(FolioDb db, Guid id, int? expectedVersion, Func<Invoice, Task<Outcome<Invoice>>> change, CancellationToken cancellationToken) =>
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
