using System.Globalization;

namespace Folio.Bench.Seed;

/// <summary>
/// A seeded customer: an organization, or a user of one. <see cref="OrganizationId"/> is the organization billed for its
/// invoices (its own id for an organization), and the contact fields are what finalization copies onto an invoice.
/// </summary>
internal sealed record SeedCustomer(
    Guid Id,
    bool IsUser,
    Guid OrganizationId,
    int Number,
    string Currency,
    string Name,
    string? Company,
    string Email,
    string? Phone,
    SeedAddress? Address)
{
    public string Kind => IsUser ? "user" : "organization";
}

internal sealed record SeedAddress(string Line1, string City, string? Region, string PostalCode, string Country);

/// <summary>
/// Builds the customers: organizations with zero to two users each, so that an organization's invoices are its own and
/// its users'. Users share their organization's currency and domain and have no postal address of their own.
/// </summary>
internal static class SeedCustomers
{
    private static readonly string[] Cities = ["Brooklyn", "Berlin", "Tokyo", "Lyon", "Austin", "Osaka", "Hamburg", "Seattle"];

    private static readonly string[] FirstNames = ["Ada", "Lin", "Jonas", "Mei", "Sam", "Noor", "Kenji", "Lena", "Omar", "Ines"];

    private static readonly string[] LastNames = ["Park", "Okafor", "Brandt", "Tanaka", "Rivera", "Haddad", "Moreau", "Keller"];

    public static SeedCustomer Organization(Guid id, int number, string currency)
    {
        var (country, region) = currency switch
        {
            "USD" => ("US", "NY"),
            "EUR" => ("DE", null),
            _ => ("JP", "Tokyo"),
        };
        var name = string.Create(CultureInfo.InvariantCulture, $"Bench Organization {number:0000}");
        var address = new SeedAddress(
            string.Create(CultureInfo.InvariantCulture, $"{(number % 200) + 1} Main Street"),
            Cities[number % Cities.Length],
            region,
            string.Create(CultureInfo.InvariantCulture, $"{10000 + number}"),
            country);
        return new SeedCustomer(id, false, id, number, currency, name, name + " Ltd.", "billing@" + Domain(number),
            number % 3 == 0 ? string.Create(CultureInfo.InvariantCulture, $"+1212555{number % 10000:0000}") : null, address);
    }

    public static SeedCustomer User(Guid id, int number, SeedCustomer organization)
    {
        var first = FirstNames[number % FirstNames.Length];
        var last = LastNames[number / FirstNames.Length % LastNames.Length];
        return new SeedCustomer(id, true, organization.Id, number, organization.Currency, $"{first} {last}", organization.Company,
            string.Create(CultureInfo.InvariantCulture, $"{first.ToLowerInvariant()}.{number:0000}@{Domain(organization.Number)}"),
            number % 4 == 0 ? string.Create(CultureInfo.InvariantCulture, $"+1646555{number % 10000:0000}") : null, null);
    }

    public static string Domain(int organizationNumber) => string.Create(CultureInfo.InvariantCulture, $"org{organizationNumber:0000}.bench.example");
}
