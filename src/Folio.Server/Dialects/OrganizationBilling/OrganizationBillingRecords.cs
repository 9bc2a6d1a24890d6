using System.Linq.Expressions;
using System.Text.Json.Serialization;
using Folio.Domain.Invoicing;
using Folio.Domain.Money;

namespace Folio.Dialects.OrganizationBilling;

/// <summary>One page of an organization's invoices, newest first; <c>prev</c> and <c>next</c> are absolute URLs or null.</summary>
public sealed record BillingInvoicePage(
    [property: JsonPropertyName("data")] IReadOnlyList<BillingInvoice> Data,
    [property: JsonPropertyName("prev")] string? Prev,
    [property: JsonPropertyName("next")] string? Next,
    [property: JsonPropertyName("per_page")] int PerPage);

/// <summary>An invoice as this dialect shows it: totals in major units, exact, with the currency that makes them unambiguous.</summary>
public sealed record BillingInvoice(
    [property: JsonPropertyName("id")] Guid Id,
    [property: JsonPropertyName("number")] string? Number,
    [property: JsonPropertyName("reference")] string? Reference,
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("total_excl_vat")] decimal TotalExclVat,
    [property: JsonPropertyName("total_incl_vat")] decimal TotalInclVat,
    [property: JsonPropertyName("currency")] string Currency,
    [property: JsonPropertyName("due_at")] DateTimeOffset? DueAt,
    [property: JsonPropertyName("sent_at")] DateTimeOffset? SentAt,
    [property: JsonPropertyName("created_at")] DateTimeOffset CreatedAt,
    [property: JsonPropertyName("updated_at")] DateTimeOffset UpdatedAt)
{
    /// <summary>Reads an invoice straight into this shape: only the columns it shows.</summary>
    public static readonly Expression<Func<Invoice, BillingInvoice>> Projection = invoice => new BillingInvoice(
        invoice.Id,
        invoice.Number,
        invoice.Reference,
        StatusName(invoice.Status),
        Major(invoice.Total - invoice.Tax, invoice.Currency),
        Major(invoice.Total, invoice.Currency),
        invoice.Currency,
        invoice.DueAt,
        invoice.Muted ? null : invoice.SentAt,
        invoice.CreatedAt,
        invoice.UpdatedAt);

    private static decimal Major(long minorUnits, string currency) => Money.ToMajor(minorUnits, Domain.Money.Currency.Get(currency));

    // Spelled out so that renaming a member of the enum can never change the wire.
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
