using Folio.Api;
using Folio.Data;
using Folio.Domain.Credits;
using Folio.Domain.Invoicing;
using Folio.Invoices.Issuing;
using Microsoft.Extensions.Options;

namespace Folio.Invoices;

/// <summary>Moving an invoice through its states: finalize, send, void, mark uncollectible, mute.</summary>
public static class InvoiceLifecycle
{
    /// <summary>
    /// Issues a draft (<see cref="InvoiceIssuing"/>): its number, dates, exchange rate, bill-to contact and the customer's
    /// credit balance, all in one transaction.
    /// </summary>
    public static Task<Outcome<Invoice>> Finalize(FolioDb db, TimeProvider clock, IOptions<InvoiceOptions> options, Guid id, CancellationToken cancellationToken) =>
        db.InTransaction(async () =>
        {
            var invoice = await InvoiceChanges.LoadLocked(db, id, cancellationToken);
            if (invoice is null)
            {
                return Outcome<Invoice>.NotFound("invoice_not_found");
            }

            if (invoice.CanFinalize() is { } refused)
            {
                return refused;
            }

            var issued = await InvoiceIssuing.Issue(db, clock, options.Value, [DraftToIssue.Stored(invoice)], clock.GetUtcNow(), finalize: true, cancellationToken);
            return issued.Refused is [var draft] ? draft.Violation : invoice;
        }, cancellationToken);

    /// <summary>Voids an invoice and gives back to the customer's balance any credit it had used.</summary>
    public static Task<Outcome<Invoice>> Void(FolioDb db, TimeProvider clock, Guid id, CancellationToken cancellationToken) =>
        InvoiceChanges.Change(db, id, null, invoice =>
        {
            var now = clock.GetUtcNow();
            if (invoice.Void(now) is { } violation)
            {
                return violation;
            }

            if (invoice.CreditApplied > 0)
            {
                db.CreditTransactions.Add(new CreditTransaction(
                    clock.NewId(), invoice.CustomerId, invoice.Currency, invoice.CreditApplied, CreditTransactionType.InvoiceVoided,
                    $"Returned from voided invoice {invoice.Number}", now, invoice.Id));
            }

            return invoice;
        }, cancellationToken);

    public static Task<Outcome<Invoice>> MarkUncollectible(FolioDb db, TimeProvider clock, Guid id, CancellationToken cancellationToken) =>
        InvoiceChanges.Change(db, id, null, invoice => invoice.MarkUncollectible(clock.GetUtcNow()) is { } violation ? violation : invoice, cancellationToken);

    public static Task<Outcome<Invoice>> Send(FolioDb db, TimeProvider clock, Guid id, CancellationToken cancellationToken) =>
        InvoiceChanges.Change(db, id, null, invoice => invoice.Send(clock.GetUtcNow()) is { } violation ? violation : invoice, cancellationToken);

    public static Task<Outcome<Invoice>> SetMuted(FolioDb db, TimeProvider clock, Guid id, bool muted, CancellationToken cancellationToken) =>
        InvoiceChanges.Change(db, id, null, invoice =>
        {
            invoice.SetMuted(muted, clock.GetUtcNow());
            return invoice;
        }, cancellationToken);
}
