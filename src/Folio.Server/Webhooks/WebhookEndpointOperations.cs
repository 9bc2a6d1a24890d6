using System.Text.Json;
using Folio.Api;
using Folio.Data;
using Folio.Domain;
using Folio.Events;
using Microsoft.EntityFrameworkCore;

namespace Folio.Webhooks;

public static class WebhookEndpointOperations
{
    public const string DisabledEventType = "webhook_endpoint.disabled";

    public static Task<Outcome<(WebhookEndpoint Endpoint, string Secret)>> Create(
        FolioDb db, TimeProvider clock, WebhookSecrets secrets, WebhookOptions options, CreateWebhookEndpointRequest request, CancellationToken cancellationToken) =>
        db.InTransaction<(WebhookEndpoint, string)>(() =>
        {
            var violations = new List<RuleViolation>();
            violations.AddRange(WebhookUrls.Check(request.Url, options) is { } badUrl ? [badUrl] : []);
            violations.AddRange(EventTypePatterns.Read(request.EnabledEvents, out var events) is { } badEvents ? [badEvents] : []);
            violations.AddRange(CheckDescription(request.Description) is { } badDescription ? [badDescription] : []);
            if (violations.Count > 0)
            {
                return Task.FromResult(Outcome<(WebhookEndpoint, string)>.Rejected(violations));
            }

            var (secret, protectedSecret) = secrets.Generate();
            var endpoint = new WebhookEndpoint
            {
                Id = clock.NewId(),
                Url = request.Url,
                EnabledEvents = events,
                Description = request.Description?.Trim() ?? string.Empty,
                Status = WebhookEndpointStatus.Enabled,
                CreatedAt = clock.GetUtcNow(),
                ProtectedSecret = protectedSecret,
            };
            db.WebhookEndpoints.Add(endpoint);
            return Task.FromResult(Outcome<(WebhookEndpoint, string)>.Ok((endpoint, secret)));
        }, cancellationToken);

    public static Task<Outcome<WebhookEndpoint>> Update(
        FolioDb db, TimeProvider clock, WebhookOptions options, JsonSerializerOptions json, Guid id, UpdateWebhookEndpointRequest request, CancellationToken cancellationToken) =>
        db.InTransaction<WebhookEndpoint>(async () =>
        {
            var endpoint = await db.WebhookEndpoints.ForUpdate().Where(e => e.Id == id).FirstOrDefaultAsync(cancellationToken);
            if (endpoint is null)
            {
                return Outcome<WebhookEndpoint>.NotFound("webhook_endpoint_not_found");
            }

            var violations = new List<RuleViolation>();
            var events = endpoint.EnabledEvents;
            violations.AddRange(request.Url is not null && WebhookUrls.Check(request.Url, options) is { } badUrl ? [badUrl] : []);
            violations.AddRange(request.EnabledEvents is not null && EventTypePatterns.Read(request.EnabledEvents, out events) is { } badEvents ? [badEvents] : []);
            violations.AddRange(CheckDescription(request.Description) is { } badDescription ? [badDescription] : []);
            if (violations.Count > 0)
            {
                return Outcome<WebhookEndpoint>.Rejected(violations);
            }

            endpoint.Url = request.Url ?? endpoint.Url;
            endpoint.EnabledEvents = events;
            endpoint.Description = request.Description?.Trim() ?? endpoint.Description;
            if (request.Status == WebhookEndpointStatus.Enabled)
            {
                endpoint.Status = WebhookEndpointStatus.Enabled;
                endpoint.DisabledReason = null;
                endpoint.FailingSince = null;
            }
            else if (request.Status == WebhookEndpointStatus.Disabled)
            {
                await Disable(db, clock, json, endpoint, "by_request", cancellationToken);
            }

            return endpoint;
        }, cancellationToken);

    public static Task<Outcome<(WebhookEndpoint Endpoint, string Secret)>> RotateSecret(
        FolioDb db, TimeProvider clock, WebhookSecrets secrets, WebhookOptions options, Guid id, RotateWebhookSecretRequest request, CancellationToken cancellationToken) =>
        db.InTransaction<(WebhookEndpoint, string)>(async () =>
        {
            var longest = (long)options.SecretOverlap.TotalSeconds;
            if (request.PreviousSecretExpiresIn is < 0 || request.PreviousSecretExpiresIn > longest)
            {
                return RuleViolation.Invalid("previous_secret_expires_in", "invalid_previous_secret_expires_in", $"previous_secret_expires_in is from 0 to {longest} seconds.");
            }

            var endpoint = await db.WebhookEndpoints.ForUpdate().Where(e => e.Id == id).FirstOrDefaultAsync(cancellationToken);
            if (endpoint is null)
            {
                return Outcome<(WebhookEndpoint, string)>.NotFound("webhook_endpoint_not_found");
            }

            var (secret, protectedSecret) = secrets.Generate();
            var overlap = TimeSpan.FromSeconds(request.PreviousSecretExpiresIn ?? longest);
            endpoint.ProtectedPreviousSecret = overlap > TimeSpan.Zero ? endpoint.ProtectedSecret : null;
            endpoint.PreviousSecretExpiresAt = overlap > TimeSpan.Zero ? clock.GetUtcNow() + overlap : null;
            endpoint.ProtectedSecret = protectedSecret;
            return (endpoint, secret);
        }, cancellationToken);

    /// <summary>Deletes the endpoint with its deliveries and their attempts.</summary>
    public static Task<Outcome<Guid>> Delete(FolioDb db, Guid id, CancellationToken cancellationToken) =>
        db.InTransaction<Guid>(async () =>
        {
            // Tracked, not a bulk delete, so that the audit trail records the endpoint removed.
            if (await db.WebhookEndpoints.FirstOrDefaultAsync(e => e.Id == id, cancellationToken) is not { } endpoint)
            {
                return Outcome<Guid>.NotFound("webhook_endpoint_not_found");
            }

            db.WebhookEndpoints.Remove(endpoint);
            return id;
        }, cancellationToken);

    /// <summary>
    /// Disables an endpoint in the caller's transaction: its pending deliveries fail, and a <c>webhook_endpoint.disabled</c>
    /// event tells of it (with the endpoint as the API shows it).
    /// </summary>
    public static async Task Disable(FolioDb db, TimeProvider clock, JsonSerializerOptions json, WebhookEndpoint endpoint, string reason, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(endpoint);
        if (endpoint.Status == WebhookEndpointStatus.Disabled)
        {
            return;
        }

        endpoint.Status = WebhookEndpointStatus.Disabled;
        endpoint.DisabledReason = reason;
        await db.WebhookDeliveries.Where(d => d.EndpointId == endpoint.Id && d.Status == WebhookDeliveryStatus.Pending)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.Status, WebhookDeliveryStatus.Failed).SetProperty(d => d.NextAttemptAt, (DateTimeOffset?)null), cancellationToken);
        db.Events.Add(EventLog.New(clock, DisabledEventType, "webhook_endpoint", endpoint.Id, JsonSerializer.Serialize(WebhookEndpointResponse.From(endpoint), json), organizationId: null));
    }

    private static RuleViolation? CheckDescription(string? description) =>
        description is { Length: > WebhookEndpoint.MaxDescriptionLength }
            ? RuleViolation.Invalid("description", "invalid_description", $"description is at most {WebhookEndpoint.MaxDescriptionLength} characters.")
            : null;
}
