using Folio.Domain.Payments;
using Folio.Invoices;

namespace Folio.Payments;

/// <summary>
/// Money received against an invoice. A payment above the remaining amount is refused (422) unless credit_excess is true,
/// in which case the excess goes to the customer's credit balance in the invoice's currency.
/// </summary>
public sealed record PayInvoiceRequest(
    long Amount,
    string? Method = null,
    string? Reference = null,
    DateTimeOffset? ReceivedAt = null,
    bool? CreditExcess = null);

public sealed record PaymentResponse(
    Guid Id,
    Guid InvoiceId,
    Guid CustomerId,
    string Currency,
    long Amount,
    long AppliedToInvoice,
    long CreditedToBalance,
    string Method,
    string? Reference,
    DateTimeOffset ReceivedAt,
    DateTimeOffset CreatedAt)
{
    public static PaymentResponse From(Payment payment)
    {
        ArgumentNullException.ThrowIfNull(payment);
        return new PaymentResponse(payment.Id, payment.InvoiceId, payment.CustomerId, payment.Currency, payment.Amount, payment.AppliedToInvoice,
            payment.CreditedToBalance, payment.Method, payment.Reference, payment.ReceivedAt, payment.CreatedAt);
    }
}

/// <summary>What recording a payment returns: the payment and the invoice as it now stands.</summary>
public sealed record PaymentReceipt(PaymentResponse Payment, InvoiceResponse Invoice);
