using Folio.Api;
using Folio.Credits;
using Folio.Data;
using Folio.Domain.Credits;
using Folio.Domain.Customers;
using Folio.Domain.Invoicing;
using Folio.ExchangeRates;
using Microsoft.Extensions.Options;

namespace Folio.Invoices;

/// <summary>Moving an invoice through its states: finalize, send, void, mark uncollectible, mute.</summary>
public static class InvoiceLifecycle
{
    /// <summary>
    /// Issues a draft: takes the next number, fixes the dates, and applies the customer's credit balance in the invoice's
    /// currency, all in one transaction.
    /// </summary>
    public static Task<Outcome<Invoice>> Finalize(FolioDb db, TimeProvider clock, IOptions<InvoiceOptions> options, Guid id, CancellationToken cancellationToken) =>
        db.InTransaction(async () =>
        {
            var invoice = await InvoiceDrafts.LoadLocked(db, id, cancellationToken);
            if (invoice is null)
            {
                return Outcome<Invoice>.NotFound("invoice_not_found");
            }

            if (invoice.CanFinalize() is { } refused)
            {
                return refused;
            }

            return await Issue(db, clock, options.Value, invoice, cancellationToken);
        }, cancellationToken);

    /// <summary>
    /// What finalizing does to a draft loaded (and locked, or new) in the caller's transaction: number, dates, exchange
    /// rate, bill-to snapshot and credit balance. The finalize endpoint and the bill run both issue invoices through here.
    /// <paramref name="lockedCustomer"/> is the invoice's customer when the caller has already read and locked it
    /// (<see cref="RowLocks.LockedCustomer"/>); otherwise it is read and locked here.
    /// </summary>
    internal static async Task<Outcome<Invoice>> Issue(
        FolioDb db, TimeProvider clock, InvoiceOptions options, Invoice invoice, CancellationToken cancellationToken, Customer? lockedCustomer = null)
    {
        var now = clock.GetUtcNow();
        var rate = await ExchangeRateOperations.InForce(db, invoice.Currency, cancellationToken);
        var customer = lockedCustomer ?? await db.LockedCustomer(invoice.CustomerId, cancellationToken)
            ?? throw new InvalidOperationException($"Invoice {invoice.Id} names customer {invoice.CustomerId}, which is not in the books.");
        var balance = await CreditLedger.Balance(db, invoice.CustomerId, invoice.Currency, cancellationToken);
        var number = await InvoiceNumbering.Next(db, options, now, cancellationToken);
        if (invoice.FinalizeInvoice(number, now, balance, options.DefaultDaysUntilDue, BillingContact.Of(customer), rate) is { } violation)
        {
            return violation;
        }

        if (invoice.CreditApplied > 0)
        {
            db.CreditTransactions.Add(new CreditTransaction(
                clock.NewId(), invoice.CustomerId, invoice.Currency, -invoice.CreditApplied, CreditTransactionType.InvoiceApplication,
                $"Applied to invoice {invoice.Number}", now, invoice.Id));
        }

        return invoice;
    }

    /// <summary>Voids an invoice and gives back to the customer's balance any credit it had used.</summary>
    public static Task<Outcome<Invoice>> Void(FolioDb db, TimeProvider clock, Guid id, CancellationToken cancellationToken) =>
        InvoiceDrafts.Change(db, id, null, invoice =>
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
        InvoiceDrafts.Change(db, id, null, invoice => invoice.MarkUncollectible(clock.GetUtcNow()) is { } violation ? violation : invoice, cancellationToken);

    public static Task<Outcome<Invoice>> Send(FolioDb db, TimeProvider clock, Guid id, CancellationToken cancellationToken) =>
        InvoiceDrafts.Change(db, id, null, invoice => invoice.Send(clock.GetUtcNow()) is { } violation ? violation : invoice, cancellationToken);

    public static Task<Outcome<Invoice>> SetMuted(FolioDb db, TimeProvider clock, Guid id, bool muted, CancellationToken cancellationToken) =>
        InvoiceDrafts.Change(db, id, null, invoice =>
        {
            invoice.SetMuted(muted, clock.GetUtcNow());
            return invoice;
        }, cancellationToken);
}
