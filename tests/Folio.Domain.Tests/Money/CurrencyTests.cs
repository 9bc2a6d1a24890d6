using Folio.Domain.Money;

namespace Folio.Domain.Tests.Money;

public sealed class CurrencyTests
{
    [Theory]
    [InlineData("JPY", 0)]
    [InlineData("KRW", 0)]
    [InlineData("USD", 2)]
    [InlineData("EUR", 2)]
    [InlineData("GBP", 2)]
    [InlineData("BHD", 3)]
    [InlineData("KWD", 3)]
    [InlineData("CLF", 4)]
    public void Exponent_is_the_number_of_minor_digits_of_the_currency(string code, int exponent)
    {
        Assert.True(Currency.TryGet(code, out var currency));
        Assert.Equal(code, currency.Code);
        Assert.Equal(exponent, currency.Exponent);
        Assert.Equal(exponent, Currency.Get(code).Exponent);
    }

    [Theory]
    [InlineData("usd")]
    [InlineData("Usd")]
    [InlineData("XXX")]
    [InlineData("US")]
    [InlineData("USDX")]
    [InlineData(" USD")]
    [InlineData("")]
    [InlineData(null)]
    public void TryGet_rejects_unknown_and_lowercase_codes(string? code)
    {
        Assert.False(Currency.TryGet(code, out _));
    }

    [Fact]
    public void Get_throws_ArgumentException_naming_the_unknown_code()
    {
        var error = Assert.Throws<ArgumentException>(() => Currency.Get("XXX"));

        Assert.Equal("code", error.ParamName);
        Assert.Contains("'XXX'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Named_currencies_are_the_catalog_entries()
    {
        Assert.Equal(Currency.Get("USD"), Currency.USD);
        Assert.Equal(Currency.Get("EUR"), Currency.EUR);
        Assert.Equal(Currency.Get("JPY"), Currency.JPY);
        Assert.Equal(Currency.Get("BHD"), Currency.BHD);
        Assert.NotEqual(Currency.USD, Currency.EUR);
        Assert.Equal("USD", Currency.USD.ToString());
    }

    [Fact]
    public void Catalog_lists_each_code_once_as_three_capital_letters()
    {
        var codes = Currency.All.Select(c => c.Code).ToList();

        Assert.Equal(codes.Count, codes.Distinct(StringComparer.Ordinal).Count());
        Assert.All(codes, code => Assert.Matches("^[A-Z]{3}$", code));
        Assert.All(Currency.All, c => Assert.InRange(c.Exponent, 0, 4));
        Assert.Contains("USD", codes);
        Assert.Contains("CLF", codes);
    }
}
