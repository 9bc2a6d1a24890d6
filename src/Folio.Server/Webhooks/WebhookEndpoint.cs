namespace Folio.Webhooks;

public enum WebhookEndpointStatus
{
    Enabled,
    Disabled,
}

/// <summary>
/// Where events are sent, and which. The signing secret is kept only as the key ring protected it
/// (<see cref="WebhookSecrets"/>); after a rotation the previous one keeps signing beside it until
/// <see cref="PreviousSecretExpiresAt"/>.
/// </summary>
public sealed class WebhookEndpoint
{
    public const int MaxUrlLength = 2048;
    public const int MaxDescriptionLength = 500;
    public const int MaxEnabledEventsLength = 2000;

    public Guid Id { get; init; }
    public required string Url { get; set; }
    public string Description { get; set; } = string.Empty;

    /// <summary>The event types or patterns subscribed to, space-separated (<see cref="EventTypePatterns"/>).</summary>
    public required string EnabledEvents { get; set; }

    public WebhookEndpointStatus Status { get; set; }

    /// <summary>Why the endpoint was disabled when Folio disabled it (gone, failing), or null.</summary>
    public string? DisabledReason { get; set; }

    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>The current signing secret, protected by the key ring.</summary>
    public required string ProtectedSecret { get; set; }

    public string? ProtectedPreviousSecret { get; set; }

    public DateTimeOffset? PreviousSecretExpiresAt { get; set; }

    /// <summary>Since when every attempt to this endpoint has failed; null after a success.</summary>
    public DateTimeOffset? FailingSince { get; set; }

    public IReadOnlyList<string> EventPatterns => EnabledEvents.Split(' ', StringSplitOptions.RemoveEmptyEntries);
}
