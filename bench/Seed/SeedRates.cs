namespace Folio.Bench.Seed;

/// <summary>
/// US dollars per unit of EUR and JPY, as an admin would keep them: changed once a week, drifting around 1.085 and 0.0067.
/// An invoice fixes the rate of the week it was finalized in; the newest rates are the ones in force.
/// </summary>
internal static class SeedRates
{
    public static readonly string[] Currencies = ["EUR", "JPY"];

    public static decimal UsdPerUnit(string currency, DateTimeOffset at)
    {
        var week = at.UtcTicks / TimeSpan.TicksPerDay / 7;
        return currency switch
        {
            "USD" => 1m,
            "EUR" => Math.Round((decimal)(1.085 + (0.04 * Math.Sin(2 * Math.PI * week / 26))), 4),
            "JPY" => Math.Round((decimal)(0.0067 + (0.00025 * Math.Sin((2 * Math.PI * week / 17) + 1))), 6),
            _ => throw new ArgumentOutOfRangeException(nameof(currency), currency, "The seed has no rate for this currency."),
        };
    }
}
