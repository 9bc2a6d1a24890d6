using Folio.Access;
using Folio.Api;
using Folio.Data;
using Folio.Domain;
using Folio.Events;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Folio.Audit;

/// <summary>Who made a change: <c>type</c> is api_key (with the key's id and name), cli, bill_run or scheduler.</summary>
public sealed record AuditActorResponse(string Type, Guid? KeyId, string Name);

/// <summary>An audit entry: who, what, which object, when, and the fields that changed (<c>changes</c>, as written).</summary>
public sealed record AuditEventResponse(
    Guid Id, DateTimeOffset CreatedAt, AuditActorResponse Actor, string Action, string ObjectType, Guid? ObjectId, Guid? OrganizationId, StoredJson Changes)
{
    public static AuditEventResponse From(AuditEvent entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return new(
            entry.Id, entry.CreatedAt, new AuditActorResponse(entry.ActorType, entry.ActorKeyId, entry.ActorName), entry.Action, entry.ObjectType,
            entry.ObjectId, entry.OrganizationId, new StoredJson(entry.Changes));
    }
}

/// <summary>Filters of <c>GET /v1/audit_events</c>.</summary>
public sealed record AuditEventListQuery(
    [property: FromQuery(Name = "object_type")] string? ObjectType = null,
    [property: FromQuery(Name = "object_id")] Guid? ObjectId = null,
    [property: FromQuery(Name = "actor")] string? Actor = null,
    [property: FromQuery(Name = "created_from")] DateTimeOffset? CreatedFrom = null,
    [property: FromQuery(Name = "created_to")] DateTimeOffset? CreatedTo = null,
    [property: FromQuery(Name = "limit")] int? Limit = null,
    [property: FromQuery(Name = "page_token")] string? PageToken = null)
{
    public ulong Binding(Caller caller)
    {
        var binding = new PageBinding(stackalloc byte[256], PageList.AuditEvents, caller);
        binding.Add(ObjectType);
        binding.Add(ObjectId);
        binding.Add(Actor);
        binding.Add(CreatedFrom);
        binding.Add(CreatedTo);
        return binding.Finish();
    }
}

public static class AuditEventsEndpoints
{
    private static readonly string[] Actors = [Audit.Actor.Cli.Type, Audit.Actor.BillRun.Type, Audit.Actor.Scheduler.Type];

    public static void MapAuditEvents(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/v1/audit_events").WithTags("Audit trail").RequireAuthorization(ApiKeyAuthentication.AdminPolicy).WithStandardProblems();
        group.MapGet("/", List).WithSummary("List the audit trail, newest first (admin keys)")
            .WithDescription("Every change, with who made it, the action, the object and the fields that changed before and after. " +
                "Filters: object_type, object_id, actor (an API key's id, or cli, bill_run, scheduler), created_from and created_to.");
    }

    private static async Task<Results<Ok<Page<AuditEventResponse>>, ProblemHttpResult>> List(
        [AsParameters] AuditEventListQuery query, Caller caller, FolioReadDb db, PageTokens tokens, CancellationToken ct)
    {
        var violations = Paging.Read(tokens, PageList.AuditEvents, query.Binding(caller), query.Limit, query.PageToken, out var page);
        var actorKey = Ids.Parse(query.Actor);
        if (query.Actor is not null && actorKey is null && !Actors.Contains(query.Actor, StringComparer.Ordinal))
        {
            violations.Add(RuleViolation.Invalid("actor", "invalid_actor", "actor is an API key's id, or cli, bill_run or scheduler."));
        }

        if (violations.Count > 0)
        {
            return Problems.From(violations);
        }

        var entries = db.AuditEvents.AsNoTracking();
        if (query.ObjectType is { } objectType)
        {
            entries = entries.Where(e => e.ObjectType == objectType);
        }

        if (query.ObjectId is { } objectId)
        {
            entries = entries.Where(e => e.ObjectId == objectId);
        }

        if (actorKey is { } keyId)
        {
            entries = entries.Where(e => e.ActorKeyId == keyId);
        }
        else if (query.Actor is { } actor)
        {
            entries = entries.Where(e => e.ActorType == actor);
        }

        if (query.CreatedFrom is { } from)
        {
            entries = entries.Where(e => e.CreatedAt >= from);
        }

        if (query.CreatedTo is { } to)
        {
            entries = entries.Where(e => e.CreatedAt < to);
        }

        return TypedResults.Ok(await page.Newest(entries, NewestFirst, async (rows, ct) => (await rows.ToListAsync(ct)).ConvertAll(AuditEventResponse.From), e => e.Id, ct));
    }

    private static readonly KeysetOrder<AuditEvent> NewestFirst = KeysetOrder<AuditEvent>.NewestFirst(e => e.Id);
}
