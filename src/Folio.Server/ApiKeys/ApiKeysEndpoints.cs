using Folio.Access;
using Folio.Api;
using Folio.Data;
using Folio.Idempotency;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Folio.ApiKeys;

public static class ApiKeysEndpoints
{
    public static void MapApiKeys(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/v1/api_keys").WithTags("API keys").RequireAuthorization(ApiKeyAuthentication.AdminPolicy).WithStandardProblems();
        group.MapPost("/", Create).WithSummary("Create a key; its secret is in this response only").AcceptIdempotencyKeys(IdempotentPost.HoldingASecret);
        group.MapGet("/", List).WithSummary("List keys (never their secrets)");
        group.MapPost("/{id}/revoke", Revoke).WithSummary("Revoke a key; it stops working at once");
    }

    private static async Task<Results<Created<CreatedApiKeyResponse>, ProblemHttpResult>> Create(CreateApiKeyRequest request, FolioDb db, TimeProvider clock, CancellationToken ct) =>
        Problems.Map(await ApiKeyOperations.Create(db, clock, request, ct), created => TypedResults.Created(
            $"/v1/api_keys/{created.Key.Id}",
            new CreatedApiKeyResponse(created.Key.Id, created.Key.Name, created.Key.Scope, created.Key.OrganizationId, created.Key.Prefix, created.Key.CreatedAt, created.Secret)));

    private static async Task<Results<Ok<Page<ApiKeyResponse>>, ProblemHttpResult>> List(
        FolioDb db, Caller caller, PageTokens tokens, [FromQuery(Name = "limit")] int? limit, [FromQuery(Name = "page_token")] string? pageToken, CancellationToken ct)
    {
        var violations = Paging.Read(tokens, PageList.ApiKeys, Binding(caller), limit, pageToken, out var page);
        if (violations.Count > 0)
        {
            return Problems.From(violations);
        }

        return TypedResults.Ok(await page.Newest(db.ApiKeys.AsNoTracking(), NewestFirst, async (rows, ct) => (await rows.ToListAsync(ct)).ConvertAll(ApiKeyResponse.From), k => k.Id, ct));
    }

    private static readonly KeysetOrder<ApiKey> NewestFirst = KeysetOrder<ApiKey>.NewestFirst(k => k.Id);

    private static ulong Binding(Caller caller) => new PageBinding(stackalloc byte[64], PageList.ApiKeys, caller).Finish();

    private static async Task<Results<Ok<ApiKeyResponse>, ProblemHttpResult>> Revoke(string id, FolioDb db, TimeProvider clock, ApiKeyCache cache, CancellationToken ct) =>
        Ids.Parse(id) is { } keyId
            ? Problems.Map(await ApiKeyOperations.Revoke(db, clock, keyId, ct), key =>
            {
                cache.Forget(key.Prefix);
                return TypedResults.Ok(ApiKeyResponse.From(key));
            })
            : Problems.NotFound("api_key_not_found");
}
