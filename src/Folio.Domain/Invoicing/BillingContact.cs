using Folio.Domain.Customers;

namespace Folio.Domain.Invoicing;

/// <summary>Who an invoice is addressed to, copied from the customer when it is finalized so that it never changes afterwards.</summary>
public sealed record BillingContact
{
    public static BillingContact None { get; } = new();

    public string? Name { get; init; }
    public string? Company { get; init; }
    public string? Email { get; init; }
    public string? Phone { get; init; }
    public Address Address { get; init; } = Address.Empty;

    public static BillingContact Of(Customer customer)
    {
        ArgumentNullException.ThrowIfNull(customer);
        return new() { Name = customer.Name, Company = customer.Company, Email = customer.Email, Phone = customer.Phone, Address = customer.Address };
    }
}
