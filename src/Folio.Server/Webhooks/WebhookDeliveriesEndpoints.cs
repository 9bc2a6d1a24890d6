using Folio.Access;
using Folio.Api;
using Folio.Data;
using Folio.Domain;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Folio.Webhooks;

public static class WebhookDeliveriesEndpoints
{
    public static void MapWebhookDeliveries(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/v1/events").WithTags("Webhooks").RequireAuthorization(ApiKeyAuthentication.AdminPolicy).WithStandardProblems();
        group.MapPost("/{id}/redeliver", Redeliver).WithSummary("Send an event again to an endpoint (a new delivery)");
    }

    internal static async Task<Results<Ok<Page<WebhookAttemptResponse>>, ProblemHttpResult>> List(
        string id, FolioReadDb db, Caller caller, PageTokens tokens, [FromQuery(Name = "limit")] int? limit, [FromQuery(Name = "page_token")] string? pageToken, CancellationToken ct)
    {
        var endpointId = Ids.Parse(id);
        var violations = Paging.Read(tokens, PageList.WebhookAttempts, Binding(caller, endpointId), limit, pageToken, out var page);
        if (endpointId is null || !await db.WebhookEndpoints.AnyAsync(e => e.Id == endpointId, ct))
        {
            return Problems.NotFound("webhook_endpoint_not_found");
        }

        if (violations.Count > 0)
        {
            return Problems.From(violations);
        }

        return TypedResults.Ok(await page.Newest(
            db.WebhookAttempts.AsNoTracking().Where(a => a.EndpointId == endpointId), NewestFirst,
            async (rows, ct) => (await rows.ToListAsync(ct)).ConvertAll(WebhookAttemptResponse.From), a => a.Id, ct));
    }

    private static async Task<Results<Accepted<WebhookDeliveryResponse>, ProblemHttpResult>> Redeliver(
        string id, RedeliverRequest request, FolioDb db, TimeProvider clock, WebhookSignal signal, CancellationToken ct)
    {
        if (Ids.Parse(id) is not { } eventId)
        {
            return Problems.NotFound("event_not_found");
        }

        var outcome = await db.InTransaction<WebhookDelivery>(async () =>
        {
            if (!await db.Events.AnyAsync(e => e.Id == eventId, ct))
            {
                return Outcome<WebhookDelivery>.NotFound("event_not_found");
            }

            var endpoint = await db.WebhookEndpoints.AsNoTracking().FirstOrDefaultAsync(e => e.Id == request.EndpointId, ct);
            if (endpoint is null)
            {
                return RuleViolation.Unprocessable("webhook_endpoint_not_found", "No webhook endpoint has that id.", "endpoint_id");
            }

            if (endpoint.Status != WebhookEndpointStatus.Enabled)
            {
                return RuleViolation.Conflict("webhook_endpoint_disabled", "The endpoint is disabled; enable it (PATCH status enabled) first.");
            }

            var now = clock.GetUtcNow();
            var delivery = new WebhookDelivery { Id = clock.NewId(), EndpointId = endpoint.Id, EventId = eventId, CreatedAt = now, NextAttemptAt = now };
            db.WebhookDeliveries.Add(delivery);
            return delivery;
        }, ct);
        if (outcome.Succeeded)
        {
            signal.DeliveriesDue();
        }

        return Problems.Map(outcome, d => TypedResults.Accepted($"/v1/webhook_endpoints/{d.EndpointId}/deliveries", WebhookDeliveryResponse.From(d)));
    }

    private static readonly KeysetOrder<WebhookAttempt> NewestFirst = KeysetOrder<WebhookAttempt>.NewestFirst(a => a.Id);

    private static ulong Binding(Caller caller, Guid? endpointId)
    {
        var binding = new PageBinding(stackalloc byte[64], PageList.WebhookAttempts, caller);
        binding.Add(endpointId);
        return binding.Finish();
    }
}
