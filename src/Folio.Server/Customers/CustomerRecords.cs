using Folio.Domain.Customers;

namespace Folio.Customers;

public sealed record AddressRequest(
    string? Line1 = null,
    string? Line2 = null,
    string? City = null,
    string? Region = null,
    string? PostalCode = null,
    string? Country = null)
{
    public Address ToAddress() => new(Blank(Line1), Blank(Line2), Blank(City), Blank(Region), Blank(PostalCode), Blank(Country));

    /// <summary>A field left out keeps its value; "" clears it.</summary>
    public Address MergeInto(Address current)
    {
        ArgumentNullException.ThrowIfNull(current);
        return new(Merge(Line1, current.Line1), Merge(Line2, current.Line2), Merge(City, current.City), Merge(Region, current.Region), Merge(PostalCode, current.PostalCode), Merge(Country, current.Country));
    }

    internal static string? Blank(string? value) => string.IsNullOrEmpty(value) ? null : value;

    internal static string? Merge(string? update, string? current) => update is null ? current : Blank(update);
}

/// <summary>A new customer. A user may name the organization it belongs to; that cannot change later.</summary>
public sealed record CreateCustomerRequest(
    CustomerKind Kind,
    string Name,
    Guid? OrganizationId = null,
    string? Company = null,
    string? Email = null,
    string? Phone = null,
    AddressRequest? Address = null,
    string? TaxId = null,
    string? PurchaseOrder = null,
    string? ExternalId = null,
    Dictionary<string, string>? Metadata = null)
{
    public CustomerProfile ToProfile() => new(
        Name, AddressRequest.Blank(Company), AddressRequest.Blank(Email), AddressRequest.Blank(Phone), Address?.ToAddress() ?? Domain.Customers.Address.Empty,
        AddressRequest.Blank(TaxId), AddressRequest.Blank(PurchaseOrder), AddressRequest.Blank(ExternalId), Metadata ?? []);
}

/// <summary>A partial update: a field left out keeps its value, "" clears it; metadata keys merge, and a key set to "" is removed.</summary>
public sealed record UpdateCustomerRequest(
    string? Name = null,
    string? Company = null,
    string? Email = null,
    string? Phone = null,
    AddressRequest? Address = null,
    string? TaxId = null,
    string? PurchaseOrder = null,
    string? ExternalId = null,
    Dictionary<string, string>? Metadata = null)
{
    public CustomerProfile MergeInto(CustomerProfile current)
    {
        ArgumentNullException.ThrowIfNull(current);
        var metadata = new Dictionary<string, string>(current.Metadata, StringComparer.Ordinal);
        foreach (var (key, value) in Metadata ?? [])
        {
            if (string.IsNullOrEmpty(value))
            {
                metadata.Remove(key);
            }
            else
            {
                metadata[key] = value;
            }
        }

        return new CustomerProfile(
            Name ?? current.Name,
            AddressRequest.Merge(Company, current.Company),
            AddressRequest.Merge(Email, current.Email),
            AddressRequest.Merge(Phone, current.Phone),
            Address?.MergeInto(current.Address) ?? current.Address,
            AddressRequest.Merge(TaxId, current.TaxId),
            AddressRequest.Merge(PurchaseOrder, current.PurchaseOrder),
            AddressRequest.Merge(ExternalId, current.ExternalId),
            metadata);
    }
}

public sealed record AddressResponse(string? Line1, string? Line2, string? City, string? Region, string? PostalCode, string? Country);

public sealed record CustomerResponse(
    Guid Id,
    CustomerKind Kind,
    Guid? OrganizationId,
    string Name,
    string? Company,
    string? Email,
    string? Phone,
    AddressResponse Address,
    string? TaxId,
    string? PurchaseOrder,
    string? ExternalId,
    IReadOnlyDictionary<string, string> Metadata,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? ArchivedAt)
{
    public static CustomerResponse From(Customer customer)
    {
        ArgumentNullException.ThrowIfNull(customer);
        var a = customer.Address;
        return new CustomerResponse(
            customer.Id, customer.Kind, customer.OrganizationId, customer.Name, customer.Company, customer.Email, customer.Phone,
            new AddressResponse(a.Line1, a.Line2, a.City, a.Region, a.PostalCode, a.Country),
            customer.TaxId, customer.PurchaseOrder, customer.ExternalId, customer.Metadata, customer.CreatedAt, customer.UpdatedAt, customer.ArchivedAt);
    }
}
