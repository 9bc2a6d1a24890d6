using Folio.Domain.Invoicing;
using Folio.Invoices;

namespace Folio.Subscriptions;

/// <summary>
/// A subscription's next renewal invoice as the bill run will issue it at <c>bill_at</c>: no id and no number, since it
/// does not exist yet; credit_applied, usd_per_unit and bill_to as the customer and the rates stand now.
/// </summary>
public sealed record UpcomingInvoiceResponse(
    Guid SubscriptionId,
    int SubscriptionPeriod,
    Guid CustomerId,
    Guid? OrganizationId,
    string Currency,
    string? Description,
    long Subtotal,
    long Discount,
    long Tax,
    long Total,
    long TotalExcludingTax,
    long CreditApplied,
    long AmountRemaining,
    long? StartingBalance,
    long? EndingBalance,
    DateTimeOffset BillAt,
    DateTimeOffset? DueAt,
    int? DaysUntilDue,
    DateTimeOffset? PeriodStart,
    DateTimeOffset? PeriodEnd,
    BillToResponse? BillTo,
    decimal? UsdPerUnit,
    long? TotalUsdCents,
    IReadOnlyList<UpcomingInvoiceItemResponse> Items)
{
    public static UpcomingInvoiceResponse From(UpcomingInvoice upcoming)
    {
        ArgumentNullException.ThrowIfNull(upcoming);
        var invoice = upcoming.Invoice;
        return new UpcomingInvoiceResponse(
            upcoming.Subscription.Id,
            upcoming.Period,
            invoice.CustomerId,
            invoice.OrganizationId,
            invoice.Currency,
            invoice.Description,
            invoice.Subtotal,
            invoice.Discount,
            invoice.Tax,
            invoice.Total,
            invoice.TotalExcludingTax,
            invoice.CreditApplied,
            invoice.AmountRemaining,
            invoice.StartingBalance,
            invoice.EndingBalance,
            upcoming.BillAt,
            invoice.DueAt,
            invoice.DaysUntilDue,
            invoice.PeriodStart,
            invoice.PeriodEnd,
            invoice.IssuedAt is null ? null : BillToResponse.From(invoice.BillTo),
            Decimals.Trim(invoice.UsdPerUnit),
            invoice.ToUsdCents(invoice.Total),
            [.. invoice.Items.OrderBy(i => i.Position).Select(UpcomingInvoiceItemResponse.From)]);
    }
}

/// <summary>A line of the upcoming invoice: the fields of an invoice line, without the id it does not have yet.</summary>
public sealed record UpcomingInvoiceItemResponse(
    string Description,
    decimal Quantity,
    long UnitAmount,
    long Amount,
    long Discount,
    long InvoiceDiscount,
    decimal TaxRate,
    bool TaxInclusive,
    long Tax,
    long Total,
    DateTimeOffset? PeriodStart,
    DateTimeOffset? PeriodEnd,
    Guid? PriceId)
{
    public static UpcomingInvoiceItemResponse From(InvoiceItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        var line = InvoiceItemResponse.From(item);
        return new UpcomingInvoiceItemResponse(
            line.Description, line.Quantity, line.UnitAmount, line.Amount, line.Discount, line.InvoiceDiscount, line.TaxRate,
            line.TaxInclusive, line.Tax, line.Total, line.PeriodStart, line.PeriodEnd, line.PriceId);
    }
}
