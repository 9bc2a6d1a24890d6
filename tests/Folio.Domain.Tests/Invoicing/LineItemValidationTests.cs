using System.Globalization;
using Folio.Domain.Invoicing;
using Folio.Domain.Money;

namespace Folio.Domain.Tests.Invoicing;

public sealed class LineItemValidationTests
{
    private static readonly InvoiceDraft EmptyHeader = new(null, null, null, null, null, null, InvoiceDiscount.None);

    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("-0.0001")]
    [InlineData("1000000.0001")]
    [InlineData("2000000")]
    [InlineData("1.23456")]
    [InlineData("0.00001")]
    public void Quantity_out_of_range_or_with_more_than_4_decimals_is_rejected(string quantity)
    {
        var violation = Assert.Single(Reject(Line(quantity: Dec(quantity))));

        Assert.Equal("items[0].quantity", violation.Field);
        Assert.Equal("invalid_quantity", violation.Code);
        Assert.Equal(ViolationKind.InvalidInput, violation.Kind);
    }

    [Theory]
    [InlineData("0.0001")]
    [InlineData("1.2345")]
    [InlineData("1.23450")] // five digits written, four that count
    [InlineData("1000000")]
    [InlineData("1000000.0000")]
    public void Quantity_up_to_a_million_with_4_decimals_is_accepted(string quantity)
    {
        Accept(Line(quantity: Dec(quantity)));
    }

    [Theory]
    [InlineData("100.00001")]
    [InlineData("100.1")]
    [InlineData("-1")]
    [InlineData("-0.0001")]
    [InlineData("8.87501")]
    public void Tax_rate_outside_0_to_100_or_with_more_than_4_decimals_is_rejected(string rate)
    {
        var violation = Assert.Single(Reject(Line(taxRate: Dec(rate))));

        Assert.Equal("items[0].tax_rate", violation.Field);
        Assert.Equal("invalid_tax_rate", violation.Code);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("8.875")]
    [InlineData("99.9999")]
    [InlineData("100")]
    public void Tax_rate_from_0_to_100_is_accepted(string rate)
    {
        Accept(Line(taxRate: Dec(rate)));
    }

    [Fact]
    public void Discount_amount_and_percent_together_are_rejected()
    {
        var violation = Assert.Single(Reject(Line(discountAmount: 100, discountPercent: 10m)));

        Assert.Equal("items[0].discount_percent", violation.Field);
        Assert.Equal("ambiguous_discount", violation.Code);
    }

    [Fact]
    public void A_negative_discount_amount_is_rejected()
    {
        Assert.Equal("items[0].discount_amount", Assert.Single(Reject(Line(discountAmount: -1))).Field);
    }

    [Theory]
    [InlineData("100.0001")]
    [InlineData("-5")]
    [InlineData("12.34567")]
    public void A_discount_percent_outside_0_to_100_is_rejected(string percent)
    {
        Assert.Equal("items[0].discount_percent", Assert.Single(Reject(Line(discountPercent: Dec(percent)))).Field);
    }

    [Fact]
    public void A_discount_amount_above_the_line_amount_is_accepted_and_capped()
    {
        Accept(Line(unitAmount: 100, discountAmount: 1_000));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void An_empty_description_is_rejected(string description)
    {
        var violation = Assert.Single(Reject(Line(description: description)));

        Assert.Equal("items[0].description", violation.Field);
        Assert.Equal("invalid_description", violation.Code);
    }

    [Fact]
    public void A_description_over_500_characters_is_rejected()
    {
        Accept(Line(description: new string('x', 500)));
        Assert.Equal("items[0].description", Assert.Single(Reject(Line(description: new string('x', 501)))).Field);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(1_000_000_000_001)]
    public void A_unit_amount_outside_0_to_10_to_the_12_is_rejected(long unitAmount)
    {
        Assert.Equal("items[0].unit_amount", Assert.Single(Reject(Line(unitAmount: unitAmount))).Field);
    }

    [Fact]
    public void A_period_ending_before_it_starts_is_rejected()
    {
        var start = new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);

        Assert.Equal("items[0].period_end", Assert.Single(Reject(Line() with { PeriodStart = start, PeriodEnd = start.AddTicks(-1) })).Field);
        Accept(Line() with { PeriodStart = start, PeriodEnd = start });
    }

    [Fact]
    public void Each_problem_is_reported_at_its_own_item()
    {
        var violations = Reject(Line(), Line(quantity: 0), Line(), Line(description: "", taxRate: 101));

        Assert.Equal(
            ["items[1].quantity", "items[3].description", "items[3].tax_rate"],
            violations.Select(v => v.Field).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void More_than_250_items_are_rejected()
    {
        Accept([.. Enumerable.Repeat(Line(), Invoice.MaxItems)]);

        var violation = Assert.Single(Reject([.. Enumerable.Repeat(Line(), Invoice.MaxItems + 1)]));
        Assert.Equal("items", violation.Field);
        Assert.Equal("too_many_items", violation.Code);
    }

    [Fact]
    public void An_item_added_to_a_draft_is_validated_too()
    {
        var (invoice, _) = Invoice.CreateDraft(Guid.NewGuid(), Guid.NewGuid(), null, Currency.USD, EmptyHeader, [Line()], DateTimeOffset.UnixEpoch, Guid.NewGuid);

        var (item, violations) = invoice!.AddItem(Line(quantity: 0.00001m), DateTimeOffset.UnixEpoch, Guid.NewGuid());

        Assert.Null(item);
        Assert.Equal("invalid_quantity", Assert.Single(violations).Code);
        Assert.Single(invoice.Items);
    }

    private static IReadOnlyList<RuleViolation> Reject(params LineItemSpec[] items)
    {
        var (invoice, violations) = Invoice.CreateDraft(Guid.NewGuid(), Guid.NewGuid(), null, Currency.USD, EmptyHeader, items, DateTimeOffset.UnixEpoch, Guid.NewGuid);

        Assert.Null(invoice);
        Assert.NotEmpty(violations);
        return violations;
    }

    private static void Accept(params LineItemSpec[] items)
    {
        var (invoice, violations) = Invoice.CreateDraft(Guid.NewGuid(), Guid.NewGuid(), null, Currency.USD, EmptyHeader, items, DateTimeOffset.UnixEpoch, Guid.NewGuid);

        Assert.Empty(violations);
        Assert.NotNull(invoice);
        Assert.Equal(items.Length, invoice.Items.Count);
    }

    private static decimal Dec(string value) => decimal.Parse(value, CultureInfo.InvariantCulture);

    private static LineItemSpec Line(
        string description = "Consulting",
        decimal quantity = 1,
        long unitAmount = 1000,
        long? discountAmount = null,
        decimal? discountPercent = null,
        decimal taxRate = 20) =>
        new(description, quantity, unitAmount, discountAmount, discountPercent, taxRate);
}
