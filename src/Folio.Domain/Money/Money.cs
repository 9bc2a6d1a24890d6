using System.Globalization;

namespace Folio.Domain.Money;

/// <summary>An exact amount: integer minor units of one currency.</summary>
public readonly record struct Money(long MinorUnits, Currency Currency)
{
    public static Money Zero(Currency currency) => new(0, currency);

    public static Money operator +(Money left, Money right) =>
        new(checked(left.MinorUnits + SameCurrency(left, right).MinorUnits), left.Currency);

    public static Money operator -(Money left, Money right) =>
        new(checked(left.MinorUnits - SameCurrency(left, right).MinorUnits), left.Currency);

    public static Money operator -(Money value) => new(checked(-value.MinorUnits), value.Currency);

    public Money Add(Money other) => this + other;

    public Money Subtract(Money other) => this - other;

    public Money Negate() => -this;

    public Money[] Allocate(IReadOnlyList<long> weights)
    {
        var currency = Currency;
        return [.. Allocation.Split(MinorUnits, weights).Select(part => new Money(part, currency))];
    }

    /// <summary>The amount in major units, without trailing zeros: "9", "10.5", "0.001", "-3".</summary>
    public string ToMajorString() => FormatMajor(MinorUnits, Currency);

    public decimal ToMajorDecimal() => ToMajor(MinorUnits, Currency);

    public static decimal ToMajor(long minorUnits, Currency currency)
    {
        ArgumentNullException.ThrowIfNull(currency);
        decimal divisor = 1;
        for (var i = 0; i < currency.Exponent; i++)
        {
            divisor *= 10;
        }

        return minorUnits / divisor;
    }

    public static string FormatMajor(long minorUnits, Currency currency)
    {
        ArgumentNullException.ThrowIfNull(currency);
        var negative = minorUnits < 0;
        var magnitude = minorUnits < 0 ? (ulong)(-(Int128)minorUnits) : (ulong)minorUnits;
        var digits = magnitude.ToString(CultureInfo.InvariantCulture);
        if (currency.Exponent > 0)
        {
            digits = digits.PadLeft(currency.Exponent + 1, '0');
            var whole = digits[..^currency.Exponent];
            var fraction = digits[^currency.Exponent..].TrimEnd('0');
            digits = fraction.Length == 0 ? whole : $"{whole}.{fraction}";
        }

        return negative ? "-" + digits : digits;
    }

    public override string ToString() => $"{ToMajorString()} {Currency.Code}";

    private static Money SameCurrency(Money left, Money right) =>
        left.Currency == right.Currency ? right : throw new CurrencyMismatchException(left.Currency, right.Currency);
}
