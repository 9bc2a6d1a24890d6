namespace Folio.Catalog;

/// <summary>How the catalog's optional text fields read from a request: "" is no value, and in a patch it clears one.</summary>
internal static class TextFields
{
    public static string? Blank(string? value) => string.IsNullOrEmpty(value) ? null : value;

    /// <summary>A field left out keeps its value; "" clears it.</summary>
    public static string? Merge(string? update, string? current) => update is null ? current : Blank(update);
}
