using Folio.Domain.Credits;

namespace Folio.Domain.Tests.Credits;

public sealed class CreditTransactionTests
{
    [Theory]
    [InlineData(1, 0)]
    [InlineData(5_000, 0)]
    [InlineData(5_000, 12_000)]
    public void A_positive_grant_is_accepted(long amount, long balance)
    {
        Assert.Null(CreditTransaction.CheckManualEntry(CreditTransactionType.Grant, amount, balance));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(-5_000)]
    public void A_grant_must_be_positive(long amount)
    {
        var violation = CreditTransaction.CheckManualEntry(CreditTransactionType.Grant, amount, 10_000);

        Assert.NotNull(violation);
        Assert.Equal(ViolationKind.InvalidInput, violation.Kind);
        Assert.Equal("invalid_amount", violation.Code);
        Assert.Equal("amount", violation.Field);
    }

    [Theory]
    [InlineData(-500, 500)]
    [InlineData(-1, 1)]
    [InlineData(250, 0)]
    public void An_adjustment_may_go_up_or_down_to_exactly_zero(long amount, long balance)
    {
        Assert.Null(CreditTransaction.CheckManualEntry(CreditTransactionType.Adjustment, amount, balance));
    }

    [Theory]
    [InlineData(-501, 500)]
    [InlineData(-1, 0)]
    public void An_adjustment_cannot_take_the_balance_below_zero(long amount, long balance)
    {
        var violation = CreditTransaction.CheckManualEntry(CreditTransactionType.Adjustment, amount, balance);

        Assert.NotNull(violation);
        Assert.Equal(ViolationKind.Unprocessable, violation.Kind);
        Assert.Equal("insufficient_balance", violation.Code);
        Assert.Equal("amount", violation.Field);
        Assert.Contains(balance.ToString(System.Globalization.CultureInfo.InvariantCulture), violation.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void A_zero_adjustment_is_rejected()
    {
        var violation = CreditTransaction.CheckManualEntry(CreditTransactionType.Adjustment, 0, 500);

        Assert.NotNull(violation);
        Assert.Equal("invalid_amount", violation.Code);
    }

    [Theory]
    [InlineData(CreditTransactionType.InvoiceApplication)]
    [InlineData(CreditTransactionType.InvoiceVoided)]
    [InlineData(CreditTransactionType.Overpayment)]
    [InlineData((CreditTransactionType)42)]
    public void Only_grants_and_adjustments_are_entered_by_hand(CreditTransactionType type)
    {
        var violation = CreditTransaction.CheckManualEntry(type, 100, 1_000);

        Assert.NotNull(violation);
        Assert.Equal(ViolationKind.InvalidInput, violation.Kind);
        Assert.Equal("invalid_type", violation.Code);
        Assert.Equal("type", violation.Field);
    }
}
