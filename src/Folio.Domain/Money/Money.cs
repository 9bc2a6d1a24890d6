using System.Globalization;

namespace Folio.Domain.Money;

/// <summary>
/// Amounts are integer minor units (a <see cref="long"/>) beside their currency's code; this turns them into major units
/// for the dialects and messages that show them that way.
/// </summary>
public static class Money
{
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

    /// <summary>The amount in major units, without trailing zeros: "9", "10.5", "0.001", "-3".</summary>
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
}
