namespace Folio.Domain.Customers;

/// <summary>The editable facts about a customer: who to bill and where.</summary>
public sealed record CustomerProfile(
    string Name,
    string? Company,
    string? Email,
    string? Phone,
    Address Address,
    string? TaxId,
    string? PurchaseOrder,
    string? ExternalId,
    IReadOnlyDictionary<string, string> Metadata)
{
    public const int MaxMetadataEntries = MetadataRules.MaxEntries;

    public IEnumerable<RuleViolation> Validate()
    {
        if (string.IsNullOrWhiteSpace(Name) || Name.Length > 200)
        {
            yield return RuleViolation.Invalid("name", "invalid_name", "name is required, at most 200 characters.");
        }

        foreach (var (field, value, max) in new[] { ("company", Company, 200), ("phone", Phone, 40), ("tax_id", TaxId, 64), ("purchase_order", PurchaseOrder, 100), ("external_id", ExternalId, 200) })
        {
            if (value is not null && value.Length > max)
            {
                yield return RuleViolation.Invalid(field, $"invalid_{field}", $"{field} is at most {max} characters.");
            }
        }

        if (Email is not null && !BillingSettings.IsEmail(Email))
        {
            yield return RuleViolation.Invalid("email", "invalid_email", "email is not a valid e-mail address.");
        }

        foreach (var violation in (Address ?? Address.Empty).Validate("address"))
        {
            yield return violation;
        }

        foreach (var violation in MetadataRules.Validate(Metadata))
        {
            yield return violation;
        }
    }
}
