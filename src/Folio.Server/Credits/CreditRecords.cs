using Folio.Domain.Credits;

namespace Folio.Credits;

/// <summary>A manual ledger entry: a grant (positive) or an adjustment (either sign; never below a zero balance).</summary>
public sealed record CreateBalanceTransactionRequest(long Amount, string Currency, CreditTransactionType Type, string? Description = null);

public sealed record BalanceTransactionResponse(
    Guid Id,
    Guid CustomerId,
    string Currency,
    long Amount,
    CreditTransactionType Type,
    string? Description,
    Guid? InvoiceId,
    Guid? PaymentId,
    DateTimeOffset CreatedAt)
{
    public static BalanceTransactionResponse From(CreditTransaction entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return new(entry.Id, entry.CustomerId, entry.Currency, entry.Amount, entry.Type, entry.Description, entry.InvoiceId, entry.PaymentId, entry.CreatedAt);
    }
}

public sealed record CurrencyBalance(string Currency, long Amount);

/// <summary>A customer's credit, one balance per currency, in minor units.</summary>
public sealed record CustomerBalanceResponse(Guid CustomerId, IReadOnlyList<CurrencyBalance> Balances);
