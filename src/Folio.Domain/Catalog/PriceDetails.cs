namespace Folio.Domain.Catalog;

/// <summary>
/// The editable facts about a price: how people and programs refer to it. <see cref="LookupKey"/> finds the price a
/// program should use ("pro_monthly") without storing its id, and moves to the replacement when prices change.
/// </summary>
public sealed record PriceDetails(string? Nickname, string? LookupKey, IReadOnlyDictionary<string, string> Metadata)
{
    public const int MaxNicknameLength = 200;
    public const int MaxLookupKeyLength = 200;

    public IEnumerable<RuleViolation> Validate()
    {
        if (Nickname is not null && (string.IsNullOrWhiteSpace(Nickname) || Nickname.Length > MaxNicknameLength))
        {
            yield return RuleViolation.Invalid("nickname", "invalid_nickname", $"nickname is 1 to {MaxNicknameLength} characters, not only spaces.");
        }

        if (LookupKey is not null && (LookupKey.Length is 0 or > MaxLookupKeyLength || LookupKey.Any(char.IsWhiteSpace)))
        {
            yield return RuleViolation.Invalid("lookup_key", "invalid_lookup_key", $"lookup_key is 1 to {MaxLookupKeyLength} characters without spaces, such as pro_monthly.");
        }

        foreach (var violation in MetadataRules.Validate(Metadata))
        {
            yield return violation;
        }
    }
}
