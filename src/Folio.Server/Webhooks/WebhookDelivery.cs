namespace Folio.Webhooks;

public enum WebhookDeliveryStatus
{
    Pending,
    Succeeded,
    Failed,
}

/// <summary>
/// One event on its way to one endpoint: pending until an attempt succeeds or the retries run out. A sender claims it
/// until <see cref="ClaimedUntil"/>, so that no two senders attempt it at once; a claim whose sender died runs out.
/// </summary>
public sealed class WebhookDelivery
{
    public Guid Id { get; init; }
    public Guid EndpointId { get; init; }
    public Guid EventId { get; init; }
    public WebhookDeliveryStatus Status { get; set; }

    /// <summary>How many attempts were made.</summary>
    public int Attempts { get; set; }

    /// <summary>When the next attempt is due; null once the delivery succeeded or failed.</summary>
    public DateTimeOffset? NextAttemptAt { get; set; }

    public DateTimeOffset? ClaimedUntil { get; set; }

    public DateTimeOffset CreatedAt { get; init; }
}

/// <summary>One attempt of a delivery, as the deliveries list shows it.</summary>
public sealed class WebhookAttempt
{
    public const int MaxErrorLength = 500;

    public Guid Id { get; init; }
    public Guid DeliveryId { get; init; }
    public Guid EndpointId { get; init; }
    public Guid EventId { get; init; }
    public required string EventType { get; init; }

    /// <summary>1 for the first attempt of the delivery.</summary>
    public int Attempt { get; init; }

    /// <summary>The receiver's HTTP status; null when no answer came (refused, timed out, address not allowed).</summary>
    public int? StatusCode { get; init; }

    public long DurationMs { get; init; }
    public string? Error { get; init; }
    public DateTimeOffset AttemptedAt { get; init; }

    /// <summary>When the delivery is tried again after this attempt; null when it succeeded or gave up.</summary>
    public DateTimeOffset? NextAttemptAt { get; init; }
}
