using Folio.Domain.Invoicing;

namespace Folio.Invoices;

/// <summary>
/// One line as sent by a client. Amounts are integers in minor units; quantity and rates carry up to 4 decimals. A line
/// either is written by hand (description and unit_amount, with tax_rate and tax_inclusive) or names a catalog price
/// (price_id, with quantity): the price then sets unit_amount, tax_rate and tax_inclusive, which the line may not give,
/// and the description, which the line may override. Discounts, periods and product_ref work the same on both.
/// </summary>
public sealed record InvoiceItemRequest(
    string? Description = null,
    long? UnitAmount = null,
    decimal? Quantity = null,
    long? DiscountAmount = null,
    decimal? DiscountPercent = null,
    decimal? TaxRate = null,
    bool? TaxInclusive = null,
    DateTimeOffset? PeriodStart = null,
    DateTimeOffset? PeriodEnd = null,
    string? ProductRef = null,
    Guid? PriceId = null)
{
    /// <summary>The line as asked; for a line from a price, without the money terms the price will set.</summary>
    public LineItemSpec ToSpec() =>
        new(Description ?? string.Empty, Quantity ?? 1, UnitAmount ?? 0, DiscountAmount, DiscountPercent, TaxRate ?? 0, TaxInclusive ?? false, PeriodStart, PeriodEnd, ProductRef);
}

/// <summary>A new draft. Give due_at or days_until_due (default: the seller's setting, counted from finalization).</summary>
public sealed record CreateInvoiceRequest(
    Guid CustomerId,
    string Currency,
    string? Reference = null,
    string? Description = null,
    DateTimeOffset? DueAt = null,
    int? DaysUntilDue = null,
    DateTimeOffset? PeriodStart = null,
    DateTimeOffset? PeriodEnd = null,
    long? DiscountAmount = null,
    decimal? DiscountPercent = null,
    bool? Muted = null,
    IReadOnlyList<InvoiceItemRequest>? Items = null)
{
    public InvoiceDraft ToDraft() =>
        new(Blank(Reference), Blank(Description), DueAt, DaysUntilDue, PeriodStart, PeriodEnd, new InvoiceDiscount(DiscountAmount, DiscountPercent));

    internal static string? Blank(string? value) => string.IsNullOrEmpty(value) ? null : value;
}

/// <summary>
/// A partial update of a draft: a field left out keeps its value, "" clears a text field. due_at and days_until_due replace
/// each other, as do discount_amount and discount_percent. items, when given, replaces every line.
/// </summary>
public sealed record UpdateInvoiceRequest(
    string? Reference = null,
    string? Description = null,
    DateTimeOffset? DueAt = null,
    int? DaysUntilDue = null,
    DateTimeOffset? PeriodStart = null,
    DateTimeOffset? PeriodEnd = null,
    long? DiscountAmount = null,
    decimal? DiscountPercent = null,
    IReadOnlyList<InvoiceItemRequest>? Items = null)
{
    public InvoiceDraft MergeInto(InvoiceDraft current)
    {
        ArgumentNullException.ThrowIfNull(current);
        var dueChanged = DueAt is not null || DaysUntilDue is not null;
        var discountChanged = DiscountAmount is not null || DiscountPercent is not null;
        return new InvoiceDraft(
            Reference is null ? current.Reference : CreateInvoiceRequest.Blank(Reference),
            Description is null ? current.Description : CreateInvoiceRequest.Blank(Description),
            dueChanged ? DueAt : current.DueAt,
            dueChanged ? DaysUntilDue : current.DaysUntilDue,
            PeriodStart ?? current.PeriodStart,
            PeriodEnd ?? current.PeriodEnd,
            discountChanged ? new InvoiceDiscount(DiscountAmount, DiscountPercent) : current.Discount);
    }
}
