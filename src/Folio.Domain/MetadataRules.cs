namespace Folio.Domain;

/// <summary>The seller's own key-value notes on an object (a customer, a product, a price): Folio stores them and never reads them.</summary>
public static class MetadataRules
{
    public const int MaxEntries = 50;
    public const int MaxKeyLength = 40;
    public const int MaxValueLength = 500;

    public static IEnumerable<RuleViolation> Validate(IReadOnlyDictionary<string, string>? metadata, string field = "metadata")
    {
        if (metadata is null)
        {
            yield break;
        }

        if (metadata.Count > MaxEntries)
        {
            yield return RuleViolation.Invalid(field, "invalid_metadata", $"{field} holds at most {MaxEntries} entries.");
        }

        foreach (var (key, value) in metadata)
        {
            if (key.Length is 0 or > MaxKeyLength || value is null || value.Length > MaxValueLength)
            {
                yield return RuleViolation.Invalid($"{field}.{key}", "invalid_metadata", $"{field} keys are 1 to {MaxKeyLength} characters and values are strings of at most {MaxValueLength}.");
            }
        }
    }

    /// <summary>A partial update: keys merge into <paramref name="current"/>, and a key set to "" is removed.</summary>
    public static Dictionary<string, string> Merge(IReadOnlyDictionary<string, string> current, IReadOnlyDictionary<string, string>? update)
    {
        ArgumentNullException.ThrowIfNull(current);
        var merged = new Dictionary<string, string>(current, StringComparer.Ordinal);
        foreach (var (key, value) in update ?? new Dictionary<string, string>())
        {
            if (string.IsNullOrEmpty(value))
            {
                merged.Remove(key);
            }
            else
            {
                merged[key] = value;
            }
        }

        return merged;
    }
}
