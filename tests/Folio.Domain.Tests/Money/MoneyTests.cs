using Folio.Domain.Money;
using Amount = Folio.Domain.Money.Money;

namespace Folio.Domain.Tests.Money;

public sealed class MoneyTests
{
    [Theory]
    [InlineData(900, "USD", "9")]
    [InlineData(1050, "USD", "10.5")]
    [InlineData(1099, "USD", "10.99")]
    [InlineData(5, "USD", "0.05")]
    [InlineData(0, "USD", "0")]
    [InlineData(-300, "USD", "-3")]
    [InlineData(-5, "USD", "-0.05")]
    [InlineData(1, "BHD", "0.001")]
    [InlineData(1500, "BHD", "1.5")]
    [InlineData(1000, "JPY", "1000")]
    [InlineData(-7, "JPY", "-7")]
    [InlineData(12345, "CLF", "1.2345")]
    public void FormatMajor_writes_major_units_without_trailing_zeros(long minorUnits, string code, string expected)
    {
        var currency = Currency.Get(code);

        Assert.Equal(expected, Amount.FormatMajor(minorUnits, currency));
        Assert.Equal(expected, new Amount(minorUnits, currency).ToMajorString());
    }

    [Theory]
    [InlineData(long.MinValue, "USD", "-92233720368547758.08")]
    [InlineData(long.MaxValue, "USD", "92233720368547758.07")]
    [InlineData(long.MinValue, "JPY", "-9223372036854775808")]
    [InlineData(long.MaxValue, "CLF", "922337203685477.5807")]
    public void FormatMajor_handles_the_extremes_of_long(long minorUnits, string code, string expected)
    {
        Assert.Equal(expected, Amount.FormatMajor(minorUnits, Currency.Get(code)));
    }

    [Fact]
    public void ToString_shows_major_units_and_the_code()
    {
        Assert.Equal("10.5 USD", new Amount(1050, Currency.USD).ToString());
        Assert.Equal("0.001 BHD", new Amount(1, Currency.BHD).ToString());
    }

    [Fact]
    public void ToMajor_converts_minor_units_exactly()
    {
        Assert.Equal(10.50m, Amount.ToMajor(1050, Currency.USD));
        Assert.Equal(0.001m, Amount.ToMajor(1, Currency.BHD));
        Assert.Equal(1000m, Amount.ToMajor(1000, Currency.JPY));
        Assert.Equal(-0.0001m, Amount.ToMajor(-1, Currency.Get("CLF")));
        Assert.Equal(10.50m, new Amount(1050, Currency.USD).ToMajorDecimal());
    }

    [Fact]
    public void Adding_and_subtracting_in_one_currency_is_exact()
    {
        var a = new Amount(1050, Currency.USD);
        var b = new Amount(999, Currency.USD);

        Assert.Equal(new Amount(2049, Currency.USD), a + b);
        Assert.Equal(new Amount(51, Currency.USD), a - b);
        Assert.Equal(new Amount(-1050, Currency.USD), -a);
        Assert.Equal(a + b, a.Add(b));
        Assert.Equal(a - b, a.Subtract(b));
        Assert.Equal(-a, a.Negate());
        Assert.Equal(a, a + Amount.Zero(Currency.USD));
    }

    [Fact]
    public void Amounts_in_different_currencies_never_mix()
    {
        var usd = new Amount(100, Currency.USD);
        var eur = new Amount(100, Currency.EUR);

        var error = Assert.Throws<CurrencyMismatchException>(() => usd + eur);
        Assert.Contains("USD", error.Message, StringComparison.Ordinal);
        Assert.Contains("EUR", error.Message, StringComparison.Ordinal);
        Assert.Throws<CurrencyMismatchException>(() => usd - eur);
        Assert.Throws<CurrencyMismatchException>(() => eur.Add(usd));
        Assert.Throws<CurrencyMismatchException>(() => eur.Subtract(usd));
    }

    [Fact]
    public void Equal_minor_units_in_different_currencies_are_different_amounts()
    {
        Assert.NotEqual(new Amount(100, Currency.USD), new Amount(100, Currency.EUR));
    }

    [Fact]
    public void Overflow_throws_instead_of_wrapping()
    {
        var max = new Amount(long.MaxValue, Currency.USD);
        var min = new Amount(long.MinValue, Currency.USD);
        var one = new Amount(1, Currency.USD);

        Assert.Throws<OverflowException>(() => max + one);
        Assert.Throws<OverflowException>(() => min - one);
        Assert.Throws<OverflowException>(() => -min);
    }

    [Fact]
    public void Allocate_splits_into_parts_of_the_same_currency_that_add_up()
    {
        var parts = new Amount(100, Currency.BHD).Allocate([1, 1, 1]);

        Assert.Equal([new(34, Currency.BHD), new(33, Currency.BHD), new(33, Currency.BHD)], parts);
    }
}
