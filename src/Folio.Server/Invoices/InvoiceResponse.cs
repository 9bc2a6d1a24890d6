using System.Linq.Expressions;
using Folio.Customers;
using Folio.Domain.Invoicing;
using Microsoft.EntityFrameworkCore;

namespace Folio.Invoices;

/// <summary>
/// An invoice on the native API. Every amount is an integer in the currency's minor units. subscription_id and
/// subscription_period name the subscription period a bill run issued it for (null for an invoice made by hand).
/// </summary>
public sealed record InvoiceResponse(
    Guid Id,
    Guid CustomerId,
    Guid? OrganizationId,
    string Currency,
    InvoiceStatus Status,
    bool Muted,
    string? Number,
    string? Reference,
    string? Description,
    long Subtotal,
    long Discount,
    long Tax,
    long Total,
    long TotalExcludingTax,
    long AmountPaid,
    long CreditApplied,
    long AmountRemaining,
    long? StartingBalance,
    long? EndingBalance,
    long? DiscountAmount,
    decimal? DiscountPercent,
    bool PastDue,
    int DaysOverdue,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? IssuedAt,
    DateTimeOffset? DueAt,
    int? DaysUntilDue,
    DateTimeOffset? SentAt,
    DateTimeOffset? PaidAt,
    DateTimeOffset? VoidedAt,
    DateTimeOffset? MarkedUncollectibleAt,
    DateTimeOffset? PeriodStart,
    DateTimeOffset? PeriodEnd,
    BillToResponse? BillTo,
    decimal? UsdPerUnit,
    long? TotalUsdCents,
    int Version,
    IReadOnlyList<InvoiceItemResponse> Items,
    Guid? SubscriptionId,
    int? SubscriptionPeriod)
{
    public static InvoiceResponse From(Invoice invoice, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(invoice);
        return new InvoiceResponse(
            invoice.Id,
            invoice.CustomerId,
            invoice.OrganizationId,
            invoice.Currency,
            invoice.Status,
            invoice.Muted,
            invoice.Number,
            invoice.Reference,
            invoice.Description,
            invoice.Subtotal,
            invoice.Discount,
            invoice.Tax,
            invoice.Total,
            invoice.TotalExcludingTax,
            invoice.AmountPaid,
            invoice.CreditApplied,
            invoice.AmountRemaining,
            invoice.StartingBalance,
            invoice.EndingBalance,
            invoice.DiscountAmount,
            Decimals.Trim(invoice.DiscountPercent),
            invoice.IsPastDue(now),
            invoice.DaysOverdue(now),
            invoice.CreatedAt,
            invoice.UpdatedAt,
            invoice.IssuedAt,
            invoice.DueAt,
            invoice.DaysUntilDue,
            invoice.SentAt,
            invoice.PaidAt,
            invoice.VoidedAt,
            invoice.MarkedUncollectibleAt,
            invoice.PeriodStart,
            invoice.PeriodEnd,
            invoice.IssuedAt is null ? null : BillToResponse.From(invoice.BillTo),
            Decimals.Trim(invoice.UsdPerUnit),
            invoice.ToUsdCents(invoice.Total),
            invoice.Version,
            [.. invoice.Items.OrderBy(i => i.Position).Select(InvoiceItemResponse.From)],
            invoice.SubscriptionId,
            invoice.SubscriptionPeriod);
    }

    /// <summary>
    /// Reads invoices straight into their responses, as <see cref="From"/> makes them: only the columns the response
    /// shows, nothing tracked, and the items in a second statement over the same invoices, so that no invoice row is
    /// repeated per item. Both statements are the same whatever the clock: what depends on it (past due) is set afterwards.
    /// </summary>
    public static async Task<List<InvoiceResponse>> Read(IQueryable<Invoice> invoices, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var page = await invoices.Select(Projection).ToListAsync(cancellationToken);
        if (page.Count == 0)
        {
            return page;
        }

        var lines = await invoices.SelectMany(i => i.Items).OrderBy(t => t.InvoiceId).ThenBy(t => t.Position).Select(LineProjection).ToListAsync(cancellationToken);
        var at = new Dictionary<Guid, int>(page.Count);
        for (var n = 0; n < page.Count; n++)
        {
            var invoice = page[n];
            at[invoice.Id] = n;
            if (Invoice.IsPastDue(invoice.Status, invoice.DueAt, invoice.AmountRemaining, now))
            {
                page[n] = invoice with { PastDue = true, DaysOverdue = Invoice.DaysOverdue(invoice.Status, invoice.DueAt, invoice.AmountRemaining, now) };
            }
        }

        foreach (var line in lines)
        {
            ((List<InvoiceItemResponse>)page[at[line.InvoiceId]].Items).Add(line.Item);
        }

        return page;
    }

    private static readonly Expression<Func<Invoice, InvoiceResponse>> Projection = i => new InvoiceResponse(
        i.Id,
        i.CustomerId,
        i.OrganizationId,
        i.Currency,
        i.Status,
        i.Muted,
        i.Number,
        i.Reference,
        i.Description,
        i.Subtotal,
        i.Discount,
        i.Tax,
        i.Total,
        i.Total - i.Tax,
        i.AmountPaid,
        i.CreditApplied,
        i.AmountRemaining,
        i.StartingBalance,
        i.EndingBalance,
        i.DiscountAmount,
        Decimals.Trim(i.DiscountPercent),
        false,
        0,
        i.CreatedAt,
        i.UpdatedAt,
        i.IssuedAt,
        i.DueAt,
        i.DaysUntilDue,
        i.SentAt,
        i.PaidAt,
        i.VoidedAt,
        i.MarkedUncollectibleAt,
        i.PeriodStart,
        i.PeriodEnd,
        i.IssuedAt == null ? null : new BillToResponse(
            i.BillTo.Name,
            i.BillTo.Company,
            i.BillTo.Email,
            i.BillTo.Phone,
            new AddressResponse(
                i.BillTo.Address.Line1, i.BillTo.Address.Line2, i.BillTo.Address.City, i.BillTo.Address.Region, i.BillTo.Address.PostalCode, i.BillTo.Address.Country)),
        Decimals.Trim(i.UsdPerUnit),
        Invoice.ToUsdCents(i.Total, i.Currency, i.UsdPerUnit),
        i.Version,
        new List<InvoiceItemResponse>(),
        i.SubscriptionId,
        i.SubscriptionPeriod);

    private static readonly Expression<Func<InvoiceItem, InvoiceLine>> LineProjection = t => new InvoiceLine(t.InvoiceId, new InvoiceItemResponse(
        t.Id,
        t.Description,
        Decimals.Trim(t.Quantity),
        t.UnitAmount,
        t.Amount,
        t.DiscountAmount,
        Decimals.Trim(t.DiscountPercent),
        t.Discount,
        t.InvoiceDiscount,
        Decimals.Trim(t.TaxRate),
        t.TaxInclusive,
        t.Tax,
        t.Total,
        t.PeriodStart,
        t.PeriodEnd,
        t.ProductRef,
        t.PriceId));

    private sealed record InvoiceLine(Guid InvoiceId, InvoiceItemResponse Item);
}

/// <summary>Who a finalized invoice was issued to, copied from the customer at finalization.</summary>
public sealed record BillToResponse(string? Name, string? Company, string? Email, string? Phone, AddressResponse Address)
{
    public static BillToResponse From(BillingContact contact)
    {
        ArgumentNullException.ThrowIfNull(contact);
        var a = contact.Address;
        return new(contact.Name, contact.Company, contact.Email, contact.Phone, new AddressResponse(a.Line1, a.Line2, a.City, a.Region, a.PostalCode, a.Country));
    }
}

/// <summary>
/// A line: amount = quantity × unit_amount; discount is the line's own; invoice_discount its share of the invoice's;
/// tax is included in amount when tax_inclusive; total is what the line adds to the invoice total. price_id names the
/// catalog price the line was made from (null for a line written by hand).
/// </summary>
public sealed record InvoiceItemResponse(
    Guid Id,
    string Description,
    decimal Quantity,
    long UnitAmount,
    long Amount,
    long? DiscountAmount,
    decimal? DiscountPercent,
    long Discount,
    long InvoiceDiscount,
    decimal TaxRate,
    bool TaxInclusive,
    long Tax,
    long Total,
    DateTimeOffset? PeriodStart,
    DateTimeOffset? PeriodEnd,
    string? ProductRef,
    Guid? PriceId)
{
    public static InvoiceItemResponse From(InvoiceItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return new InvoiceItemResponse(
            item.Id,
            item.Description,
            Decimals.Trim(item.Quantity),
            item.UnitAmount,
            item.Amount,
            item.DiscountAmount,
            Decimals.Trim(item.DiscountPercent),
            item.Discount,
            item.InvoiceDiscount,
            Decimals.Trim(item.TaxRate),
            item.TaxInclusive,
            item.Tax,
            item.Total,
            item.PeriodStart,
            item.PeriodEnd,
            item.ProductRef,
            item.PriceId);
    }
}

internal static class Decimals
{
    /// <summary>Drops trailing zeros a database may add (2.0000 → 2).</summary>
    public static decimal Trim(decimal value) => value / 1.0000000000000000000000000000m;

    public static decimal? Trim(decimal? value) => value is { } v ? Trim(v) : null;
}
