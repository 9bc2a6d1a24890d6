using Folio.Api;
using Folio.Credits;
using Folio.Data;
using Folio.Domain;
using Folio.Domain.Credits;
using Folio.Domain.Invoicing;
using Folio.Domain.Payments;
using Folio.Invoices;

namespace Folio.Payments;

public static class RecordPayment
{
    /// <summary>Records a payment and settles the invoice in one transaction; the invoice is paid when nothing remains.</summary>
    public static async Task<Outcome<(Payment Payment, Invoice Invoice)>> Run(FolioDb db, TimeProvider clock, Guid invoiceId, PayInvoiceRequest request, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var method = request.Method ?? "other";
        var violations = Payment.ValidateDetails(method, request.Reference).ToList();
        if (request.ReceivedAt > now)
        {
            violations.Add(RuleViolation.Invalid("received_at", "invalid_received_at", "received_at cannot be in the future."));
        }

        if (violations.Count > 0)
        {
            return Outcome<(Payment, Invoice)>.Rejected(violations);
        }

        Payment? payment = null;
        var outcome = await InvoiceChanges.Change(db, invoiceId, null, async invoice =>
        {
            var (application, violation) = invoice.RecordPayment(request.Amount, request.CreditExcess ?? false, now);
            if (violation is not null)
            {
                return violation;
            }

            if (application!.Excess > 0)
            {
                await db.LockCustomer(invoice.CustomerId, cancellationToken);
            }

            if (application.Excess > 0 && await CreditLedger.Balance(db, invoice.CustomerId, invoice.Currency, cancellationToken) > long.MaxValue - application.Excess)
            {
                return RuleViolation.Unprocessable("balance_overflow", "Crediting this excess would take the customer's balance beyond what can be represented.", "amount");
            }

            payment = new Payment(clock.NewId(), invoice.Id, invoice.CustomerId, invoice.Currency, request.Amount, application.Excess, method, request.Reference, request.ReceivedAt ?? now, now);
            db.Payments.Add(payment);
            if (application.Excess > 0)
            {
                db.CreditTransactions.Add(new CreditTransaction(
                    clock.NewId(), invoice.CustomerId, invoice.Currency, application.Excess, CreditTransactionType.Overpayment,
                    $"Overpayment of invoice {invoice.Number}", now, invoice.Id, payment.Id));
            }

            return invoice;
        }, cancellationToken);
        return outcome.Map(invoice => (payment!, invoice));
    }
}
