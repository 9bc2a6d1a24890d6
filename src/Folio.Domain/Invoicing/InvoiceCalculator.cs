using Folio.Domain.Money;

namespace Folio.Domain.Invoicing;

/// <summary>Computed amounts of one line, in minor units.</summary>
public sealed record LineTotals(long Amount, long Discount, long InvoiceDiscount, long Tax, bool TaxInclusive)
{
    /// <summary>What the line charges after every discount; for a tax-inclusive line this already contains its tax.</summary>
    public long Net => Amount - Discount - InvoiceDiscount;

    public long ExclusiveTax => TaxInclusive ? 0 : Tax;

    public long Total => Net + ExclusiveTax;
}

/// <summary>Computed amounts of an invoice, in minor units. Total = Subtotal − Discount + ExclusiveTax, always.</summary>
public sealed record InvoiceTotals(IReadOnlyList<LineTotals> Lines, long Subtotal, long Discount, long InvoiceDiscount, long Tax, long ExclusiveTax, long Total)
{
    public long TotalExcludingTax => Total - Tax;
}

/// <summary>
/// The invoice arithmetic. Each line: amount = quantity × unit amount; its own discount; then its share of the invoice
/// discount, allocated by net amount so that the shares add up exactly; then tax on what is left, per line. An exclusive
/// rate adds tax on top; an inclusive rate extracts the tax the amount already contains. Every rounding is half away from zero.
/// </summary>
public static class InvoiceCalculator
{
    public static InvoiceTotals Calculate(IReadOnlyList<LineItemSpec> lines, InvoiceDiscount discount)
    {
        ArgumentNullException.ThrowIfNull(lines);
        ArgumentNullException.ThrowIfNull(discount);

        var amounts = new long[lines.Count];
        var lineDiscounts = new long[lines.Count];
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            amounts[i] = Rounding.ToMinorUnits(line.Quantity * line.UnitAmount);
            lineDiscounts[i] = line switch
            {
                { DiscountAmount: { } fixedAmount } => Math.Min(fixedAmount, amounts[i]),
                { DiscountPercent: { } percent } => Rounding.Scale(amounts[i], percent, 100m),
                _ => 0,
            };
        }

        var afterLineDiscounts = amounts.Select((amount, i) => amount - lineDiscounts[i]).ToArray();
        var discountable = afterLineDiscounts.Sum();
        var invoiceDiscount = discount switch
        {
            { Amount: { } fixedAmount } => Math.Min(fixedAmount, discountable),
            { Percent: { } percent } => Rounding.Scale(discountable, percent, 100m),
            _ => 0,
        };
        var shares = lines.Count == 0 ? [] : Allocation.Split(invoiceDiscount, afterLineDiscounts);

        var totals = new LineTotals[lines.Count];
        for (var i = 0; i < lines.Count; i++)
        {
            var net = afterLineDiscounts[i] - shares[i];
            var rate = lines[i].TaxRate;
            var tax = lines[i].TaxInclusive ? Rounding.Scale(net, rate, 100m + rate) : Rounding.Scale(net, rate, 100m);
            totals[i] = new LineTotals(amounts[i], lineDiscounts[i], shares[i], tax, lines[i].TaxInclusive);
        }

        var subtotal = totals.Sum(t => t.Amount);
        var totalDiscount = totals.Sum(t => t.Discount + t.InvoiceDiscount);
        var exclusiveTax = totals.Sum(t => t.ExclusiveTax);
        return new InvoiceTotals(
            totals,
            subtotal,
            totalDiscount,
            invoiceDiscount,
            totals.Sum(t => t.Tax),
            exclusiveTax,
            checked(subtotal - totalDiscount + exclusiveTax));
    }
}
