namespace Folio.Webhooks;

/// <summary>Webhook settings, from the <c>Folio:Webhooks</c> configuration section.</summary>
public sealed class WebhookOptions
{
    public const string Section = "Folio:Webhooks";

    /// <summary>Accept <c>http://</c> endpoint URLs (development and tests); otherwise only https.</summary>
    public bool AllowHttp { get; set; }

    /// <summary>Deliver to loopback, private, link-local, CGNAT and metadata addresses too (tests, on-premise receivers).</summary>
    public bool AllowPrivateNetworks { get; set; }

    /// <summary>How long a rotated-out secret keeps signing beside the new one.</summary>
    public int SecretOverlapHours { get; set; } = 24;

    /// <summary>Whether this process dispatches events and sends deliveries (false: it only serves the API).</summary>
    public bool Deliver { get; set; } = true;

    /// <summary>How many deliveries a process has in flight at most.</summary>
    public int Concurrency { get; set; } = 32;

    /// <summary>How many due deliveries a sender claims at a time.</summary>
    public int BatchSize { get; set; } = 256;

    /// <summary>How many events the dispatcher turns into deliveries in one transaction.</summary>
    public int DispatchBatchSize { get; set; } = 500;

    /// <summary>How long an attempt may take before it counts as failed.</summary>
    public int TimeoutSeconds { get; set; } = 15;

    /// <summary>How often an idle dispatcher and sender look for work.</summary>
    public int PollMilliseconds { get; set; } = 1000;

    public TimeSpan SecretOverlap => TimeSpan.FromHours(SecretOverlapHours);

    public TimeSpan Timeout => TimeSpan.FromSeconds(TimeoutSeconds);

    public TimeSpan Poll => TimeSpan.FromMilliseconds(PollMilliseconds);

    public static IServiceCollection Register(IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<WebhookOptions>()
            .Bind(configuration.GetSection(Section))
            .Validate(o => o.SecretOverlapHours is >= 0 and <= 720, $"{Section}:SecretOverlapHours is from 0 to 720.")
            .Validate(o => o.Concurrency is >= 1 and <= 1024, $"{Section}:Concurrency is from 1 to 1024.")
            .Validate(o => o.BatchSize is >= 1 and <= 10_000, $"{Section}:BatchSize is from 1 to 10000.")
            .Validate(o => o.DispatchBatchSize is >= 1 and <= 10_000, $"{Section}:DispatchBatchSize is from 1 to 10000.")
            .Validate(o => o.TimeoutSeconds is >= 1 and <= 60, $"{Section}:TimeoutSeconds is from 1 to 60.")
            .Validate(o => o.PollMilliseconds is >= 10 and <= 60_000, $"{Section}:PollMilliseconds is from 10 to 60000.")
            .ValidateOnStart();
        return services;
    }
}
