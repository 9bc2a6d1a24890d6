namespace Folio.Domain.Customers;

/// <summary>Whether the seller serves the customer: a suspended account keeps its books but, for instance, no new usage.</summary>
public enum AccountStatus
{
    Active,
    Suspended,
}
