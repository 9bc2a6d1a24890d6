namespace Folio.Domain.Connections;

/// <summary>
/// Where an invoice's books are kept. Every seller has Folio's own ledger; connections to payment providers (Stripe, …)
/// come later, and the invoices they pull carry the provider's id and the time of the pull.
/// </summary>
public sealed class BillingConnection
{
    /// <summary>The ledger's id is the same in every installation, so that nothing needs to look it up.</summary>
    public static readonly Guid LedgerId = new("01000000-0000-7000-8000-000000000001");

    private BillingConnection()
    {
        Type = string.Empty;
        DisplayName = string.Empty;
        State = string.Empty;
    }

    public Guid Id { get; private set; }

    /// <summary><c>FOLIO</c> for the ledger; a provider's name (<c>STRIPE</c>) for a provider connection.</summary>
    public string Type { get; private set; }

    public string DisplayName { get; private set; }

    /// <summary><c>ACTIVE</c> while the connection keeps books.</summary>
    public string State { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public static BillingConnection Ledger(DateTimeOffset now) =>
        new() { Id = LedgerId, Type = "FOLIO", DisplayName = "Folio ledger", State = "ACTIVE", CreatedAt = now, UpdatedAt = now };
}
