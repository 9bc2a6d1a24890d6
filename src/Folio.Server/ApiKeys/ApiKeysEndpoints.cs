using Folio.Access;
using Folio.Api;
using Folio.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Folio.ApiKeys;

public static class ApiKeysEndpoints
{
    public static void MapApiKeys(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/v1/api_keys").WithTags("API keys").RequireAuthorization(ApiKeyAuthentication.AdminPolicy).WithStandardProblems();
        group.MapPost("/", Create).WithSummary("Create a key; its secret is in this response only");
        group.MapGet("/", List).WithSummary("List keys (never their secrets)");
        group.MapPost("/{id}/revoke", Revoke).WithSummary("Revoke a key; it stops working at once");
    }

    private static async Task<Results<Created<CreatedApiKeyResponse>, ProblemHttpResult>> Create(CreateApiKeyRequest request, FolioDb db, TimeProvider clock, CancellationToken ct) =>
        Problems.Map(await ApiKeyOperations.Create(db, clock, request, ct), created => TypedResults.Created(
            $"/v1/api_keys/{created.Key.Id}",
            new CreatedApiKeyResponse(created.Key.Id, created.Key.Name, created.Key.Scope, created.Key.OrganizationId, created.Key.Prefix, created.Key.CreatedAt, created.Secret)));

    private static async Task<Results<Ok<Page<ApiKeyResponse>>, ProblemHttpResult>> List(
        FolioDb db, [FromQuery(Name = "limit")] int? limit, [FromQuery(Name = "page_token")] string? pageToken, CancellationToken ct)
    {
        var violations = Paging.Read(limit, pageToken, out var size, out var after).ToList();
        if (violations.Count > 0)
        {
            return Problems.From(violations);
        }

        var keys = db.ApiKeys.AsNoTracking();
        if (after is { } afterId)
        {
            keys = keys.Where(k => k.Id < afterId);
        }

        var rows = await keys.OrderByDescending(k => k.Id).Take(size + 1).ToListAsync(ct);
        return TypedResults.Ok(Paging.ToPage(rows, size, k => k.Id, ApiKeyResponse.From));
    }

    private static async Task<Results<Ok<ApiKeyResponse>, ProblemHttpResult>> Revoke(string id, FolioDb db, TimeProvider clock, ApiKeyCache cache, CancellationToken ct) =>
        Ids.Parse(id) is { } keyId
            ? Problems.Map(await ApiKeyOperations.Revoke(db, clock, keyId, ct), key =>
            {
                cache.Forget(key.Prefix);
                return TypedResults.Ok(ApiKeyResponse.From(key));
            })
            : Problems.NotFound("api_key_not_found");
}
