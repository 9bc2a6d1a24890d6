namespace Folio.Domain.Customers;

/// <summary>A postal address; <see cref="Country"/> is an ISO 3166-1 alpha-2 code.</summary>
public sealed record Address(string? Line1, string? Line2, string? City, string? Region, string? PostalCode, string? Country)
{
    public static readonly Address Empty = new(null, null, null, null, null, null);

    public IEnumerable<RuleViolation> Validate(string prefix)
    {
        foreach (var (name, value) in new[] { ("line1", Line1), ("line2", Line2), ("city", City), ("region", Region), ("postal_code", PostalCode) })
        {
            if (value is { Length: > 200 })
            {
                yield return RuleViolation.Invalid($"{prefix}.{name}", "invalid_address", $"{name} is at most 200 characters.");
            }
        }

        if (Country is not null && !Countries.IsKnown(Country))
        {
            yield return RuleViolation.Invalid($"{prefix}.country", "invalid_country", "country is an ISO 3166-1 alpha-2 code in capitals, such as US, DE or JP.");
        }
    }
}
