using Folio.Domain.Invoicing;

namespace Folio.Domain.Tests.Invoicing;

public sealed class InvoiceCalculatorTests
{
    [Fact]
    public void Exclusive_tax_is_added_on_top()
    {
        var totals = Calculate(Line(1, 1000, tax: 20));

        Assert.Equal(1000, totals.Subtotal);
        Assert.Equal(200, totals.Tax);
        Assert.Equal(200, totals.ExclusiveTax);
        Assert.Equal(1200, totals.Total);
        Assert.Equal(1000, totals.TotalExcludingTax);
    }

    [Fact]
    public void Inclusive_tax_is_extracted_from_the_amount()
    {
        var totals = Calculate(Line(1, 1200, tax: 20, inclusive: true));

        Assert.Equal(1200, totals.Subtotal);
        Assert.Equal(200, totals.Tax);
        Assert.Equal(0, totals.ExclusiveTax);
        Assert.Equal(1200, totals.Total);
        Assert.Equal(1000, totals.TotalExcludingTax);
    }

    [Theory]
    [InlineData("8.875", 9375, false, 832)] // 832.03125
    [InlineData("10", 5, false, 1)] // 0.5 exactly: half away from zero
    [InlineData("10", 15, false, 2)] // 1.5 exactly
    [InlineData("10", 4, false, 0)] // 0.4
    [InlineData("8.875", 10000, true, 815)] // 10000 × 8.875 ÷ 108.875 = 815.15…
    [InlineData("100", 3, true, 2)] // 3 × 100 ÷ 200 = 1.5 exactly
    [InlineData("0", 999, false, 0)]
    [InlineData("100", 999, false, 999)]
    public void Line_tax_is_rounded_half_away_from_zero(string rate, long unitAmount, bool inclusive, long expectedTax)
    {
        var totals = Calculate(Line(1, unitAmount, tax: decimal.Parse(rate, System.Globalization.CultureInfo.InvariantCulture), inclusive: inclusive));

        Assert.Equal(expectedTax, totals.Tax);
        Assert.Equal(expectedTax, totals.Lines[0].Tax);
        Assert.Equal(inclusive ? unitAmount : unitAmount + expectedTax, totals.Total);
    }

    [Theory]
    [InlineData("1.2345", 1000, 1235)] // 1234.5
    [InlineData("1.2344", 1000, 1234)] // 1234.4
    [InlineData("0.5", 3, 2)] // 1.5
    [InlineData("3", 333, 999)]
    [InlineData("0.0001", 1000, 0)] // 0.1
    [InlineData("1000000", 1000000000000, 1000000000000000000)]
    public void Line_amount_is_quantity_times_unit_amount_rounded_half_away_from_zero(string quantity, long unitAmount, long expectedAmount)
    {
        var totals = Calculate(Line(decimal.Parse(quantity, System.Globalization.CultureInfo.InvariantCulture), unitAmount));

        Assert.Equal(expectedAmount, totals.Lines[0].Amount);
        Assert.Equal(expectedAmount, totals.Total);
    }

    [Fact]
    public void Line_discount_percent_comes_off_before_tax()
    {
        var line = Calculate(Line(1, 1000, tax: 10, discountPercent: 15m)).Lines[0];

        Assert.Equal(1000, line.Amount);
        Assert.Equal(150, line.Discount);
        Assert.Equal(85, line.Tax);
        Assert.Equal(935, line.Total);
    }

    [Theory]
    [InlineData(3, "50", 2)] // 1.5
    [InlineData(1001, "12.5", 125)] // 125.125
    [InlineData(1000, "100", 1000)]
    [InlineData(1000, "0", 0)]
    public void Line_discount_percent_is_rounded_half_away_from_zero(long unitAmount, string percent, long expectedDiscount)
    {
        var line = Calculate(Line(1, unitAmount, discountPercent: decimal.Parse(percent, System.Globalization.CultureInfo.InvariantCulture))).Lines[0];

        Assert.Equal(expectedDiscount, line.Discount);
        Assert.Equal(unitAmount - expectedDiscount, line.Total);
    }

    [Fact]
    public void Line_discount_amount_comes_off_before_tax()
    {
        var totals = Calculate(Line(1, 1000, tax: 10, discountAmount: 300));

        Assert.Equal(300, totals.Lines[0].Discount);
        Assert.Equal(70, totals.Tax);
        Assert.Equal(1000, totals.Subtotal);
        Assert.Equal(300, totals.Discount);
        Assert.Equal(770, totals.Total);
    }

    [Fact]
    public void A_line_discount_larger_than_the_line_is_capped_at_the_line_amount()
    {
        var totals = Calculate(Line(1, 500, tax: 20, discountAmount: 800), Line(1, 1000));

        var capped = totals.Lines[0];
        Assert.Equal(500, capped.Discount);
        Assert.Equal(0, capped.Net);
        Assert.Equal(0, capped.Tax);
        Assert.Equal(0, capped.Total);
        Assert.Equal(500, totals.Discount);
        Assert.Equal(1000, totals.Total);
    }

    [Fact]
    public void Invoice_discount_amount_is_shared_by_net_amount_and_the_shares_add_up()
    {
        // Nets after line discounts are 500, 500 and 2000: exact shares 16.67, 16.67 and 66.67.
        var totals = Calculate(
            new InvoiceDiscount(100, null),
            Line(1, 1000, discountAmount: 500),
            Line(1, 500),
            Line(1, 2000));

        Assert.Equal([17, 17, 66], totals.Lines.Select(l => l.InvoiceDiscount));
        Assert.Equal(100, totals.InvoiceDiscount);
        Assert.Equal(3500, totals.Subtotal);
        Assert.Equal(600, totals.Discount);
        Assert.Equal([483, 483, 1934], totals.Lines.Select(l => l.Net));
        Assert.Equal(2900, totals.Total);
    }

    [Fact]
    public void Invoice_discount_is_taken_before_tax()
    {
        var totals = Calculate(new InvoiceDiscount(100, null), Line(1, 1000, tax: 20));

        Assert.Equal(180, totals.Tax);
        Assert.Equal(1080, totals.Total);
    }

    [Fact]
    public void Invoice_discount_larger_than_the_lines_is_capped()
    {
        var totals = Calculate(new InvoiceDiscount(500, null), Line(1, 100, tax: 20), Line(1, 200, tax: 20));

        Assert.Equal(300, totals.InvoiceDiscount);
        Assert.Equal([100, 200], totals.Lines.Select(l => l.InvoiceDiscount));
        Assert.Equal(0, totals.Tax);
        Assert.Equal(0, totals.Total);
    }

    [Fact]
    public void Invoice_discount_percent_applies_to_the_lines_after_their_own_discounts()
    {
        // 800 + 1000 = 1800 after the line discount; 10% of it is 180, shared 80 and 100.
        var totals = Calculate(new InvoiceDiscount(null, 10m), Line(1, 1000, discountPercent: 20m), Line(1, 1000));

        Assert.Equal(180, totals.InvoiceDiscount);
        Assert.Equal([80, 100], totals.Lines.Select(l => l.InvoiceDiscount));
        Assert.Equal(380, totals.Discount);
        Assert.Equal(1620, totals.Total);
    }

    [Fact]
    public void Invoice_discount_percent_is_rounded_half_away_from_zero()
    {
        var totals = Calculate(new InvoiceDiscount(null, 10m), Line(1, 1005));

        Assert.Equal(101, totals.InvoiceDiscount); // 100.5
        Assert.Equal(904, totals.Total);
    }

    [Fact]
    public void A_zero_line_takes_no_share_of_the_invoice_discount()
    {
        var totals = Calculate(new InvoiceDiscount(100, null), Line(1, 0), Line(1, 1000));

        Assert.Equal([0, 100], totals.Lines.Select(l => l.InvoiceDiscount));
        Assert.Equal(900, totals.Total);
    }

    [Fact]
    public void Inclusive_and_exclusive_lines_mix()
    {
        var totals = Calculate(Line(1, 1200, tax: 20, inclusive: true), Line(1, 1000, tax: 10));

        Assert.Equal(2200, totals.Subtotal);
        Assert.Equal(300, totals.Tax);
        Assert.Equal(100, totals.ExclusiveTax);
        Assert.Equal(2300, totals.Total);
        Assert.Equal(2000, totals.TotalExcludingTax);
        Assert.Equal([1200, 1100], totals.Lines.Select(l => l.Total));
    }

    [Fact]
    public void Inclusive_and_exclusive_lines_share_an_invoice_discount()
    {
        // Each line takes 120 of the discount: the inclusive line keeps 1080 with 180 tax inside,
        // the exclusive one is 1080 plus 216 tax.
        var totals = Calculate(new InvoiceDiscount(240, null), Line(1, 1200, tax: 20, inclusive: true), Line(1, 1200, tax: 20));

        Assert.Equal([180, 216], totals.Lines.Select(l => l.Tax));
        Assert.Equal(396, totals.Tax);
        Assert.Equal(216, totals.ExclusiveTax);
        Assert.Equal(2376, totals.Total);
    }

    [Fact]
    public void No_lines_total_zero_even_with_an_invoice_discount()
    {
        var totals = InvoiceCalculator.Calculate([], new InvoiceDiscount(100, null));

        Assert.Empty(totals.Lines);
        Assert.Equal(0, totals.InvoiceDiscount);
        Assert.Equal(0, totals.Total);
    }

    [Fact]
    public void Amounts_too_large_for_a_long_throw_instead_of_wrapping()
    {
        var lines = Enumerable.Range(0, 10).Select(_ => Line(1_000_000, 1_000_000_000_000)).ToArray();

        Assert.Throws<OverflowException>(() => Calculate(lines));
    }

    private static InvoiceTotals Calculate(params LineItemSpec[] lines) => InvoiceCalculator.Calculate(lines, InvoiceDiscount.None);

    private static InvoiceTotals Calculate(InvoiceDiscount discount, params LineItemSpec[] lines) => InvoiceCalculator.Calculate(lines, discount);

    private static LineItemSpec Line(decimal quantity, long unitAmount, decimal tax = 0, bool inclusive = false, long? discountAmount = null, decimal? discountPercent = null) =>
        new("Item", quantity, unitAmount, discountAmount, discountPercent, tax, inclusive);
}
