using System.Net;
using System.Text.Json;
using Folio.Tests.Support;

namespace Folio.Tests.Fuzzing;

public sealed record OpenApiParameter(string Name, string In, bool Required, JsonElement Schema);

/// <summary>One operation of the document: a method on a path template, its parameters and its JSON body's schema.</summary>
public sealed record OpenApiOperation(string Method, string Path, IReadOnlyList<OpenApiParameter> Parameters, JsonElement? Body)
{
    public string Key => $"{Method} {Path}";

    public bool IsRead => Method is "GET" or "HEAD";

    public IEnumerable<OpenApiParameter> In(string location) => Parameters.Where(p => p.In == location);

    public override string ToString() => Key;
}

/// <summary>The operations of the OpenAPI document Folio serves, with their schemas' references resolved on demand.</summary>
public sealed class OpenApiOperations
{
    public const string DocumentPath = "/openapi/v1.json";

    // The document itself and the API reference page describe the API; they are not part of it.
    private static readonly string[] NotFuzzed = ["/openapi/", "/docs"];

    private static readonly string[] Methods = ["get", "put", "post", "delete", "patch", "head", "options"];

    private readonly JsonElement _schemas;
    private readonly Dictionary<string, IReadOnlyList<string>> _enums = [];

    private OpenApiOperations(JsonElement document)
    {
        _schemas = document.GetProperty("components").GetProperty("schemas");
        var operations = new List<OpenApiOperation>();
        foreach (var path in document.GetProperty("paths").EnumerateObject())
        {
            if (NotFuzzed.Any(prefix => path.Name.StartsWith(prefix, StringComparison.Ordinal)))
            {
                continue;
            }

            var shared = Parameters(path.Value).ToList();
            foreach (var operation in path.Value.EnumerateObject().Where(o => Methods.Contains(o.Name)))
            {
                var parameters = Parameters(operation.Value).ToList();
                parameters.AddRange(shared.Where(s => !parameters.Any(p => p.Name == s.Name && p.In == s.In)));
                operations.Add(new OpenApiOperation(operation.Name.ToUpperInvariant(), path.Name, parameters, Body(operation.Value)));
            }
        }

        All = operations;
    }

    public IReadOnlyList<OpenApiOperation> All { get; }

    public static async Task<OpenApiOperations> Read(HttpClient client)
    {
        var document = await client.GetAsync(new Uri(DocumentPath, UriKind.Relative)).Expect(HttpStatusCode.OK);
        return new OpenApiOperations(document);
    }

    /// <summary>The schema itself, or the component it refers to (#/components/schemas/…), followed to the end.</summary>
    public JsonElement Resolve(JsonElement schema)
    {
        while (schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("$ref", out var reference))
        {
            const string Prefix = "#/components/schemas/";
            var target = reference.GetString()!;
            Assert.StartsWith(Prefix, target);
            schema = _schemas.GetProperty(target[Prefix.Length..]);
        }

        return schema;
    }

    /// <summary>
    /// The values of every enumeration among the components whose name ends with <paramref name="suffix"/> (a query
    /// parameter "status" takes the values of InvoiceStatus, SubscriptionStatus…): query parameters are documented as
    /// plain strings, and this is the closest the document comes to saying what they take.
    /// </summary>
    public IReadOnlyList<string> EnumValuesNamed(string suffix)
    {
        if (!_enums.TryGetValue(suffix, out var values))
        {
            _enums[suffix] = values = [.. _schemas.EnumerateObject()
                .Where(s => s.Name.EndsWith(suffix, StringComparison.OrdinalIgnoreCase) && s.Value.TryGetProperty("enum", out _))
                .SelectMany(s => s.Value.GetProperty("enum").EnumerateArray().Select(v => v.GetString()!))
                .Distinct()];
        }

        return values;
    }

    /// <summary>The types a schema allows: "type" as a string or a list ("null" among them for a nullable one).</summary>
    public static IReadOnlyList<string> Types(JsonElement schema) =>
        !schema.TryGetProperty("type", out var type) ? []
        : type.ValueKind == JsonValueKind.Array ? [.. type.EnumerateArray().Select(t => t.GetString()!)]
        : [type.GetString()!];

    public static string? Format(JsonElement schema) => schema.TryGetProperty("format", out var format) ? format.GetString() : null;

    private static IEnumerable<OpenApiParameter> Parameters(JsonElement item) =>
        item.TryGetProperty("parameters", out var parameters)
            ? parameters.EnumerateArray().Select(p => new OpenApiParameter(
                p.GetProperty("name").GetString()!,
                p.GetProperty("in").GetString()!,
                p.TryGetProperty("required", out var required) && required.GetBoolean(),
                p.TryGetProperty("schema", out var schema) ? schema : default))
            : [];

    private static JsonElement? Body(JsonElement operation) =>
        operation.TryGetProperty("requestBody", out var body) && body.GetProperty("content").TryGetProperty("application/json", out var json)
            ? json.GetProperty("schema")
            : null;
}
