namespace Folio.Domain.Money;

/// <summary>An ISO 4217 currency and the number of digits of its minor unit.</summary>
public sealed record Currency
{
    private Currency(string code, int exponent)
    {
        Code = code;
        Exponent = exponent;
    }

    public string Code { get; }

    /// <summary>Digits after the decimal point: JPY 0, USD 2, BHD 3.</summary>
    public int Exponent { get; }

    public static Currency USD => Get("USD");
    public static Currency EUR => Get("EUR");
    public static Currency JPY => Get("JPY");
    public static Currency BHD => Get("BHD");

    public static IEnumerable<Currency> All => Catalog.Values;

    public static bool TryGet(string? code, out Currency currency)
    {
        currency = null!;
        return code is not null && Catalog.TryGetValue(code, out currency!);
    }

    public static Currency Get(string code) =>
        TryGet(code, out var currency) ? currency : throw new ArgumentException($"'{code}' is not an active ISO 4217 currency code.", nameof(code));

    public override string ToString() => Code;

    // Active ISO 4217 codes (list 1, 2026). Codes not named here have two minor digits.
    private const string TwoDigitCodes =
        "AED AFN ALL AMD AOA ARS AUD AWG AZN BAM BBD BDT BMD BND BOB BOV BRL BSD BTN BWP BYN BZD CAD CDF CHE CHF CHW " +
        "CNY COP COU CRC CUP CVE CZK DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP GEL GHS GIP GMD GTQ GYD HKD HNL HTG HUF " +
        "IDR ILS INR IRR JMD KES KGS KHR KPW KYD KZT LAK LBP LKR LRD LSL MAD MDL MGA MKD MMK MNT MOP MRU MUR MVR MWK " +
        "MXN MXV MYR MZN NAD NGN NIO NOK NPR NZD PAB PEN PGK PHP PKR PLN QAR RON RSD RUB SAR SBD SCR SDG SEK SGD SHP " +
        "SLE SOS SRD SSP STN SVC SYP SZL THB TJS TMT TOP TRY TTD TWD TZS UAH USD USN UYU UZS VED VES WST XCD XCG YER " +
        "ZAR ZMW ZWG";
    private const string ZeroDigitCodes = "BIF CLP DJF GNF ISK JPY KMF KRW PYG RWF UGX UYI VND VUV XAF XOF XPF";
    private const string ThreeDigitCodes = "BHD IQD JOD KWD LYD OMR TND";
    private const string FourDigitCodes = "CLF UYW";

    private static readonly Dictionary<string, Currency> Catalog = BuildCatalog();

    private static Dictionary<string, Currency> BuildCatalog()
    {
        var catalog = new Dictionary<string, Currency>(StringComparer.Ordinal);
        void Add(string codes, int exponent)
        {
            foreach (var code in codes.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                catalog.Add(code, new Currency(code, exponent));
            }
        }

        Add(TwoDigitCodes, 2);
        Add(ZeroDigitCodes, 0);
        Add(ThreeDigitCodes, 3);
        Add(FourDigitCodes, 4);
        return catalog;
    }
}
