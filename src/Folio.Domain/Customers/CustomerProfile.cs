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
    public const int MaxMetadataEntries = 50;

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

        if (Metadata is not null)
        {
            if (Metadata.Count > MaxMetadataEntries)
            {
                yield return RuleViolation.Invalid("metadata", "invalid_metadata", $"metadata holds at most {MaxMetadataEntries} entries.");
            }

            foreach (var (key, value) in Metadata)
            {
                if (key.Length is 0 or > 40 || value is null || value.Length > 500)
                {
                    yield return RuleViolation.Invalid($"metadata.{key}", "invalid_metadata", "metadata keys are 1 to 40 characters and values are strings of at most 500.");
                }
            }
        }
    }
}
