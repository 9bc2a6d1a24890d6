namespace Folio.Domain.Credits;

/// <summary>One entry of a customer's credit ledger in one currency; the balance is the sum of the entries.</summary>
public sealed class CreditTransaction
{
    private CreditTransaction()
    {
        Currency = string.Empty;
    }

    public CreditTransaction(Guid id, Guid customerId, string currency, long amount, CreditTransactionType type, string? description, DateTimeOffset createdAt, Guid? invoiceId = null, Guid? paymentId = null)
    {
        Id = id;
        CustomerId = customerId;
        Currency = currency;
        Amount = amount;
        Type = type;
        Description = description;
        CreatedAt = createdAt;
        InvoiceId = invoiceId;
        PaymentId = paymentId;
    }

    public Guid Id { get; private set; }
    public Guid CustomerId { get; private set; }
    public string Currency { get; private set; }

    /// <summary>Positive adds credit, negative uses it; minor units.</summary>
    public long Amount { get; private set; }

    public CreditTransactionType Type { get; private set; }
    public string? Description { get; private set; }
    public Guid? InvoiceId { get; private set; }
    public Guid? PaymentId { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>The rule for a manual entry: a grant adds credit, and no entry may take the balance below zero.</summary>
    public static RuleViolation? CheckManualEntry(CreditTransactionType type, long amount, long currentBalance)
    {
        if (type is not (CreditTransactionType.Grant or CreditTransactionType.Adjustment))
        {
            return RuleViolation.Invalid("type", "invalid_type", "type is grant or adjustment; the other entries are written by invoices and payments.");
        }

        if (amount == 0 || (type == CreditTransactionType.Grant && amount < 0))
        {
            return RuleViolation.Invalid("amount", "invalid_amount", "amount is a non-zero number of minor units, positive for a grant.");
        }

        if (amount > 0 && currentBalance > long.MaxValue - amount)
        {
            return RuleViolation.Invalid("amount", "invalid_amount", "amount would take the balance beyond what can be represented.");
        }

        if (currentBalance + amount < 0)
        {
            return RuleViolation.Unprocessable("insufficient_balance", $"The balance is {currentBalance}; this entry would take it below zero.", "amount");
        }

        return null;
    }
}
