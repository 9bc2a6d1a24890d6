using System.Globalization;
using Folio.Access;
using Folio.Api;
using Folio.Domain;
using Microsoft.AspNetCore.Mvc;

namespace Folio.Dialects.AdminApi;

public enum AdminView
{
    Basic,
    Full,
}

/// <summary>
/// The parameters of <c>GET /admin/v1/invoices</c>, bound as text so that a malformed value is refused under its own name.
/// </summary>
public sealed record AdminInvoiceListQuery(
    [property: FromQuery(Name = "organizationId")] string? OrganizationId = null,
    [property: FromQuery(Name = "userId")] string? UserId = null,
    [property: FromQuery(Name = "pageSize")] string? PageSize = null,
    [property: FromQuery(Name = "pageToken")] string? PageToken = null,
    [property: FromQuery(Name = "orderBy")] string? OrderBy = null,
    [property: FromQuery(Name = "view")] string? View = null);

/// <summary>The parameters of <c>GET /admin/v1/invoices/{invoiceId}</c>: the view, and optional owners that restrict the lookup.</summary>
public sealed record AdminInvoiceGetQuery(
    [property: FromQuery(Name = "organizationId")] string? OrganizationId = null,
    [property: FromQuery(Name = "userId")] string? UserId = null,
    [property: FromQuery(Name = "view")] string? View = null);

/// <summary>A single-invoice request once read: owners, when given, must match the invoice or it is not found.</summary>
internal sealed record AdminGetCriteria(Guid? OrganizationId, Guid? UserId, AdminView View)
{
    public static (AdminGetCriteria? Criteria, IReadOnlyList<RuleViolation> Violations) Read(AdminInvoiceGetQuery query)
    {
        var violations = new List<RuleViolation>();
        var organizationId = AdminListCriteria.ReadId(query.OrganizationId, "organizationId", "invalid_organization_id", violations);
        var userId = AdminListCriteria.ReadId(query.UserId, "userId", "invalid_user_id", violations);
        var view = AdminListCriteria.ReadView(query.View, violations);
        return violations.Count > 0 ? (null, violations) : (new AdminGetCriteria(organizationId, userId, view), []);
    }
}

/// <summary>A list request once read: whose invoices, in which order, how many, from where.</summary>
internal sealed record AdminListCriteria(Guid? OrganizationId, Guid? UserId, IReadOnlyList<InvoiceSort> Sorts, int PageSize, PageCursor? Cursor, AdminView View, ulong Binding)
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;

    /// <summary>The ordering when orderBy is not given: newest first.</summary>
    public static readonly IReadOnlyList<InvoiceSort> DefaultSorts = [new(InvoiceSortField.CreatedAt, Descending: true)];

    public static (AdminListCriteria? Criteria, IReadOnlyList<RuleViolation> Violations) Read(AdminInvoiceListQuery query, Caller caller, PageTokens tokens)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(tokens);
        var violations = new List<RuleViolation>();
        var organizationId = ReadId(query.OrganizationId, "organizationId", "invalid_organization_id", violations);
        var userId = ReadId(query.UserId, "userId", "invalid_user_id", violations);
        if (string.IsNullOrEmpty(query.OrganizationId) && string.IsNullOrEmpty(query.UserId))
        {
            violations.Insert(0, RuleViolation.Invalid("organizationId", "missing_owner", "Give organizationId or userId (or both): invoices are listed for an organization or a user."));
        }

        var pageSize = ReadPageSize(query.PageSize, violations);
        var sorts = ReadOrderBy(query.OrderBy, violations);
        var view = ReadView(query.View, violations);
        var binding = Bind(caller, organizationId, userId, sorts);
        PageCursor? cursor = null;
        if (violations.Count == 0 && !string.IsNullOrEmpty(query.PageToken))
        {
            switch (tokens.Read(query.PageToken, PageList.AdminInvoices, binding, sorts.Count, out cursor))
            {
                case PageTokenReading.Malformed:
                    violations.Add(RuleViolation.Invalid("pageToken", "invalid_page_token", "pageToken is not a token this list returned."));
                    break;
                case PageTokenReading.OtherQuery:
                    violations.Add(RuleViolation.Invalid(
                        "pageToken", "page_token_mismatch", "pageToken was returned for other filters or another order; send organizationId, userId and orderBy as in the call that returned it."));
                    break;
            }
        }

        return violations.Count > 0 ? (null, violations) : (new AdminListCriteria(organizationId, userId, sorts, pageSize, cursor, view, binding), []);
    }

    /// <summary>A page token of this list is bound to the caller's scope, the owners and the order (not to the page size or the view).</summary>
    private static ulong Bind(Caller caller, Guid? organizationId, Guid? userId, List<InvoiceSort> sorts)
    {
        var binding = new PageBinding(stackalloc byte[128], PageList.AdminInvoices, caller);
        binding.Add(organizationId);
        binding.Add(userId);
        foreach (var sort in sorts)
        {
            binding.Add((long)sort.Field);
            binding.Add(sort.Descending);
        }

        return binding.Finish();
    }

    public static Guid? ReadId(string? text, string field, string code, List<RuleViolation> violations)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        if (Guid.TryParse(text, out var id))
        {
            return id;
        }

        violations.Add(RuleViolation.Invalid(field, code, $"{field} is a Folio id, such as 0193a4f2-7c1e-7a3b-8f00-2b6c0d9e4a11."));
        return null;
    }

    public static AdminView ReadView(string? text, List<RuleViolation> violations)
    {
        switch (text)
        {
            case null or "" or "BASIC":
                return AdminView.Basic;
            case "FULL":
                return AdminView.Full;
            default:
                violations.Add(RuleViolation.Invalid("view", "invalid_view", "view is BASIC or FULL."));
                return AdminView.Basic;
        }
    }

    private static int ReadPageSize(string? text, List<RuleViolation> violations)
    {
        if (string.IsNullOrEmpty(text))
        {
            return DefaultPageSize;
        }

        // Above the maximum is coerced to it, however large; only a size below 1 or a non-number is refused.
        var digits = text.All(char.IsAsciiDigit) ? text.TrimStart('0') : string.Empty;
        if (digits.Length == 0)
        {
            violations.Add(RuleViolation.Invalid("pageSize", "invalid_page_size", $"pageSize is a whole number from 1; values above {MaxPageSize} are read as {MaxPageSize}."));
            return DefaultPageSize;
        }

        return digits.Length > 3 ? MaxPageSize : Math.Min(int.Parse(digits, CultureInfo.InvariantCulture), MaxPageSize);
    }

    private static List<InvoiceSort> ReadOrderBy(string? text, List<RuleViolation> violations)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return [.. DefaultSorts];
        }

        var sorts = new List<InvoiceSort>();
        foreach (var clause in text.Split(','))
        {
            if (ReadClause(clause) is not { } sort || sorts.Any(s => s.Field == sort.Field))
            {
                violations.Add(RuleViolation.Invalid(
                    "orderBy", "invalid_order_by", "orderBy is a comma-separated list of createTime and dueTime, each once, optionally followed by asc or desc (default asc), such as \"dueTime asc, createTime desc\"."));
                return [.. DefaultSorts];
            }

            sorts.Add(sort);
        }

        return sorts;
    }

    /// <summary>"field" or "field asc|desc"; null when it is neither.</summary>
    private static InvoiceSort? ReadClause(string clause)
    {
        var words = clause.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        InvoiceSortField? field = words.Length is 1 or 2 ? words[0] switch
        {
            "createTime" => InvoiceSortField.CreatedAt,
            "dueTime" => InvoiceSortField.DueAt,
            _ => null,
        }
        : null;
        bool? descending = words.Length == 1 ? false : words.Length == 2 ? words[1].ToLowerInvariant() switch
        {
            "asc" => false,
            "desc" => true,
            _ => null,
        }
        : null;
        return field is null || descending is null ? null : new InvoiceSort(field.Value, descending.Value);
    }
}
