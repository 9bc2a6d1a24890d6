namespace Folio.Domain.Payments;

/// <summary>Money received against an invoice. <see cref="CreditedToBalance"/> is the part above what was owed, kept as customer credit.</summary>
public sealed class Payment
{
    public static readonly IReadOnlySet<string> Methods = new HashSet<string>(StringComparer.Ordinal)
    {
        "bank_transfer", "card", "cash", "check", "direct_debit", "other",
    };

    private Payment()
    {
        Currency = string.Empty;
        Method = string.Empty;
    }

    public Payment(Guid id, Guid invoiceId, Guid customerId, string currency, long amount, long creditedToBalance, string method, string? reference, DateTimeOffset receivedAt, DateTimeOffset createdAt)
    {
        Id = id;
        InvoiceId = invoiceId;
        CustomerId = customerId;
        Currency = currency;
        Amount = amount;
        CreditedToBalance = creditedToBalance;
        Method = method;
        Reference = reference;
        ReceivedAt = receivedAt;
        CreatedAt = createdAt;
    }

    public Guid Id { get; private set; }
    public Guid InvoiceId { get; private set; }
    public Guid CustomerId { get; private set; }
    public string Currency { get; private set; }

    /// <summary>Everything received, in minor units.</summary>
    public long Amount { get; private set; }

    public long CreditedToBalance { get; private set; }

    public long AppliedToInvoice => Amount - CreditedToBalance;

    public string Method { get; private set; }
    public string? Reference { get; private set; }
    public DateTimeOffset ReceivedAt { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }

    public static IEnumerable<RuleViolation> ValidateDetails(string method, string? reference)
    {
        if (!Methods.Contains(method))
        {
            yield return RuleViolation.Invalid("method", "invalid_method", $"method is one of: {string.Join(", ", Methods.Order(StringComparer.Ordinal))}.");
        }

        if (reference is { Length: > 200 })
        {
            yield return RuleViolation.Invalid("reference", "invalid_reference", "reference is at most 200 characters.");
        }
    }
}
