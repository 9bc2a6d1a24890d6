using System.Globalization;
using System.Numerics;
using Folio.Domain.Invoicing;
using Folio.Domain.Money;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Folio.Domain.Tests.Invoicing;

/// <summary>Random invoices in JPY, USD and BHD; every identity the books rely on holds to the minor unit.</summary>
public sealed class InvoiceCalculatorProperties
{
    private const int Runs = 300;

    [Property(MaxTest = Runs, Arbitrary = [typeof(InvoiceArbitraries)])]
    public void Total_is_subtotal_minus_discount_plus_exclusive_tax(InvoiceCase invoice)
    {
        var totals = invoice.Calculate();

        var exclusiveTax = totals.Lines.Where((_, i) => !invoice.Lines[i].TaxInclusive).Sum(l => l.Tax);
        Assert.Equal(exclusiveTax, totals.ExclusiveTax);
        Assert.Equal(totals.Subtotal - totals.Discount + exclusiveTax, totals.Total);
        Assert.Equal(totals.Lines.Sum(l => l.Total), totals.Total);
    }

    [Property(MaxTest = Runs, Arbitrary = [typeof(InvoiceArbitraries)])]
    public void Subtotal_is_the_sum_of_line_amounts(InvoiceCase invoice)
    {
        var totals = invoice.Calculate();

        Assert.Equal(invoice.Lines.Length, totals.Lines.Count);
        Assert.Equal(totals.Lines.Sum(l => l.Amount), totals.Subtotal);
    }

    [Property(MaxTest = Runs, Arbitrary = [typeof(InvoiceArbitraries)])]
    public void Discount_is_the_line_discounts_plus_the_invoice_discount(InvoiceCase invoice)
    {
        var totals = invoice.Calculate();

        Assert.Equal(totals.Lines.Sum(l => l.Discount) + totals.InvoiceDiscount, totals.Discount);
    }

    [Property(MaxTest = Runs, Arbitrary = [typeof(InvoiceArbitraries)])]
    public void Invoice_discount_shares_add_up_to_the_invoice_discount(InvoiceCase invoice)
    {
        var totals = invoice.Calculate();

        Assert.Equal(totals.InvoiceDiscount, totals.Lines.Sum(l => l.InvoiceDiscount));
    }

    [Property(MaxTest = Runs, Arbitrary = [typeof(InvoiceArbitraries)])]
    public void Tax_is_the_sum_of_line_taxes(InvoiceCase invoice)
    {
        var totals = invoice.Calculate();

        Assert.Equal(totals.Lines.Sum(l => l.Tax), totals.Tax);
        Assert.Equal(totals.Total - totals.Tax, totals.TotalExcludingTax);
    }

    [Property(MaxTest = Runs, Arbitrary = [typeof(InvoiceArbitraries)])]
    public void Each_line_total_is_its_net_plus_exclusive_tax(InvoiceCase invoice)
    {
        var totals = invoice.Calculate();

        for (var i = 0; i < totals.Lines.Count; i++)
        {
            var line = totals.Lines[i];
            var inclusive = invoice.Lines[i].TaxInclusive;
            Assert.Equal(inclusive, line.TaxInclusive);
            Assert.Equal(line.Amount - line.Discount - line.InvoiceDiscount + (inclusive ? 0 : line.Tax), line.Total);
        }
    }

    [Property(MaxTest = Runs, Arbitrary = [typeof(InvoiceArbitraries)])]
    public void No_line_is_discounted_below_zero(InvoiceCase invoice)
    {
        var totals = invoice.Calculate();

        Assert.All(totals.Lines, line =>
        {
            Assert.InRange(line.Discount, 0, line.Amount);
            Assert.True(line.InvoiceDiscount >= 0, $"Negative invoice discount share {line.InvoiceDiscount}.");
            Assert.True(line.Net >= 0, $"Net {line.Net} = {line.Amount} − {line.Discount} − {line.InvoiceDiscount} is negative.");
            Assert.True(line.Tax >= 0, $"Negative tax {line.Tax}.");
        });
    }

    [Property(MaxTest = Runs, Arbitrary = [typeof(InvoiceArbitraries)])]
    public void Every_figure_matches_exact_arithmetic_rounded_half_away_from_zero(InvoiceCase invoice)
    {
        var totals = invoice.Calculate();

        var afterLineDiscounts = new BigInteger[invoice.Lines.Length];
        for (var i = 0; i < invoice.Lines.Length; i++)
        {
            var spec = invoice.Lines[i];
            var line = totals.Lines[i];
            var amount = Exact.Round(Exact.Of(spec.Quantity) * spec.UnitAmount);
            var discount = spec switch
            {
                { DiscountAmount: { } fixedAmount } => BigInteger.Min(fixedAmount, amount),
                { DiscountPercent: { } percent } => Exact.Round(Exact.Of(percent) * amount / 100),
                _ => BigInteger.Zero,
            };
            Assert.Equal(amount, line.Amount);
            Assert.Equal(discount, line.Discount);
            afterLineDiscounts[i] = amount - discount;

            var net = afterLineDiscounts[i] - line.InvoiceDiscount;
            var rate = Exact.Of(spec.TaxRate);
            var tax = spec.TaxInclusive ? Exact.Round(net * rate / (100 + rate)) : Exact.Round(net * rate / 100);
            Assert.Equal(tax, line.Tax);
        }

        var discountable = afterLineDiscounts.Aggregate(BigInteger.Zero, (sum, a) => sum + a);
        var invoiceDiscount = invoice.Discount switch
        {
            { Amount: { } fixedAmount } => BigInteger.Min(fixedAmount, discountable),
            { Percent: { } percent } => Exact.Round(Exact.Of(percent) * discountable / 100),
            _ => BigInteger.Zero,
        };
        Assert.Equal(invoiceDiscount, totals.InvoiceDiscount);
        for (var i = 0; i < invoice.Lines.Length; i++)
        {
            // Each share is within one minor unit of invoiceDiscount × net ÷ Σ net.
            var share = totals.Lines[i].InvoiceDiscount;
            var distance = discountable.IsZero ? share : BigInteger.Abs((share * discountable) - (invoiceDiscount * afterLineDiscounts[i]));
            Assert.True(discountable.IsZero ? distance == 0 : distance < discountable, $"Line {i} takes {share} of {invoiceDiscount}, not its proportional share.");
        }
    }

    [Property(MaxTest = Runs, Arbitrary = [typeof(InvoiceArbitraries)])]
    public void A_draft_invoice_stores_what_the_calculator_computes(InvoiceCase invoice)
    {
        var totals = invoice.Calculate();
        var header = new InvoiceDraft(null, null, null, null, null, null, invoice.Discount);
        var ids = 0;

        var (draft, violations) = Invoice.CreateDraft(
            Guid.NewGuid(), Guid.NewGuid(), null, invoice.Currency, header, invoice.Lines, new DateTimeOffset(2026, 3, 5, 0, 0, 0, TimeSpan.Zero), () => new Guid(++ids, 0, 0, new byte[8]));

        Assert.Empty(violations);
        Assert.NotNull(draft);
        Assert.Equal(invoice.Currency.Code, draft.Currency);
        Assert.Equal(totals.Subtotal, draft.Subtotal);
        Assert.Equal(totals.Discount, draft.Discount);
        Assert.Equal(totals.InvoiceDiscount, draft.InvoiceDiscount);
        Assert.Equal(totals.Tax, draft.Tax);
        Assert.Equal(totals.Total, draft.Total);
        Assert.Equal(totals.Total, draft.AmountRemaining);
        Assert.Equal(totals.Lines.Select(l => (l.Amount, l.Discount, l.InvoiceDiscount, l.Tax, l.Total)), draft.Items.Select(i => (i.Amount, i.Discount, i.InvoiceDiscount, i.Tax, i.Total)));
    }

    /// <summary>Exact rational arithmetic, so the expected figures do not depend on decimal's precision.</summary>
    private readonly record struct Exact(BigInteger Numerator, BigInteger Denominator)
    {
        public static Exact Of(decimal value)
        {
            var bits = decimal.GetBits(value);
            var mantissa = new BigInteger((uint)bits[0]) | (new BigInteger((uint)bits[1]) << 32) | (new BigInteger((uint)bits[2]) << 64);
            var scale = (bits[3] >> 16) & 0xFF;
            return new Exact(value < 0 ? -mantissa : mantissa, BigInteger.Pow(10, scale));
        }

        public static Exact operator *(Exact left, BigInteger right) => new(left.Numerator * right, left.Denominator);

        public static Exact operator *(BigInteger left, Exact right) => right * left;

        public static Exact operator /(Exact left, BigInteger right) => new(left.Numerator, left.Denominator * right);

        public static Exact operator /(Exact left, Exact right) => new(left.Numerator * right.Denominator, left.Denominator * right.Numerator);

        public static Exact operator +(BigInteger left, Exact right) => new((left * right.Denominator) + right.Numerator, right.Denominator);

        /// <summary>Half away from zero, for the non-negative values an invoice holds.</summary>
        public static BigInteger Round(Exact value) =>
            value.Numerator.Sign < 0 ? throw new ArgumentOutOfRangeException(nameof(value)) : ((2 * value.Numerator) + value.Denominator) / (2 * value.Denominator);
    }
}

public sealed record InvoiceCase(Currency Currency, LineItemSpec[] Lines, InvoiceDiscount Discount)
{
    public InvoiceTotals Calculate() => InvoiceCalculator.Calculate(Lines, Discount);

    public override string ToString() =>
        $"{Currency.Code} invoice, discount {Describe(Discount.Amount, Discount.Percent)}:{Environment.NewLine}" +
        string.Join(Environment.NewLine, Lines.Select(l => string.Create(
            CultureInfo.InvariantCulture,
            $"  {l.Quantity} × {l.UnitAmount}, tax {l.TaxRate}%{(l.TaxInclusive ? " inclusive" : string.Empty)}, discount {Describe(l.DiscountAmount, l.DiscountPercent)}")));

    private static string Describe(long? amount, decimal? percent) =>
        amount is { } a ? a.ToString(CultureInfo.InvariantCulture) : percent is { } p ? string.Create(CultureInfo.InvariantCulture, $"{p}%") : "none";
}

public static class InvoiceArbitraries
{
    public static Arbitrary<InvoiceCase> InvoiceCase()
    {
        var currency = Gen.Elements(Currency.JPY, Currency.USD, Currency.BHD);
        var quantity = Gen.Frequency(
            (3, Decimal(1, 1000)),
            (1, Gen.Elements(1m, 0.0001m, 1000m, 1.5m)));
        var unitAmount = Gen.Frequency(
            (3, Gen.Choose(0, 1_000_000_000).Select(u => (long)u)),
            (2, Gen.Choose(0, 10_000).Select(u => (long)u)),
            (1, Gen.Elements(0L, 1L, 5L, 1_000_000_000L)));
        var percent = Gen.Frequency(
            (3, Decimal(0, 100)),
            (1, Gen.Elements(0m, 7.5m, 8.875m, 19m, 20m, 100m)));
        var lineDiscount = Gen.Frequency(
            (3, Gen.Constant<(long?, decimal?)>((null, null))),
            (1, Gen.Choose(0, 100_000).Select(a => ((long?)a, (decimal?)null))),
            (1, FsCheck.FSharp.Gen.Choose64(0, 10_000_000_000_000).Select(a => ((long?)a, (decimal?)null))),
            (1, percent.Select(p => ((long?)null, (decimal?)p))));
        var line =
            from q in quantity
            from u in unitAmount
            from rate in percent
            from inclusive in Gen.Elements(false, true)
            from discount in lineDiscount
            select new LineItemSpec("Item", q, u, discount.Item1, discount.Item2, rate, inclusive);
        var invoiceDiscount = Gen.Frequency(
            (2, Gen.Constant(InvoiceDiscount.None)),
            (1, Gen.Choose(0, 1_000_000).Select(a => new InvoiceDiscount(a, null))),
            (1, FsCheck.FSharp.Gen.Choose64(0, 20_000_000_000_000).Select(a => new InvoiceDiscount(a, null))),
            (1, percent.Select(p => new InvoiceDiscount(null, p))));
        var invoice =
            from c in currency
            from lines in Gen.Choose(1, 20).SelectMany(count => Gen.ArrayOf(line, count))
            from discount in invoiceDiscount
            select new InvoiceCase(c, lines, discount);
        return Arb.From(invoice);
    }

    /// <summary>A decimal from <paramref name="min"/> to <paramref name="max"/> with 0 to 4 decimals.</summary>
    private static Gen<decimal> Decimal(int min, int max) =>
        from scale in Gen.Choose(0, 4)
        let factor = (int)Math.Pow(10, scale)
        from mantissa in Gen.Choose(min * factor, max * factor)
        select new decimal(mantissa, 0, 0, false, (byte)scale);
}
