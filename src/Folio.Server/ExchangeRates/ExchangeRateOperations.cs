using Folio.Api;
using Folio.Data;
using Folio.Domain;
using Folio.Domain.Money;
using Microsoft.EntityFrameworkCore;

namespace Folio.ExchangeRates;

/// <summary>The admin-managed rates to US dollars. Finalization fixes the rate in force on each invoice.</summary>
public static class ExchangeRateOperations
{
    public static Task<Outcome<ExchangeRate>> Set(FolioDb db, TimeProvider clock, string currency, decimal usdPerUnit, CancellationToken cancellationToken) =>
        db.InTransaction(async () =>
        {
            var now = clock.GetUtcNow();
            await db.LockKey($"exchange_rates:{currency}", cancellationToken);
            var existing = await db.ExchangeRates.FirstOrDefaultAsync(r => r.Currency == currency, cancellationToken);
            if (existing is not null)
            {
                var violations = existing.Change(usdPerUnit, now);
                return violations.Count == 0 ? existing : Outcome<ExchangeRate>.Rejected(violations);
            }

            var (rate, refused) = ExchangeRate.Create(currency, usdPerUnit, now);
            if (rate is null)
            {
                return Outcome<ExchangeRate>.Rejected(refused);
            }

            db.ExchangeRates.Add(rate);
            return rate;
        }, cancellationToken);

    public static async Task<bool> Remove(FolioDb db, string currency, CancellationToken cancellationToken) =>
        (await db.InTransaction(async () =>
        {
            var rate = await db.ExchangeRates.FirstOrDefaultAsync(r => r.Currency == currency, cancellationToken);
            if (rate is null)
            {
                return Outcome<ExchangeRate>.NotFound("exchange_rate_not_found");
            }

            db.ExchangeRates.Remove(rate);
            return rate;
        }, cancellationToken)).Succeeded;

    public static async Task<List<ExchangeRate>> List(FolioBooks db, CancellationToken cancellationToken) =>
        [.. (await db.ExchangeRates.AsNoTracking().ToListAsync(cancellationToken)).OrderBy(r => r.Currency, StringComparer.Ordinal)];

    /// <summary>The rate in force for a currency; USD is always 1; null when no one set one.</summary>
    public static async Task<ExchangeRate?> InForce(FolioBooks db, string currency, CancellationToken cancellationToken) =>
        currency == "USD" ? ExchangeRate.Usd : await db.ExchangeRates.AsNoTracking().FirstOrDefaultAsync(r => r.Currency == currency, cancellationToken);

    internal static RuleViolation? CheckCurrency(string currency) =>
        Currency.TryGet(currency, out _) ? null : RuleViolation.Invalid("currency", "invalid_currency", "currency is an ISO 4217 code in capitals.");
}
