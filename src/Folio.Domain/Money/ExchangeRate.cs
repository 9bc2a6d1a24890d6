namespace Folio.Domain.Money;

/// <summary>
/// How many US dollars one unit of a currency is worth, as an admin set it. Invoices fix the rate in force when they are
/// finalized, so their US dollar figures never move afterwards.
/// </summary>
public sealed class ExchangeRate
{
    public const int MaxDecimals = 10;
    /// <summary>Far above any currency today, and low enough that the largest payment still converts to a whole number of cents.</summary>
    public const decimal MaxUsdPerUnit = 10_000m;

    private ExchangeRate()
    {
        Currency = string.Empty;
    }

    public string Currency { get; private set; }

    /// <summary>US dollars per one unit (major) of <see cref="Currency"/>: 1.0842 for EUR, 0.0067 for JPY.</summary>
    public decimal UsdPerUnit { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>US dollars are worth themselves; no one sets that rate.</summary>
    public static ExchangeRate Usd { get; } = new() { Currency = "USD", UsdPerUnit = 1m };

    public static (ExchangeRate? Rate, IReadOnlyList<RuleViolation> Violations) Create(string currency, decimal usdPerUnit, DateTimeOffset now)
    {
        var violations = Validate(currency, usdPerUnit).ToList();
        return violations.Count > 0 ? (null, violations) : (new ExchangeRate { Currency = currency, UsdPerUnit = usdPerUnit, UpdatedAt = now }, []);
    }

    public IReadOnlyList<RuleViolation> Change(decimal usdPerUnit, DateTimeOffset now)
    {
        var violations = Validate(Currency, usdPerUnit).ToList();
        if (violations.Count == 0)
        {
            UsdPerUnit = usdPerUnit;
            UpdatedAt = now;
        }

        return violations;
    }

    /// <summary>An amount in minor units of a currency, in US cents at <paramref name="usdPerUnit"/>, rounded half away from zero.</summary>
    public static long ToUsdCents(long amount, Currency currency, decimal usdPerUnit)
    {
        ArgumentNullException.ThrowIfNull(currency);
        return Rounding.Scale(amount, usdPerUnit * 100m, Pow10(currency.Exponent));
    }

    private static decimal Pow10(int exponent)
    {
        var value = 1m;
        for (var i = 0; i < exponent; i++)
        {
            value *= 10m;
        }

        return value;
    }

    private static IEnumerable<RuleViolation> Validate(string currency, decimal usdPerUnit)
    {
        if (!Folio.Domain.Money.Currency.TryGet(currency, out _))
        {
            yield return RuleViolation.Invalid("currency", "invalid_currency", "currency is an ISO 4217 code in capitals.");
        }
        else if (currency == "USD")
        {
            yield return RuleViolation.Invalid("currency", "invalid_currency", "USD is worth 1 US dollar; its rate cannot be set.");
        }

        if (usdPerUnit <= 0 || usdPerUnit > MaxUsdPerUnit || Rounding.Scale(usdPerUnit) > MaxDecimals)
        {
            yield return RuleViolation.Invalid("usd_per_unit", "invalid_rate", $"usd_per_unit is a positive number of US dollars per unit, at most {MaxUsdPerUnit}, with at most {MaxDecimals} decimals.");
        }
    }
}
