using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;

namespace Folio.Tests.Fuzzing;

/// <summary>
/// The ids of real objects seen in responses, by resource ("invoices", "customers"…), so that generated requests reach
/// past the lookup of the object they name. A resource is a path's collection segment (/v1/invoices/{id} takes
/// "invoices"), or a field's name without its id suffix (customer_id takes "customers"). Also keeps which object each
/// nested one came in (an item in its invoice), the page tokens each list returned, the queries that succeeded, the
/// operations only an admin key may call, and the query parameters an operation turned out to need.
/// </summary>
public sealed class IdPools
{
    private readonly Dictionary<string, List<string>> _ids = [];
    private readonly Dictionary<string, HashSet<string>> _known = [];
    private readonly Dictionary<string, string> _parents = [];
    private readonly Dictionary<string, List<string>> _queryValues = [];
    private readonly HashSet<string> _protected = [];
    private readonly Dictionary<string, List<IReadOnlyList<string>>> _goodQueries = [];
    private readonly HashSet<string> _adminOnly = [];
    private readonly HashSet<string> _needed = [];

    /// <summary>Every token any list returned, to send to the other lists.</summary>
    public List<string> Tokens { get; } = [];

    /// <summary>Ids never handed out: the keys the run itself authenticates with, which a generated revoke must not reach.</summary>
    public void Protect(IEnumerable<string> ids) => _protected.UnionWith(ids);

    public IReadOnlyList<string> Of(string resource) => _ids.TryGetValue(resource, out var ids) ? ids : [];

    public string? ParentOf(string id) => _parents.GetValueOrDefault(id);

    public IReadOnlyList<string> QueryValues(OpenApiOperation operation, string parameter) =>
        _queryValues.TryGetValue($"{operation.Key} {parameter}", out var values) ? values : [];

    /// <summary>Once an organization key was told an operation needs an admin key, valid requests to it use one.</summary>
    public bool IsAdminOnly(OpenApiOperation operation) => _adminOnly.Contains(operation.Key);

    public void MarkAdminOnly(OpenApiOperation operation) => _adminOnly.Add(operation.Key);

    /// <summary>A query parameter the document calls optional, but whose absence the operation refused (a dialect's subscription_id).</summary>
    public bool IsNeeded(OpenApiOperation operation, string parameter) => _needed.Contains($"{operation.Key} {parameter}");

    public void MarkNeeded(OpenApiOperation operation, string parameter) => _needed.Add($"{operation.Key} {parameter}");

    /// <summary>Queries that were answered with a success, to spoil one field of later.</summary>
    public IReadOnlyList<IReadOnlyList<string>> GoodQueries(OpenApiOperation operation) => _goodQueries.GetValueOrDefault(operation.Key) ?? [];

    public void KeepGoodQuery(OpenApiOperation operation, IReadOnlyList<string> query)
    {
        if (!_goodQueries.TryGetValue(operation.Key, out var queries))
        {
            _goodQueries[operation.Key] = queries = [];
        }

        // The latest few: old ones name objects that may be gone.
        queries.Add(query);
        if (queries.Count > 20)
        {
            queries.RemoveAt(0);
        }
    }

    public void Add(string resource, string id)
    {
        if (_protected.Contains(id) || !Guid.TryParse(id, out _))
        {
            return;
        }

        if (!_known.TryGetValue(resource, out var known))
        {
            _known[resource] = known = [];
            _ids[resource] = [];
        }

        if (known.Add(id))
        {
            _ids[resource].Add(id);
        }
    }

    /// <summary>After a delete succeeded: the id names nothing any more.</summary>
    public void Forget(string id)
    {
        foreach (var (resource, ids) in _ids)
        {
            if (_known[resource].Remove(id))
            {
                ids.Remove(id);
            }
        }
    }

    /// <summary>"customer_id", "organizationId", "idOrganization" → "customers", "organizations".</summary>
    public static string Resource(string name)
    {
        var noun = name.EndsWith("_id", StringComparison.Ordinal) ? name[..^3]
            : name.EndsWith("Id", StringComparison.Ordinal) ? name[..^2]
            : name.StartsWith("id", StringComparison.Ordinal) && name.Length > 2 && char.IsUpper(name[2]) ? name[2..]
            : name;
        noun = string.Concat(noun.Select((c, i) => char.IsUpper(c) ? (i > 0 ? "_" : string.Empty) + char.ToLowerInvariant(c) : c.ToString()));
        return noun.EndsWith('s') ? noun : noun + "s";
    }

    /// <summary>The resource a path parameter names: the collection segment before it.</summary>
    public static string? ResourceOfParameter(string path, string parameter)
    {
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var at = Array.IndexOf(segments, $"{{{parameter}}}");
        return at > 0 && !segments[at - 1].StartsWith('{') ? segments[at - 1] : null;
    }

    /// <summary>
    /// What the objects at the top of a response are: a GET returns what its path ends with (/v1/customers/{id}/balance_transactions:
    /// transactions); a write returns the object its path names only when the path ends there (POST /v1/invoices,
    /// PATCH /v1/invoices/{id}), not after an action (POST /v1/invoices/{id}/pay answers with a payment and its invoice).
    /// </summary>
    public static string? ResourceOfResponse(OpenApiOperation operation)
    {
        var segments = operation.Path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var last = segments[^1];
        if (!last.StartsWith('{'))
        {
            return operation.IsRead || !segments.Any(s => s.StartsWith('{')) ? last : null;
        }

        return segments.Length > 1 && !segments[^2].StartsWith('{') ? segments[^2] : null;
    }

    /// <summary>Takes every id and page token out of a response to <paramref name="operation"/>.</summary>
    public void Harvest(OpenApiOperation operation, JsonElement response)
    {
        var resource = ResourceOfResponse(operation);
        if (response.ValueKind == JsonValueKind.Array)
        {
            Walk(response, resource, null);
            return;
        }

        if (response.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        KeepTokens(operation, response);
        if (response.TryGetProperty("id", out _))
        {
            Walk(response, resource, null);
            return;
        }

        // A page: its lists hold the resource; anything else in it is walked for the ids it names.
        foreach (var property in response.EnumerateObject())
        {
            Walk(property.Value, property.Value.ValueKind == JsonValueKind.Array ? resource : Resource(property.Name), null);
        }
    }

    private void Walk(JsonElement element, string? resource, string? parent)
    {
        if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in element.EnumerateArray())
            {
                Walk(item, resource, parent);
            }

            return;
        }

        if (element.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        var id = element.TryGetProperty("id", out var idElement) && idElement.ValueKind == JsonValueKind.String ? idElement.GetString() : null;
        if (id is not null)
        {
            if (resource is not null)
            {
                Add(resource, id);
            }

            // A customer's kind is a resource of its own where a path or field names it (organization_id, userId).
            if (element.TryGetProperty("kind", out var kind) && kind.ValueKind == JsonValueKind.String)
            {
                Add(Resource(kind.GetString()!), id);
            }

            if (parent is not null)
            {
                _parents[id] = parent;
            }
        }

        foreach (var property in element.EnumerateObject())
        {
            if (property.Name != "id" && property.Value.ValueKind == JsonValueKind.String && Resource(property.Name) != property.Name + "s")
            {
                Add(Resource(property.Name), property.Value.GetString()!);
            }
            else if (property.Value.ValueKind is JsonValueKind.Object or JsonValueKind.Array)
            {
                Walk(property.Value, Resource(property.Name), id ?? parent);
            }
        }
    }

    /// <summary>next_page_token, nextPageToken and links such as next: "https://…?page=…" give values for the list's own parameters.</summary>
    private void KeepTokens(OpenApiOperation operation, JsonElement page)
    {
        foreach (var property in page.EnumerateObject().Where(p => p.Value.ValueKind == JsonValueKind.String))
        {
            var value = property.Value.GetString()!;
            if (property.Name.Contains("token", StringComparison.OrdinalIgnoreCase))
            {
                KeepQueryValue(operation, TokenParameter(property.Name), value);
            }
            else if (Uri.TryCreate(value, UriKind.Absolute, out var link) && link.Query.Length > 1)
            {
                foreach (var (name, values) in QueryHelpers.ParseQuery(link.Query))
                {
                    foreach (var linked in values)
                    {
                        KeepQueryValue(operation, name, linked ?? string.Empty);
                    }
                }
            }
        }
    }

    /// <summary>The parameter a page token goes back in: next_page_token → page_token, nextPageToken → pageToken.</summary>
    public static string TokenParameter(string property)
    {
        foreach (var prefix in new[] { "next_", "previous_", "prev_", "next", "previous", "prev" })
        {
            if (property.StartsWith(prefix, StringComparison.Ordinal))
            {
                var name = property[prefix.Length..];
                return char.ToLowerInvariant(name[0]) + name[1..];
            }
        }

        return property;
    }

    private void KeepQueryValue(OpenApiOperation operation, string parameter, string value)
    {
        var key = $"{operation.Key} {parameter}";
        if (!_queryValues.TryGetValue(key, out var values))
        {
            _queryValues[key] = values = [];
        }

        if (!values.Contains(value))
        {
            values.Add(value);
            Tokens.Add(value);
        }
    }
}
