using System.Text;
using FsCheck;
using FsCheck.Fluent;

namespace Folio.Tests.Fuzzing;

/// <summary>
/// FsCheck generators of whole requests for one operation. A valid request follows the document, with real ids, so that
/// writes succeed and the books fill up; a hostile one aims at one part (the key, a path id, the query, the body's
/// fields, the raw body or its headers) and keeps the rest valid, so that the server reads as far as that part.
/// </summary>
public sealed class RequestGenerator(OpenApiOperations document, IdPools pools, DateTimeOffset now)
{
    /// <summary>FsCheck's size: how long the lists and random strings that depend on it grow.</summary>
    public const int Size = 20;

    private enum Target
    {
        None,
        Key,
        Path,
        Query,
        Fields,
        RawBody,
        Headers,
    }

    private readonly SchemaValues _values = new(document, pools, now);

    private static readonly string[] WrongContentTypes =
    [
        "text/plain", "application/xml", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/json; charset=iso-8859-1",
        "application/json-patch+json", "application/problem+json", "*/*", "application/json; charset=utf-7", "application/json; charset=\"", "json",
    ];

    public Gen<FuzzRequest> For(int index, OpenApiOperation operation) =>
        from target in Targets(operation)
        from key in Key(target == Target.Key, operation.IsRead && !pools.IsAdminOnly(operation))
        from keyHeader in Gen.Frequency((9, Gen.Constant("Authorization")), (1, Gen.Constant("X-SALESBRICKS-KEY")))
        from path in Path(operation, target == Target.Path)
        from query in Query(operation, target == Target.Query)
        from headers in Headers(target == Target.Headers)
        from body in Body(operation, target)
        select new FuzzRequest(index, operation, path, query, key.Kind, keyHeader, key.Garbage, headers, body.Bytes, body.ContentType, target == Target.None ? "valid" : $"hostile {target}");

    private static Gen<Target> Targets(OpenApiOperation operation)
    {
        var hasPath = operation.In("path").Any();
        var hasQuery = operation.In("query").Any();
        var hasBody = operation.Body is not null;
        var weights = new List<(int, Gen<Target>)>
        {
            (8, Gen.Constant(Target.None)),
            (2, Gen.Constant(Target.Key)),
            (hasPath ? 3 : 0, Gen.Constant(Target.Path)),
            (hasQuery ? 8 : 0, Gen.Constant(Target.Query)),
            (hasBody ? 12 : 0, Gen.Constant(Target.Fields)),
            (hasBody ? 3 : operation.IsRead ? 0 : 1, Gen.Constant(Target.RawBody)),
            (operation.IsRead ? 0 : 1, Gen.Constant(Target.Headers)),
        };
        return Gen.Frequency(weights.Where(w => w.Item1 > 0));
    }

    /// <summary>
    /// Organization keys only read, so a valid write is made with the admin key, as is a read only admins may make; other
    /// reads are made with every key.
    /// </summary>
    private static Gen<(KeyKind Kind, string? Garbage)> Key(bool hostile, bool read) => hostile
        ? Gen.Frequency(
            (2, Gen.Constant<(KeyKind, string?)>((KeyKind.None, null))),
            (2, Gen.Constant<(KeyKind, string?)>((KeyKind.OtherOrganization, null))),
            (2, Gen.Constant<(KeyKind, string?)>((KeyKind.Organization, null))),
            (4, GarbageKey.Select(k => (KeyKind.Garbage, (string?)k))))
        : Gen.Frequency(
            (read ? 5 : 18, Gen.Constant<(KeyKind, string?)>((KeyKind.Admin, null))),
            (read ? 3 : 1, Gen.Constant<(KeyKind, string?)>((KeyKind.Organization, null))),
            (read ? 2 : 1, Gen.Constant<(KeyKind, string?)>((KeyKind.OtherOrganization, null))));

    /// <summary>Keys that are not keys: Folio's prefix with nothing or junk after it, and other printable text.</summary>
    private static Gen<string> GarbageKey { get; } = Gen.Frequency(
        (3, HostileValues.RandomToken.Select(t => "folio_sk_" + t)),
        (1, Gen.Elements("folio_sk_", "folio_sk", "Bearer", "null", "' OR 1=1 --", "folio_sk_" + new string('a', 5000), "FOLIO_SK_ABC")),
        (1, HostileValues.RandomToken));

    private Gen<string> Path(OpenApiOperation operation, bool hostile)
    {
        var names = operation.In("path").Select(p => p.Name).ToList();
        if (names.Count == 0)
        {
            return Gen.Constant(operation.Path);
        }

        // The last id first: an item's invoice is the one it came in.
        var valid = PathIds(operation, names.Count - 1, [], null);
        if (hostile)
        {
            valid = from ids in valid
                    from spoiled in Gen.Elements(names.ToArray())
                    from bad in Gen.Frequency((6, HostileValues.BadId), (1, Gen.Constant(string.Empty)), (1, AnyId()))
                    select new Dictionary<string, string>(ids) { [spoiled] = bad };
        }

        // A NUL never reaches Folio in a path: servers refuse it while parsing the request line, and the test host's
        // client throws on it. Queries and bodies carry it instead.
        return valid.Select(ids => names.Aggregate(operation.Path, (path, name) =>
            path.Replace($"{{{name}}}", RawText.PercentEncode(ids[name].Replace("\0", "%00", StringComparison.Ordinal)), StringComparison.Ordinal)));
    }

    private Gen<Dictionary<string, string>> PathIds(OpenApiOperation operation, int at, Dictionary<string, string> chosen, string? later)
    {
        if (at < 0)
        {
            return Gen.Constant(chosen);
        }

        var parameter = operation.In("path").ElementAt(at);
        var resource = IdPools.ResourceOfParameter(operation.Path, parameter.Name);
        var value = later is not null && pools.ParentOf(later) is { } parent ? Gen.Constant(parent)
            : resource is not null && pools.Of(resource).Count > 0 ? _values.Id(resource)
            : _values.Text(parameter.Schema, parameter.Name);
        return value.SelectMany(id => PathIds(operation, at - 1, new Dictionary<string, string>(chosen) { [parameter.Name] = id }, id));
    }

    /// <summary>An id of any resource: another customer's invoice where a product is asked for, and so on.</summary>
    private Gen<string> AnyId()
    {
        var all = new[] { "customers", "invoices", "products", "prices", "subscriptions", "items", "api_keys" }.SelectMany(pools.Of).ToArray();
        return all.Length == 0 ? HostileValues.BadId : Gen.Elements(all);
    }

    /// <summary>Encoded name=value fields. A spoiled query is a valid one (often one that succeeded before) with one field made bad or added.</summary>
    private Gen<IReadOnlyList<string>> Query(OpenApiOperation operation, bool spoiled)
    {
        var parameters = operation.In("query").ToList();
        var fresh = Gen.CollectToArray(parameters.Select(parameter =>
        {
            var field = QueryValue(operation, parameter).Select(value => (string?)$"{RawText.PercentEncode(parameter.Name)}={RawText.PercentEncode(value)}");
            return parameter.Required || pools.IsNeeded(operation, parameter.Name) ? field : Gen.Frequency((1, field), (2, Gen.Constant<string?>(null)));
        })).Select(fields => (IReadOnlyList<string>)[.. fields.OfType<string>()]);
        if (!spoiled)
        {
            return fresh;
        }

        var good = pools.GoodQueries(operation);
        var valid = good.Count > 0 ? Gen.Frequency((4, Gen.Elements(good.ToArray())), (1, fresh)) : fresh;
        var spoilers = parameters.Select(parameter => (3, BadQueryValue(operation, parameter).Select(value => (Name: (string?)RawText.PercentEncode(parameter.Name), Field: $"{RawText.PercentEncode(parameter.Name)}={value}"))))
            .Append((1, Gen.Elements("unknown=1", "limit=1&limit=2", "limit", "limit=", "%", "%zz=1", "a=%", "&&", "=", "page_token", "x=" + new string('a', 10_000)).Select(field => (Name: (string?)null, Field: field))));
        return from fields in valid
               from spoiler in Gen.Frequency(spoilers)
               select (IReadOnlyList<string>)[.. fields.Where(f => spoiler.Name is null || f.Split('=')[0] != spoiler.Name), spoiler.Field];
    }

    /// <summary>A real id where the parameter names a resource; otherwise a value a list handed out, or one by type and name.</summary>
    private Gen<string> QueryValue(OpenApiOperation operation, OpenApiParameter parameter)
    {
        var seen = pools.QueryValues(operation, parameter.Name);
        var resource = IdPools.Resource(parameter.Name);
        var byType = pools.Of(resource).Count > 0 ? _values.Id(resource) : _values.Text(parameter.Schema, parameter.Name);
        return seen.Count > 0 ? Gen.Frequency((1, Gen.Elements(seen.ToArray())), (1, byType)) : byType;
    }

    /// <summary>Already percent-encoded: some of these are bytes no text encodes to.</summary>
    private Gen<string> BadQueryValue(OpenApiOperation operation, OpenApiParameter parameter)
    {
        var seen = pools.QueryValues(operation, parameter.Name);
        var tokens = seen.Count > 0 ? seen : pools.Tokens;
        var tokenLike = parameter.Name.Contains("token", StringComparison.OrdinalIgnoreCase) || parameter.Name == "page" || (seen.Count > 0 && !SchemaValues.IsNumeric(parameter.Schema, parameter.Name));
        var idLike = pools.Of(IdPools.Resource(parameter.Name)).Count > 0 || OpenApiOperations.Format(parameter.Schema) == "uuid";
        var text = Gen.Frequency(
            (6, SchemaValues.BadText(parameter.Schema, parameter.Name)),
            (idLike ? 6 : 1, HostileValues.BadId),
            (tokenLike ? 3 : 1, HostileValues.RandomToken),
            (tokenLike && tokens.Count > 0 ? 6 : 0, tokens.Count > 0 ? Gen.Elements(tokens.ToArray()).SelectMany(HostileValues.Tamper) : HostileValues.RandomToken));
        return Gen.Frequency(
            (6, text.Select(RawText.PercentEncode)),
            (1, Gen.Elements("%00", "%FF", "%ED%A0%80", "%C0%80", "%", "%zz", "%%", "+", "%2B", "%E2%80%AE", "%0D%0A")));
    }

    private static Gen<IReadOnlyList<KeyValuePair<string, string>>> Headers(bool hostile) => hostile
        ? Gen.Elements("garbage", "\"v999999999999\"", "\"v-1\"", "W/\"v1\"", "*", "\"v0\", \"v1\"", "\"\"", "\"v2147483648\"")
            .Select(etag => (IReadOnlyList<KeyValuePair<string, string>>)[new("If-Match", etag)])
        : Gen.Constant<IReadOnlyList<KeyValuePair<string, string>>>([]);

    private Gen<(byte[]? Bytes, string? ContentType)> Body(OpenApiOperation operation, Target target)
    {
        if (operation.Body is not { } schema)
        {
            return target == Target.RawBody
                ? Gen.OneOf(HostileValues.Text, Gen.Constant("{}"), Gen.Constant("{\"amount\":1}")).Select(text => ((byte[]?)RawText.Bytes(text), (string?)"application/json"))
                : Gen.Constant<(byte[]?, string?)>((null, null));
        }

        var json = _values.Json(schema, "body", target == Target.Fields);
        return target == Target.RawBody ? json.SelectMany(RawBody) : json.Select(text => ((byte[]?)RawText.Bytes(text), (string?)"application/json"));
    }

    /// <summary>Bodies broken as a whole: empty, cut short, not JSON, not UTF-8, too large, or under another content type.</summary>
    private static Gen<(byte[]? Bytes, string? ContentType)> RawBody(string valid)
    {
        static (byte[]?, string?) Json(string text) => (RawText.Bytes(text), "application/json");
        return Gen.OneOf(
            Gen.Elements("", "null", "[]", "0", "\"x\"", "true", "{", "}", "{\"a\":}", "{'a':1}", "{\"a\":1,}", "/* */{}", "\u0000", "{}{}").Select(Json),
            Gen.Choose(0, Math.Max(valid.Length - 1, 0)).Select(cut => Json(valid[..cut])),
            Gen.Elements(" garbage", "}", "]", ",", "\u0000").Select(tail => Json(valid + tail)),
            Gen.Elements(RawText.InvalidUtf8.ToArray()).Select(bad => Json(InsertIntoFirstString(valid, bad))),
            Gen.Constant("\ufeff" + valid).Select(Json),
            Gen.Constant(5000).Select(depth => Json(new string('[', depth) + new string(']', depth))),
            Gen.Constant(1_100_000).Select(length => Json($"{{\"name\":\"{new string('a', length)}\"}}")),
            Gen.Constant(valid).Select(text => ((byte[]?)Encoding.Unicode.GetBytes(text), (string?)"application/json; charset=utf-16")),
            Gen.Elements(WrongContentTypes).Select(type => ((byte[]?)RawText.Bytes(valid), (string?)type)),
            Gen.Constant<(byte[]?, string?)>((RawText.Bytes(valid), null)),
            Gen.Constant<(byte[]?, string?)>((null, null)));
    }

    private static string InsertIntoFirstString(string json, string text)
    {
        var at = json.IndexOf(":\"", StringComparison.Ordinal);
        return at < 0 ? json + text : json.Insert(at + 2, text);
    }
}
