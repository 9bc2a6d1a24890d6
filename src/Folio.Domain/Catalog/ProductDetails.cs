namespace Folio.Domain.Catalog;

/// <summary>The editable facts about a product: what the seller calls it.</summary>
public sealed record ProductDetails(string Name, string? Description, IReadOnlyDictionary<string, string> Metadata)
{
    public const int MaxNameLength = 200;
    public const int MaxDescriptionLength = 2000;

    public IEnumerable<RuleViolation> Validate()
    {
        if (string.IsNullOrWhiteSpace(Name) || Name.Trim().Length > MaxNameLength)
        {
            yield return RuleViolation.Invalid("name", "invalid_name", $"name is required, at most {MaxNameLength} characters.");
        }

        if (Description is { Length: > MaxDescriptionLength })
        {
            yield return RuleViolation.Invalid("description", "invalid_description", $"description is at most {MaxDescriptionLength} characters.");
        }

        foreach (var violation in MetadataRules.Validate(Metadata))
        {
            yield return violation;
        }
    }
}
