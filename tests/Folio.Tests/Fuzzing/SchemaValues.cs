using System.Globalization;
using System.Text.Json;
using Folio.Domain.Payments;
using FsCheck;
using FsCheck.Fluent;

namespace Folio.Tests.Fuzzing;

/// <summary>
/// Generates values from the document's schemas, as JSON text written by hand (so that it can hold what a serializer
/// would refuse to write). A valid value follows the schema's type and format, and the field's name where the schema
/// says no more than "string" (an email, a currency); ids come from the pools of real objects. A spoiled value is a
/// valid one with exactly one thing wrong, at any depth: a wrong type, an extreme number, awkward text, a null inside a
/// list, a missing required field or an unknown one. Everything else stays valid, so the server reads as far as the fault.
/// </summary>
public sealed class SchemaValues(OpenApiOperations document, IdPools pools, DateTimeOffset now)
{
    private const int MaxDepth = 6;

    private static readonly string[] Currencies = ["USD", "USD", "EUR", "JPY", "BHD", "GBP"];
    private static readonly string[] Words = ["Service", "Consulting", "Pro plan", "Robot arm", "Support", "Hosting"];
    private static readonly string[] Int32Edges = ["0", "1", "-1", "2147483647", "-2147483648"];
    private static readonly string[] Int64Edges = ["0", "1", "-1", "2147483647", "9223372036854775807", "-9223372036854775808"];

    public Gen<string> Json(JsonElement schema, string name, bool spoiled, int depth = 0) =>
        spoiled ? Spoiled(schema, name, depth) : Valid(schema, name, depth);

    /// <summary>A value for a query or path parameter, unquoted: parameters are text whatever their schema says.</summary>
    public Gen<string> Text(JsonElement schema, string name)
    {
        schema = schema.ValueKind == JsonValueKind.Object ? document.Resolve(schema) : schema;
        if (schema.ValueKind != JsonValueKind.Object)
        {
            return Named(name);
        }

        if (schema.TryGetProperty("enum", out var values))
        {
            return Gen.Elements(values.EnumerateArray().Select(v => v.GetString()!).ToArray());
        }

        var format = OpenApiOperations.Format(schema);
        return (OpenApiOperations.Types(schema).FirstOrDefault(t => t != "null"), format) switch
        {
            (_, "uuid") => Id(IdPools.Resource(name)),
            (_, "date-time") or (null, null) => HostileValues.Timestamp(now),
            ("integer", _) => Integer(name, format),
            ("number", _) => Number(name),
            ("boolean", _) => Gen.Elements("true", "false"),
            _ => Named(name),
        };
    }

    /// <summary>
    /// A real id of the resource, a recent one more often than not: what was made lately is more likely to still be in a
    /// state that lets a request through (a draft, a customer not archived yet). A random UUID while none is known.
    /// </summary>
    public Gen<string> Id(string resource)
    {
        var ids = pools.Of(resource);
        return ids.Count == 0 ? HostileValues.Uuid.Select(id => id.ToString())
            : Gen.Frequency((1, Gen.Elements(ids.ToArray())), (1, Gen.Elements(ids.Skip(ids.Count - 8).ToArray())));
    }

    /// <summary>
    /// What may stand for a query parameter: the edges of a number for one that takes numbers (the largest int above all,
    /// where adding a page's size overflows), text for the others.
    /// </summary>
    public static Gen<string> BadText(JsonElement schema, string name) =>
        IsNumeric(schema, name)
            ? Gen.Frequency((4, Gen.Constant("2147483647")), (6, Gen.Elements("0", "-1", "2147483648", "9223372036854775807", "99999999999999999999")), (3, HostileValues.BadInteger), (1, HostileValues.Text))
            : Gen.Frequency((3, HostileValues.Text), (1, HostileValues.BadInteger), (1, HostileValues.BadTimestamp));

    private Gen<string> Valid(JsonElement schema, string name, int depth)
    {
        schema = document.Resolve(schema);
        if (schema.ValueKind != JsonValueKind.Object)
        {
            return Named(name).Select(RawText.Quote);
        }

        if (schema.TryGetProperty("enum", out var values))
        {
            return Gen.Elements(values.EnumerateArray().Select(v => v.GetRawText()).ToArray());
        }

        if (Alternatives(schema) is { } alternatives)
        {
            var present = alternatives.Where(a => !IsNull(a)).Select(a => Valid(a, name, depth)).ToList();
            return present.Count == 0 ? Gen.Constant("null")
                : present.Count < alternatives.Count ? Gen.Frequency((1, Gen.Constant("null")), (6, Gen.OneOf(present)))
                : Gen.OneOf(present);
        }

        var types = OpenApiOperations.Types(schema);
        var value = types.FirstOrDefault(t => t != "null") switch
        {
            "string" => Text(schema, name).Select(RawText.Quote),
            "integer" or "number" or "boolean" => Text(schema, name),
            "array" when depth < MaxDepth => Gen.Choose(0, 3).SelectMany(count => Item(schema, name, depth).ArrayOf(count)).Select(List),
            "object" when depth < MaxDepth => Fields(schema, depth, null, null),
            "array" => Gen.Constant("[]"),
            "object" => Gen.Constant("{}"),
            // No type at all ({}, or only a format): any JSON value; Folio's timestamps are documented so.
            _ => HostileValues.Timestamp(now).Select(RawText.Quote),
        };
        return types.Contains("null") ? Gen.Frequency((1, Gen.Constant("null")), (6, value)) : value;
    }

    private Gen<string> Spoiled(JsonElement schema, string name, int depth)
    {
        schema = document.Resolve(schema);
        var self = Hostile(schema, depth);
        if (depth >= MaxDepth || schema.ValueKind != JsonValueKind.Object)
        {
            return self;
        }

        if (Alternatives(schema) is { } alternatives && alternatives.Where(a => !IsNull(a)).Select(a => Later(() => Spoiled(a, name, depth))).ToList() is { Count: > 0 } present)
        {
            return Gen.Frequency((1, self), (4, Gen.OneOf(present)));
        }

        return OpenApiOperations.Types(schema).FirstOrDefault(t => t != "null") switch
        {
            "array" => Gen.Frequency((1, self), (5, Later(() => SpoiledList(schema, name, depth)))),
            "object" => Gen.Frequency((1, self), (8, Later(() => SpoiledObject(schema, depth)))),
            _ => self,
        };
    }

    /// <summary>Nulls among valid elements ({"domains":[null]}), one spoiled element, or more elements than any limit.</summary>
    private Gen<string> SpoiledList(JsonElement schema, string name, int depth)
    {
        var item = Item(schema, name, depth);
        var spoiledItem = schema.TryGetProperty("items", out var items) ? Later(() => Spoiled(items, name, depth + 1)) : Gen.Constant("null");
        return Gen.Frequency(
            (3, Insert(item, Gen.Constant("null"))),
            (3, Insert(item, spoiledItem)),
            (1, Gen.Choose(240, 300).SelectMany(count => item.ArrayOf(count)).Select(List)));

        static Gen<string> Insert(Gen<string> valid, Gen<string> odd) =>
            from count in Gen.Choose(0, 3)
            from elements in valid.ArrayOf(count)
            from at in Gen.Choose(0, count)
            from inserted in odd
            select List([.. elements[..at], inserted, .. elements[at..]]);
    }

    /// <summary>
    /// One field spoiled, a required one left out, or one the schema does not know added; the other fields valid. Each
    /// kind of fault has its share however many fields could take it: a scalar field's value, a list's or a nested
    /// object's insides (where {"domains":[null]} comes from), a missing field, an unknown one.
    /// </summary>
    private Gen<string> SpoiledObject(JsonElement schema, int depth)
    {
        var choices = new List<(int, Gen<string>)> { (1, Later(() => Fields(schema, depth, null, null).Select(AddUnknownField))) };
        if (schema.TryGetProperty("properties", out var properties))
        {
            var (composite, scalar) = properties.EnumerateObject().Select(p => p.Name).ToList() is var names
                ? (names.Where(n => IsComposite(properties.GetProperty(n))).ToArray(), names.Where(n => !IsComposite(properties.GetProperty(n))).ToArray())
                : default;
            if (scalar.Length > 0)
            {
                choices.Add((3, Gen.Elements(scalar).SelectMany(name => Fields(schema, depth, name, null))));
            }

            if (composite.Length > 0)
            {
                choices.Add((3, Gen.Elements(composite).SelectMany(name => Fields(schema, depth, name, null))));
            }

            if (Required(schema).ToArray() is { Length: > 0 } required)
            {
                choices.Add((1, Gen.Elements(required).SelectMany(name => Fields(schema, depth, null, name))));
            }
        }
        else if (schema.TryGetProperty("additionalProperties", out var map) && map.ValueKind == JsonValueKind.Object)
        {
            // A map such as metadata: an awkward key, a spoiled value, or more entries than it may hold.
            choices.Add((2, Gen.Zip(HostileValues.Text, Valid(map, "note", depth + 1)).Select(e => $"{{{RawText.Quote(e.Item1)}:{e.Item2}}}")));
            choices.Add((2, Spoiled(map, "note", depth + 1).Select(value => $"{{\"note\":{value}}}")));
            choices.Add((1, Gen.Choose(51, 60).Select(count => $"{{{string.Join(",", Enumerable.Range(0, count).Select(i => $"\"k{i}\":\"v\""))}}}")));
        }

        return Gen.Frequency(choices);
    }

    /// <summary>An object's fields, each required one present and each optional one now and then; one spoiled, one left out.</summary>
    private Gen<string> Fields(JsonElement schema, int depth, string? spoiled, string? left)
    {
        var required = Required(schema);
        var fields = new List<Gen<string?>>();
        if (schema.TryGetProperty("properties", out var properties))
        {
            foreach (var property in properties.EnumerateObject().Where(p => p.Name != left))
            {
                var value = property.Value;
                var field = Later(() => Json(value, property.Name, property.Name == spoiled, depth + 1)).Select(v => (string?)$"{RawText.Quote(property.Name)}:{v}");
                fields.Add(required.Contains(property.Name) || property.Name == spoiled ? field : Gen.Frequency((1, field), (2, Gen.Constant<string?>(null))));
            }
        }
        else if (schema.TryGetProperty("additionalProperties", out var map) && map.ValueKind == JsonValueKind.Object)
        {
            fields.Add(Gen.Choose(0, 3).SelectMany(count => Valid(map, "note", depth + 1).ArrayOf(count))
                .Select(values => (string?)string.Join(",", values.Select((v, i) => $"\"note_{i}\":{v}"))));
        }

        return Gen.CollectToArray(fields).Select(parts => $"{{{string.Join(",", parts.Where(p => !string.IsNullOrEmpty(p)))}}}");
    }

    /// <summary>A generator built only when it is drawn from: most alternatives of a spoiled object never are.</summary>
    private static Gen<string> Later(Func<Gen<string>> build) => Gen.Constant(build).SelectMany(b => b());

    private static string AddUnknownField(string json) => json.Length == 2 ? "{\"unknown_field\":1}" : json.Insert(1, "\"unknown_field\":1,");

    private Gen<string> Item(JsonElement schema, string name, int depth) =>
        schema.TryGetProperty("items", out var items) ? Valid(items, name, depth + 1) : Gen.Constant("1");

    /// <summary>The value as a whole replaced: the wrong type, or the worst of its own type.</summary>
    private static Gen<string> Hostile(JsonElement schema, int depth)
    {
        var types = schema.ValueKind == JsonValueKind.Object ? OpenApiOperations.Types(schema) : [];
        var format = schema.ValueKind == JsonValueKind.Object ? OpenApiOperations.Format(schema) : null;
        var wrongType = Gen.Elements("null", "true", "0", "\"\"", "{}", "[]", "\"text\"", "[null]", "{\"\":null}", "-1", "\"2026-03-02T09:00:00Z\"");
        var ofItsType = (types.FirstOrDefault(t => t != "null"), format) switch
        {
            (_, "uuid") => HostileValues.BadId.Select(RawText.Quote),
            ("integer" or "number", _) => Gen.Frequency((4, HostileValues.Number), (1, HostileValues.Number.Select(RawText.Quote))),
            ("string", _) => HostileValues.Text.Select(RawText.Quote),
            ("array", _) => Gen.Elements("[null]", "[[]]", "[{}]", "[null,null]", "[\"\"]"),
            ("object", _) => Gen.Elements("{}", "{\"unknown_field\":null}", "{\"\":{}}"),
            ("boolean", _) => Gen.Elements("\"true\"", "1", "\"yes\""),
            _ when depth < MaxDepth => Gen.OneOf(HostileValues.BadTimestamp.Select(RawText.Quote), HostileValues.Number, HostileValues.Text.Select(RawText.Quote)),
            _ => HostileValues.BadTimestamp.Select(RawText.Quote),
        };
        return Gen.Frequency((3, ofItsType), (1, wrongType));
    }

    /// <summary>Valid-looking text for a field the schema types only as "string", by what its name says it holds.</summary>
    private Gen<string> Named(string name)
    {
        var n = Gen.Choose(1, 99);
        return name switch
        {
            _ when name.Contains("email", StringComparison.OrdinalIgnoreCase) => n.Select(i => $"ops{i}@acme.example"),
            _ when name.Contains("currency", StringComparison.OrdinalIgnoreCase) => Gen.Elements(Currencies),
            _ when name.Contains("url", StringComparison.OrdinalIgnoreCase) => n.Select(i => $"https://acme.example/hooks/{i}"),
            _ when IsNumeric(default, name) => Integer(name, null),
            "country" => Gen.Elements("US", "DE", "FR", "JP", "GB"),
            "method" => Gen.Elements(Payment.Methods.Order(StringComparer.Ordinal).ToArray()),
            "domains" => n.Select(i => $"acme{i}.example"),
            "phone" => n.Select(i => $"+1 555 01{i:00}"),
            "tier" => Gen.Elements("startup", "enterprise"),
            "lookup_key" => n.Select(i => $"plan_{i}"),
            "view" => Gen.Elements("BASIC", "FULL"),
            "orderBy" => Gen.Elements("createTime desc", "dueTime asc, createTime desc", "createTime"),
            _ when document.EnumValuesNamed(name) is { Count: > 0 } values => Gen.Elements(values.ToArray()),
            _ => Gen.Zip(Gen.Elements(Words), n).Select(p => $"{p.Item1} {p.Item2}"),
        };
    }

    /// <summary>A whole number in the range its name suggests, and now and then one at the edge of its type.</summary>
    private static Gen<string> Integer(string name, string? format)
    {
        var usual = name switch
        {
            _ when name.Contains("percent", StringComparison.Ordinal) => Gen.Choose(0, 100),
            "quantity" or "interval_count" => Gen.Choose(1, 12),
            "days_until_due" => Gen.Choose(0, 90),
            "limit" or "pageSize" or "per_page" => Gen.Choose(1, 100),
            "offset" => Gen.Choose(0, 50),
            _ when name.Contains("amount", StringComparison.Ordinal) || name.Contains("cents", StringComparison.Ordinal) => Gen.Choose(0, 500_000),
            _ => Gen.Choose(0, 1000),
        };
        return Gen.Frequency((6, usual.Select(i => i.ToString(CultureInfo.InvariantCulture))), (1, Gen.Elements(format == "int64" ? Int64Edges : Int32Edges)));
    }

    private static Gen<string> Number(string name) => name switch
    {
        "quantity" => Gen.Elements("1", "2", "0.5", "1.25", "3", "10"),
        "tax_rate" => Gen.Elements("0", "7.5", "19", "20", "8.875"),
        "usd_per_unit" => Gen.Elements("1.1", "0.0065", "2.6525", "0.9", "1"),
        _ when name.Contains("percent", StringComparison.Ordinal) => Gen.Elements("0", "10", "12.5", "50", "100"),
        _ => Gen.Elements("0", "1", "1.5", "12.25"),
    };

    /// <summary>Typed as a number, or named as one: the dialects document their paging parameters as plain strings.</summary>
    public static bool IsNumeric(JsonElement schema, string name) =>
        name is "limit" or "offset" or "pageSize" or "per_page" ||
        (schema.ValueKind == JsonValueKind.Object && OpenApiOperations.Types(schema).Any(t => t is "integer" or "number"));

    private bool IsComposite(JsonElement schema)
    {
        schema = document.Resolve(schema);
        return OpenApiOperations.Types(schema).Any(t => t is "array" or "object") || Alternatives(schema)?.Any(IsComposite) == true;
    }

    private static HashSet<string> Required(JsonElement schema) =>
        schema.TryGetProperty("required", out var names) ? [.. names.EnumerateArray().Select(n => n.GetString()!)] : [];

    private static List<JsonElement>? Alternatives(JsonElement schema) =>
        schema.TryGetProperty("oneOf", out var oneOf) || schema.TryGetProperty("anyOf", out oneOf) ? [.. oneOf.EnumerateArray()] : null;

    private static bool IsNull(JsonElement schema) => OpenApiOperations.Types(schema).SequenceEqual(["null"]);

    private static string List(IEnumerable<string> elements) => $"[{string.Join(",", elements)}]";
}
