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
        Assert.Equal(expected, Amount.FormatMajor(minorUnits, Currency.Get(code)));
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
    public void ToMajor_converts_minor_units_exactly()
    {
        Assert.Equal(10.50m, Amount.ToMajor(1050, Currency.USD));
        Assert.Equal(0.001m, Amount.ToMajor(1, Currency.BHD));
        Assert.Equal(1000m, Amount.ToMajor(1000, Currency.JPY));
        Assert.Equal(-0.0001m, Amount.ToMajor(-1, Currency.Get("CLF")));
    }
}
