using System.Linq.Expressions;
using System.Text.Json.Serialization;
using Folio.Domain.Invoicing;

namespace Folio.Dialects.ConsoleApi;

/// <summary>An invoice as the console API shows it, with its organization nested in every row.</summary>
public sealed record ConsoleInvoice(
    [property: JsonPropertyName("idOrganization")] Guid? IdOrganization,
    [property: JsonPropertyName("id")] Guid Id,
    [property: JsonPropertyName("invoiceNumber")] string? InvoiceNumber,
    [property: JsonPropertyName("created")] DateTimeOffset Created,
    [property: JsonPropertyName("paidDate")] DateTimeOffset? PaidDate,
    [property: JsonPropertyName("dueDate")] DateTimeOffset? DueDate,
    [property: JsonPropertyName("paid")] bool Paid,
    [property: JsonPropertyName("voided")] bool Voided,
    [property: JsonPropertyName("uncollectible")] bool Uncollectible,
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("amountUsdCents")] long? AmountUsdCents,
    [property: JsonPropertyName("currency")] string Currency,
    [property: JsonPropertyName("organization")] ConsoleOrganization Organization)
{
    /// <summary>Reads an invoice straight into this shape (only the columns it shows), with its organization's account.</summary>
    public static Expression<Func<Invoice, ConsoleInvoice>> Projection(ConsoleOrganization organization) => invoice => new ConsoleInvoice(
        invoice.OrganizationId,
        invoice.Id,
        invoice.Number,
        invoice.CreatedAt,
        invoice.PaidAt,
        invoice.DueAt,
        invoice.Status == InvoiceStatus.Paid,
        invoice.Status == InvoiceStatus.Void,
        invoice.Status == InvoiceStatus.Uncollectible,
        StatusName(invoice.Status),
        Invoice.ToUsdCents(invoice.Total, invoice.Currency, invoice.UsdPerUnit),
        invoice.Currency,
        organization);

    private static string StatusName(InvoiceStatus status) => status switch
    {
        InvoiceStatus.Draft => "draft",
        InvoiceStatus.Open => "open",
        InvoiceStatus.Paid => "paid",
        InvoiceStatus.Void => "void",
        InvoiceStatus.Uncollectible => "uncollectible",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };
}
