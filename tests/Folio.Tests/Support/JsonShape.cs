using System.Text.Json;

namespace Folio.Tests.Support;

/// <summary>
/// Compares a live response with a seed's example by field names and JSON types, recursively: every field of the example
/// must be present with the same type (arrays compare their first element). A field may be null only where the example
/// shows null or where the caller names it (a fact Folio does not hold yet). Extra fields in the response are allowed.
/// </summary>
public static class JsonShape
{
    public static JsonElement Fixture(string name)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Dialects", "Fixtures", name)));
        return document.RootElement.Clone();
    }

    /// <summary>The differences, as "path: expected X, got Y"; empty when the shapes agree.</summary>
    public static List<string> Differences(JsonElement expected, JsonElement actual, IReadOnlySet<string>? nullable = null)
    {
        var differences = new List<string>();
        Compare("$", expected, actual, nullable ?? new HashSet<string>(), differences);
        return differences;
    }

    public static void AssertSameShape(JsonElement expected, JsonElement actual, params string[] nullable)
    {
        var differences = Differences(expected, actual, new HashSet<string>(nullable, StringComparer.Ordinal));
        Assert.True(differences.Count == 0, "The response differs from the seed's example:\n" + string.Join("\n", differences));
    }

    private static void Compare(string path, JsonElement expected, JsonElement actual, IReadOnlySet<string> nullable, List<string> differences)
    {
        if (actual.ValueKind == JsonValueKind.Null && (expected.ValueKind == JsonValueKind.Null || nullable.Contains(Name(path))))
        {
            return;
        }

        if (expected.ValueKind == JsonValueKind.Null)
        {
            // The example shows null: any type is accepted (the seed does not say which).
            return;
        }

        if (Kind(expected) != Kind(actual))
        {
            differences.Add($"{path}: expected {Kind(expected)}, got {Kind(actual)}");
            return;
        }

        switch (expected.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in expected.EnumerateObject())
                {
                    if (!actual.TryGetProperty(property.Name, out var value))
                    {
                        differences.Add($"{path}.{property.Name}: missing");
                        continue;
                    }

                    Compare($"{path}.{property.Name}", property.Value, value, nullable, differences);
                }

                break;
            case JsonValueKind.Array:
                if (expected.GetArrayLength() > 0)
                {
                    if (actual.GetArrayLength() == 0)
                    {
                        differences.Add($"{path}: expected a non-empty array to compare its elements");
                        break;
                    }

                    foreach (var element in actual.EnumerateArray())
                    {
                        Compare($"{path}[]", expected[0], element, nullable, differences);
                    }
                }

                break;
        }
    }

    private static string Name(string path) => path[(path.LastIndexOf('.') + 1)..];

    private static string Kind(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.True or JsonValueKind.False => "boolean",
        _ => element.ValueKind.ToString().ToLowerInvariant(),
    };
}
