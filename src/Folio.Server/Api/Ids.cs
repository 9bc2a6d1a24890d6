namespace Folio.Api;

public static class Ids
{
    /// <summary>Ids in paths are parsed by hand so that a malformed one is the same 404 as an unknown one.</summary>
    public static Guid? Parse(string? text) => Guid.TryParse(text, out var id) ? id : null;
}
