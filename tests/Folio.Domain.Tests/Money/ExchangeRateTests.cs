using Folio.Domain.Money;

namespace Folio.Domain.Tests.Money;

public sealed class ExchangeRateTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 5, 9, 30, 0, TimeSpan.Zero);

    [Theory]
    // JPY has no minor unit: ¥1,500 at 0.0067 = $10.05 exactly.
    [InlineData("JPY", 1_500, "0.0067", 1_005)]
    // ¥75 at 0.0067 = $0.5025 → 50.25 cents → 50 (below half).
    [InlineData("JPY", 75, "0.0067", 50)]
    // ¥250 at 0.0065 = $1.625 → 162.5 cents → 163 (half away from zero).
    [InlineData("JPY", 250, "0.0065", 163)]
    // A refund-like negative amount rounds away from zero too: −162.5 → −163.
    [InlineData("JPY", -250, "0.0065", -163)]
    // BHD has three decimals: 1.234 BHD at 2.6525 = $3.273185 → 327 cents.
    [InlineData("BHD", 1_234, "2.6525", 327)]
    // 0.002 BHD at 2.5 = $0.005 → 0.5 cents → 1.
    [InlineData("BHD", 2, "2.5", 1)]
    // EUR 123.45 at 1.0842 = $133.84449 → 13,384 cents.
    [InlineData("EUR", 12_345, "1.0842", 13_384)]
    [InlineData("USD", 12_345, "1", 12_345)]
    public void Converts_minor_units_to_US_cents_rounding_half_away_from_zero(string currency, long amount, string rate, long cents) =>
        Assert.Equal(cents, ExchangeRate.ToUsdCents(amount, Currency.Get(currency), decimal.Parse(rate, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void The_largest_payment_converts_without_overflow()
    {
        Assert.Equal(1_000_000_000_000_000_000, ExchangeRate.ToUsdCents(1_000_000_000_000_000, Currency.Get("BHD"), ExchangeRate.MaxUsdPerUnit));
    }

    [Theory]
    [InlineData("EUR", "0")]
    [InlineData("EUR", "-1")]
    [InlineData("EUR", "0.00000000001")]
    [InlineData("EUR", "10000.1")]
    public void A_rate_is_positive_bounded_and_has_at_most_ten_decimals(string currency, string rate)
    {
        var (created, violations) = ExchangeRate.Create(currency, decimal.Parse(rate, System.Globalization.CultureInfo.InvariantCulture), Now);

        Assert.Null(created);
        Assert.Equal("usd_per_unit", Assert.Single(violations).Field);
    }

    [Theory]
    [InlineData("USD")]
    [InlineData("eur")]
    [InlineData("XYZ")]
    public void Only_a_real_currency_other_than_the_dollar_takes_a_rate(string currency)
    {
        var (created, violations) = ExchangeRate.Create(currency, 1.1m, Now);

        Assert.Null(created);
        Assert.Equal("currency", Assert.Single(violations).Field);
    }

    [Fact]
    public void Changing_a_rate_keeps_the_old_one_when_the_new_one_is_refused()
    {
        var (rate, _) = ExchangeRate.Create("EUR", 1.08m, Now);

        Assert.NotEmpty(rate!.Change(-2m, Now.AddDays(1)));
        Assert.Equal(1.08m, rate.UsdPerUnit);
        Assert.Empty(rate.Change(1.1m, Now.AddDays(1)));
        Assert.Equal(1.1m, rate.UsdPerUnit);
        Assert.Equal(Now.AddDays(1), rate.UpdatedAt);
    }
}
