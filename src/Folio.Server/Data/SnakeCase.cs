using System.Text.Json;

namespace Folio.Data;

public static class SnakeCase
{
    public static string From(string name) => JsonNamingPolicy.SnakeCaseLower.ConvertName(name);
}
