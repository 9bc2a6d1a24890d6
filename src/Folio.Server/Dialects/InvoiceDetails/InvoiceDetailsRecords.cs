using System.Text.Json.Serialization;
using Folio.Domain.Invoicing;
using Folio.Subscriptions;

namespace Folio.Dialects.InvoiceDetails;

/// <summary>
/// An invoice in this dialect, or a subscription's renewal estimate (no id, no number): amounts are integers in minor
/// units. bill_at is when the invoice is or was to be issued: for a subscription's invoice, the start of the period it
/// bills; for an invoice made by hand, its issue date.
/// </summary>
public sealed record InvoiceDetailsResponse(
    [property: JsonPropertyName("invoice_id")] Guid? InvoiceId,
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
    /// <param name="periodStart">For an invoice a subscription produced, the start of the period it bills.</param>
    public static InvoiceDetailsResponse From(Invoice invoice, DateTimeOffset? periodStart)
    {
        ArgumentNullException.ThrowIfNull(invoice);
        return new InvoiceDetailsResponse(
            invoice.Id,
            invoice.SubscriptionId,
            invoice.CustomerId,
            invoice.Number,
            invoice.DueAt,
            // An invoice made by hand was billed when it was issued; such a draft is not scheduled, so it has no billing date.
            periodStart ?? invoice.IssuedAt,
            invoice.IssuedAt,
            StatusName(invoice),
            invoice.PaidAt,
            invoice.Total,
            invoice.AmountRemaining,
            invoice.Currency,
            false);
    }

    /// <summary>The renewal estimate: the invoice the bill run will issue at bill_at, not yet a draft in the books.</summary>
    public static InvoiceDetailsResponse From(UpcomingInvoice upcoming)
    {
        ArgumentNullException.ThrowIfNull(upcoming);
        var invoice = upcoming.Invoice;
        return new InvoiceDetailsResponse(
            null,
            upcoming.Subscription.Id,
            invoice.CustomerId,
            null,
            invoice.DueAt,
            upcoming.BillAt,
            null,
            "DRAFT",
            null,
            invoice.Total,
            invoice.AmountRemaining,
            invoice.Currency,
            true);
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

/// <summary>
/// A subscription's invoices, oldest period first, then its renewal estimate; count counts them all, and next and
/// previous are absolute URLs of the neighbouring slices (null at either end).
/// </summary>
public sealed record InvoiceDetailsList(
    [property: JsonPropertyName("count")] int Count,
    [property: JsonPropertyName("next")] string? Next,
    [property: JsonPropertyName("previous")] string? Previous,
    [property: JsonPropertyName("results")] IReadOnlyList<InvoiceDetailsResponse> Results);
