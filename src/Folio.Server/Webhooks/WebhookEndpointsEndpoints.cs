using Folio.Access;
using Folio.Api;
using Folio.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Folio.Webhooks;

public static class WebhookEndpointsEndpoints
{
    public static void MapWebhookEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/v1/webhook_endpoints").WithTags("Webhooks").RequireAuthorization(ApiKeyAuthentication.AdminPolicy).WithStandardProblems();
        group.MapPost("/", Create).WithSummary("Create a webhook endpoint; its signing secret is in this response only");
        group.MapGet("/", List).WithSummary("List webhook endpoints, newest first (never their secrets)");
        group.MapGet("/{id}", Get).WithSummary("Get a webhook endpoint");
        group.MapPatch("/{id}", Update).WithSummary("Update a webhook endpoint; status enabled turns a disabled one back on");
        group.MapDelete("/{id}", Delete).WithSummary("Delete a webhook endpoint and its deliveries");
        group.MapPost("/{id}/rotate_secret", RotateSecret).WithSummary("Make a new signing secret, shown in this response only; the old one signs beside it for a while");
        group.MapGet("/{id}/deliveries", WebhookDeliveriesEndpoints.List).WithSummary("List the endpoint's delivery attempts, newest first");
    }

    private static async Task<Results<Created<WebhookEndpointResponse>, ProblemHttpResult>> Create(
        CreateWebhookEndpointRequest request, FolioDb db, TimeProvider clock, WebhookSecrets secrets, IOptions<WebhookOptions> options, CancellationToken ct) =>
        Problems.Map(await WebhookEndpointOperations.Create(db, clock, secrets, options.Value, request, ct), created =>
            TypedResults.Created($"/v1/webhook_endpoints/{created.Endpoint.Id}", WebhookEndpointResponse.From(created.Endpoint, created.Secret)));

    private static async Task<Results<Ok<Page<WebhookEndpointResponse>>, ProblemHttpResult>> List(
        FolioReadDb db, Caller caller, PageTokens tokens, [FromQuery(Name = "limit")] int? limit, [FromQuery(Name = "page_token")] string? pageToken, CancellationToken ct)
    {
        var violations = Paging.Read(tokens, PageList.WebhookEndpoints, Binding(caller), limit, pageToken, out var page);
        if (violations.Count > 0)
        {
            return Problems.From(violations);
        }

        return TypedResults.Ok(await page.Newest(
            db.WebhookEndpoints.AsNoTracking(), NewestFirst, async (rows, ct) => (await rows.ToListAsync(ct)).ConvertAll(e => WebhookEndpointResponse.From(e)), e => e.Id, ct));
    }

    private static async Task<Results<Ok<WebhookEndpointResponse>, ProblemHttpResult>> Get(string id, FolioReadDb db, CancellationToken ct)
    {
        var endpointId = Ids.Parse(id);
        var endpoint = endpointId is null ? null : await db.WebhookEndpoints.AsNoTracking().FirstOrDefaultAsync(e => e.Id == endpointId, ct);
        return endpoint is null ? Problems.NotFound("webhook_endpoint_not_found") : TypedResults.Ok(WebhookEndpointResponse.From(endpoint));
    }

    private static async Task<Results<Ok<WebhookEndpointResponse>, ProblemHttpResult>> Update(
        string id, UpdateWebhookEndpointRequest request, FolioDb db, TimeProvider clock, IOptions<WebhookOptions> options, IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json, CancellationToken ct) =>
        Ids.Parse(id) is { } endpointId
            ? Problems.Map(await WebhookEndpointOperations.Update(db, clock, options.Value, json.Value.SerializerOptions, endpointId, request, ct), e => TypedResults.Ok(WebhookEndpointResponse.From(e)))
            : Problems.NotFound("webhook_endpoint_not_found");

    private static async Task<Results<NoContent, ProblemHttpResult>> Delete(string id, FolioDb db, CancellationToken ct) =>
        Ids.Parse(id) is { } endpointId
            ? Problems.Map(await WebhookEndpointOperations.Delete(db, endpointId, ct), _ => TypedResults.NoContent())
            : Problems.NotFound("webhook_endpoint_not_found");

    private static async Task<Results<Ok<WebhookEndpointResponse>, ProblemHttpResult>> RotateSecret(
        string id, RotateWebhookSecretRequest? request, FolioDb db, TimeProvider clock, WebhookSecrets secrets, IOptions<WebhookOptions> options, CancellationToken ct) =>
        Ids.Parse(id) is { } endpointId
            ? Problems.Map(await WebhookEndpointOperations.RotateSecret(db, clock, secrets, options.Value, endpointId, request ?? new RotateWebhookSecretRequest(), ct), rotated =>
                TypedResults.Ok(WebhookEndpointResponse.From(rotated.Endpoint, rotated.Secret)))
            : Problems.NotFound("webhook_endpoint_not_found");

    private static readonly KeysetOrder<WebhookEndpoint> NewestFirst = KeysetOrder<WebhookEndpoint>.NewestFirst(e => e.Id);

    private static ulong Binding(Caller caller) => new PageBinding(stackalloc byte[64], PageList.WebhookEndpoints, caller).Finish();
}
