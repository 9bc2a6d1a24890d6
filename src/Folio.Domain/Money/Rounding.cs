namespace Folio.Domain.Money;

/// <summary>Folio's one rounding rule for money: half away from zero, to a whole minor unit.</summary>
public static class Rounding
{
    public static long ToMinorUnits(decimal value) =>
        checked((long)Math.Round(value, 0, MidpointRounding.AwayFromZero));

    /// <summary>amount × numerator ÷ denominator, rounded half away from zero, with no intermediate rounding.</summary>
    public static long Scale(long amount, decimal numerator, decimal denominator)
    {
        if (denominator == 0)
        {
            throw new DivideByZeroException();
        }

        return ToMinorUnits(amount * numerator / denominator);
    }

    /// <summary>The number of digits after the decimal point that a value carries (12.50 has 1, 3 has 0).</summary>
    public static int Scale(decimal value)
    {
        var normalized = value / 1.0000000000000000000000000000m;
        return (decimal.GetBits(normalized)[3] >> 16) & 0xFF;
    }
}
