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

            if (customer.RefusesNewInvoices() is { } archived)
            {
                return archived;
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
        InvoiceChanges.Change(db, id, expectedVersion, async invoice =>
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
        InvoiceChanges.Change(db, id, null, async invoice =>
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
        InvoiceChanges.Change(db, id, null, invoice => invoice.RemoveItem(itemId, clock.GetUtcNow()) switch
        {
            (false, _) => Outcome<Invoice>.NotFound("invoice_item_not_found"),
            (_, { } violation) => violation,
            _ => invoice,
        }, cancellationToken);

    public static Task<Outcome<Invoice>> Delete(FolioDb db, Guid id, CancellationToken cancellationToken) =>
        InvoiceChanges.Change(db, id, null, invoice =>
        {
            if (invoice.CanDelete() is { } violation)
            {
                return violation;
            }

            db.Invoices.Remove(invoice);
            return invoice;
        }, cancellationToken);

    private static HashSet<Guid> PricesOf(Invoice invoice) => [.. invoice.Items.Select(i => i.PriceId).OfType<Guid>()];
}
