using System.Text.Json.Serialization;
using Folio.Domain.Invoicing;

namespace Folio.Dialects.InvoiceDetails;

/// <summary>
/// An invoice in this dialect: amounts are integers in minor units. Folio has no subscriptions yet, so an invoice never
/// belongs to one and is never a renewal estimate.
/// </summary>
public sealed record InvoiceDetailsResponse(
    [property: JsonPropertyName("invoice_id")] Guid InvoiceId,
    [property: JsonPropertyName("subscription_id")] Guid? SubscriptionId,
    [property: JsonPropertyName("customer_id")] Guid CustomerId,
    [property: JsonPropertyName("invoice_number")] string? InvoiceNumber,
    [property: JsonPropertyName("due_at")] DateTimeOffset? DueAt,
    [property: JsonPropertyName("bill_at")] DateTimeOffset? BillAt,
    [property: JsonPropertyName("issued_at")] DateTimeOffset? IssuedAt,
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("fully_paid_at")] DateTimeOffset? FullyPaidAt,
    [property: JsonPropertyName("grand_total")] long GrandTotal,
    [property: JsonPropertyName("remaining_amount")] long RemainingAmount,
    [property: JsonPropertyName("currency")] string Currency,
    [property: JsonPropertyName("is_renewal_estimate")] bool IsRenewalEstimate)
{
    public static InvoiceDetailsResponse From(Invoice invoice)
    {
        ArgumentNullException.ThrowIfNull(invoice);
        return new InvoiceDetailsResponse(
            invoice.Id,
            null,
            invoice.CustomerId,
            invoice.Number,
            invoice.DueAt,
            // An issued invoice was billed when it was issued; a draft is not scheduled, so it has no billing date.
            invoice.IssuedAt,
            invoice.IssuedAt,
            StatusName(invoice),
            invoice.PaidAt,
            invoice.Total,
            invoice.AmountRemaining,
            invoice.Currency,
            false);
    }

    /// <summary>Muting outranks every state but the final ones: a muted invoice is never sent, whatever else it is.</summary>
    public static string StatusName(Invoice invoice)
    {
        ArgumentNullException.ThrowIfNull(invoice);
        return invoice.Status switch
        {
            InvoiceStatus.Paid => "PAID",
            InvoiceStatus.Void => "VOID",
            _ when invoice.Muted => "MUTED",
            InvoiceStatus.Draft => "DRAFT",
            InvoiceStatus.Open => "PENDING",
            InvoiceStatus.Uncollectible => "UNCOLLECTIBLE",
            _ => throw new ArgumentOutOfRangeException(nameof(invoice), invoice.Status, null),
        };
    }
}
