using System.Linq.Expressions;
using Folio.Access;
using Folio.Api;
using Folio.Data;
using Folio.Domain;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Folio.Events;

/// <summary>
/// Filters of <c>GET /v1/events</c>: <c>type</c> (exact, or <c>invoice.*</c>; repeated or comma-separated), <c>object_id</c>,
/// and <c>created_from</c>/<c>created_to</c> (RFC 3339; start inclusive, end exclusive).
/// </summary>
public sealed record EventListQuery(
    [property: FromQuery(Name = "type")] string[]? Type = null,
    [property: FromQuery(Name = "object_id")] Guid? ObjectId = null,
    [property: FromQuery(Name = "created_from")] DateTimeOffset? CreatedFrom = null,
    [property: FromQuery(Name = "created_to")] DateTimeOffset? CreatedTo = null,
    [property: FromQuery(Name = "limit")] int? Limit = null,
    [property: FromQuery(Name = "page_token")] string? PageToken = null)
{
    public ulong Binding(Caller caller, IReadOnlyList<string> types)
    {
        ArgumentNullException.ThrowIfNull(types);
        var binding = new PageBinding(stackalloc byte[512], PageList.Events, caller);
        binding.Add(string.Join(',', types.Order(StringComparer.Ordinal)));
        binding.Add(ObjectId);
        binding.Add(CreatedFrom);
        binding.Add(CreatedTo);
        return binding.Finish();
    }
}

public static partial class EventQueries
{
    private const int MaxTypes = 20;

    /// <summary>An organization key reads its organization's events; an admin key every event.</summary>
    public static IQueryable<Event> VisibleTo(this IQueryable<Event> events, Caller caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        return caller.IsAdmin ? events : events.Where(e => e.OrganizationId == caller.OrganizationId);
    }

    public static Task<Event?> Find(FolioBooks db, Caller caller, Guid id, CancellationToken cancellationToken) =>
        db.Events.AsNoTracking().VisibleTo(caller).FirstOrDefaultAsync(e => e.Id == id, cancellationToken);

    public static async Task<Outcome<Page<EventResponse>>> List(FolioBooks db, Caller caller, PageTokens tokens, EventListQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var violations = new List<RuleViolation>();
        var types = ParseTypes(query.Type, violations);
        violations.InsertRange(0, Paging.Read(tokens, PageList.Events, query.Binding(caller, types), query.Limit, query.PageToken, out var page));
        if (violations.Count > 0)
        {
            return Outcome<Page<EventResponse>>.Rejected(violations);
        }

        var events = db.Events.AsNoTracking().VisibleTo(caller);
        if (types.Count > 0)
        {
            events = events.Where(OfTypes(types));
        }

        if (query.ObjectId is { } objectId)
        {
            events = events.Where(e => e.ObjectId == objectId);
        }

        if (query.CreatedFrom is { } from)
        {
            events = events.Where(e => e.CreatedAt >= from);
        }

        if (query.CreatedTo is { } to)
        {
            events = events.Where(e => e.CreatedAt < to);
        }

        return await page.Newest(events, NewestFirst, async (rows, ct) => (await rows.ToListAsync(ct)).ConvertAll(EventResponse.From), e => e.Id, cancellationToken);
    }

    private static readonly KeysetOrder<Event> NewestFirst = KeysetOrder<Event>.NewestFirst(e => e.Id);

    /// <summary>Event types: exact (<c>invoice.paid</c>), every type of an object (<c>invoice.*</c>), or every event (<c>*</c>).</summary>
    private static List<string> ParseTypes(string[]? values, List<RuleViolation> violations)
    {
        List<string> types = [.. (values ?? []).SelectMany(v => v.Split(',', StringSplitOptions.TrimEntries)).Distinct(StringComparer.Ordinal)];
        if (types.Count > MaxTypes || types.Exists(t => !EventTypes.IsPattern(t)))
        {
            violations.Add(RuleViolation.Invalid(
                "type", "invalid_type", $"type is {EventTypes.Hint}; at most {MaxTypes}."));
            return [];
        }

        return types.Contains("*") ? [] : types;
    }


    private static Expression<Func<Event, bool>> OfTypes(IReadOnlyList<string> types)
    {
        string[] exact = [.. types.Where(t => !t.EndsWith(".*", StringComparison.Ordinal))];
        string[] prefixes = [.. types.Where(t => t.EndsWith(".*", StringComparison.Ordinal)).Select(t => t[..^1])];
        var row = Expression.Parameter(typeof(Event), "e");
        var type = Expression.Property(row, nameof(Event.Type));
        Expression? match = exact.Length == 0 ? null : Expression.Call(
            typeof(Enumerable), nameof(Enumerable.Contains), [typeof(string)], Expression.Constant(exact), type);
        foreach (var prefix in prefixes)
        {
            // The object type is the text before the dot: a range of the index, and no LIKE to escape.
            var startsWith = Expression.Call(type, typeof(string).GetMethod(nameof(string.StartsWith), [typeof(string)])!, Captured(prefix));
            match = match is null ? startsWith : Expression.OrElse(match, startsWith);
        }

        return Expression.Lambda<Func<Event, bool>>(match!, row);
    }

    private static MemberExpression Captured(string value) =>
        Expression.Property(Expression.Constant(new Box(value)), nameof(Box.Value));

    private sealed record Box(string Value);
}
