using Folio.Domain.Money;
using Folio.Invoices;

namespace Folio.ExchangeRates;

/// <summary>US dollars per one unit of the currency, with up to 10 decimals: <c>{"usd_per_unit": 1.0842}</c> for EUR.</summary>
public sealed record SetExchangeRateRequest(decimal UsdPerUnit);

public sealed record ExchangeRateResponse(string Currency, decimal UsdPerUnit, DateTimeOffset UpdatedAt)
{
    public static ExchangeRateResponse From(ExchangeRate rate)
    {
        ArgumentNullException.ThrowIfNull(rate);
        // Trimmed: PostgreSQL hands a numeric back with its full scale (1.0842000000).
        return new(rate.Currency, Decimals.Trim(rate.UsdPerUnit), rate.UpdatedAt);
    }
}

public sealed record ExchangeRateList(IReadOnlyList<ExchangeRateResponse> Data);
