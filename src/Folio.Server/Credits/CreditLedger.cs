using Folio.Api;
using Folio.Data;
using Folio.Domain;
using Folio.Domain.Credits;
using Folio.Domain.Money;
using Microsoft.EntityFrameworkCore;

namespace Folio.Credits;

public static class CreditLedger
{
    /// <summary>A customer's credit balance in one currency: the sum of its ledger entries, in minor units.</summary>
    public static async Task<long> Balance(FolioBooks db, Guid customerId, string currency, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        return await db.CreditTransactions
            .Where(t => t.CustomerId == customerId && t.Currency == currency)
            .SumAsync(t => (long?)t.Amount, cancellationToken) ?? 0;
    }

    /// <summary>The credit balances of several customers, every currency, in one query: (customer, currency) to minor units; none held, no entry.</summary>
    public static async Task<Dictionary<(Guid CustomerId, string Currency), long>> Balances(FolioBooks db, IReadOnlyCollection<Guid> customerIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var sums = await db.CreditTransactions
            .Where(t => EF.Parameter(customerIds).Contains(t.CustomerId))
            .GroupBy(t => new { t.CustomerId, t.Currency })
            .Select(g => new { g.Key.CustomerId, g.Key.Currency, Amount = g.Sum(t => t.Amount) })
            .ToListAsync(cancellationToken);
        return sums.ToDictionary(s => (s.CustomerId, s.Currency), s => s.Amount);
    }

    /// <summary>A grant or adjustment by the seller; the balance is read and written in one transaction so it never goes below zero.</summary>
    public static Task<Outcome<CreditTransaction>> RecordManualEntry(FolioDb db, TimeProvider clock, Guid customerId, CreateBalanceTransactionRequest request, CancellationToken cancellationToken) =>
        db.InTransaction<CreditTransaction>(async () =>
        {
            await db.LockCustomer(customerId, cancellationToken);
            if (!await db.Customers.AnyAsync(c => c.Id == customerId, cancellationToken))
            {
                return Outcome<CreditTransaction>.NotFound("customer_not_found");
            }

            if (!Currency.TryGet(request.Currency, out _))
            {
                return RuleViolation.Invalid("currency", "invalid_currency", "currency is an active ISO 4217 code in capitals.");
            }

            if (request.Description is { Length: > 500 })
            {
                return RuleViolation.Invalid("description", "invalid_description", "description is at most 500 characters.");
            }

            var balance = await Balance(db, customerId, request.Currency, cancellationToken);
            if (CreditTransaction.CheckManualEntry(request.Type, request.Amount, balance) is { } violation)
            {
                return violation;
            }

            var entry = new CreditTransaction(clock.NewId(), customerId, request.Currency, request.Amount, request.Type, request.Description, clock.GetUtcNow());
            db.CreditTransactions.Add(entry);
            return entry;
        }, cancellationToken);
}
