namespace Folio.Domain.Credits;

public enum CreditTransactionType
{
    /// <summary>Credit given to the customer by the seller.</summary>
    Grant,

    /// <summary>A manual correction, up or down.</summary>
    Adjustment,

    /// <summary>Credit used to settle part of an invoice at finalization (negative).</summary>
    InvoiceApplication,

    /// <summary>Credit returned when an invoice it was applied to is voided.</summary>
    InvoiceVoided,

    /// <summary>The part of a payment above what the invoice owed.</summary>
    Overpayment,
}
