using System.Text.Json.Serialization;

namespace Folio.Webhooks;

public sealed record CreateWebhookEndpointRequest(string Url, IReadOnlyList<string> EnabledEvents, string? Description = null);

/// <summary>A field left out keeps its value; <c>status</c> <c>enabled</c> turns an endpoint Folio disabled back on.</summary>
public sealed record UpdateWebhookEndpointRequest(string? Url = null, IReadOnlyList<string>? EnabledEvents = null, string? Description = null, WebhookEndpointStatus? Status = null);

/// <summary>
/// <c>previous_secret_expires_in</c>: seconds the old secret keeps signing beside the new one, at most (and by default)
/// <c>Folio:Webhooks:SecretOverlapHours</c>; 0 retires it at once.
/// </summary>
public sealed record RotateWebhookSecretRequest(long? PreviousSecretExpiresIn = null);

/// <summary>
/// An endpoint as the API shows it. <see cref="Secret"/> is there only in the answers that made it: creation and rotation.
/// </summary>
public sealed record WebhookEndpointResponse(
    Guid Id,
    string Url,
    IReadOnlyList<string> EnabledEvents,
    string Description,
    WebhookEndpointStatus Status,
    string? DisabledReason,
    DateTimeOffset CreatedAt,
    DateTimeOffset? PreviousSecretExpiresAt,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Secret = null)
{
    public static WebhookEndpointResponse From(WebhookEndpoint endpoint, string? secret = null)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        return new(endpoint.Id, endpoint.Url, endpoint.EventPatterns, endpoint.Description, endpoint.Status, endpoint.DisabledReason, endpoint.CreatedAt,
            endpoint.PreviousSecretExpiresAt, secret);
    }
}

public sealed record RedeliverRequest(Guid EndpointId);

/// <summary>One attempt as the deliveries list shows it.</summary>
public sealed record WebhookAttemptResponse(
    Guid Id, Guid DeliveryId, Guid EventId, string EventType, int Attempt, int? StatusCode, long DurationMs, string? Error, DateTimeOffset AttemptedAt, DateTimeOffset? NextAttemptAt)
{
    public static WebhookAttemptResponse From(WebhookAttempt attempt)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        return new(attempt.Id, attempt.DeliveryId, attempt.EventId, attempt.EventType, attempt.Attempt, attempt.StatusCode, attempt.DurationMs, attempt.Error,
            attempt.AttemptedAt, attempt.NextAttemptAt);
    }
}

/// <summary>A delivery just queued (redelivery).</summary>
public sealed record WebhookDeliveryResponse(Guid Id, Guid EndpointId, Guid EventId, WebhookDeliveryStatus Status, int Attempts, DateTimeOffset? NextAttemptAt, DateTimeOffset CreatedAt)
{
    public static WebhookDeliveryResponse From(WebhookDelivery delivery)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        return new(delivery.Id, delivery.EndpointId, delivery.EventId, delivery.Status, delivery.Attempts, delivery.NextAttemptAt, delivery.CreatedAt);
    }
}
