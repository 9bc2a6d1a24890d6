namespace Folio.Events;

/// <summary>
/// <c>Folio:Events</c>: how long events are kept (<see cref="RetentionDays"/>), and how often the clean-up and the
/// past-due check run.
/// </summary>
public sealed class EventOptions
{
    public const string Section = "Folio:Events";

    public int RetentionDays { get; set; } = 30;

    public int CleanupMinutes { get; set; } = 60;

    public int PastDueCheckMinutes { get; set; } = 15;

    /// <summary>Rows deleted, or invoices checked, per transaction.</summary>
    public int BatchSize { get; set; } = 1000;

    public static void Register(IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<EventOptions>().Bind(configuration.GetSection(Section))
            .Validate(o => o.RetentionDays is >= 1 and <= 3650, $"{Section}:RetentionDays is from 1 to 3650.")
            .Validate(o => o.CleanupMinutes is >= 0 and <= 1440 && o.PastDueCheckMinutes is >= 0 and <= 1440, $"{Section}:CleanupMinutes and PastDueCheckMinutes are from 1 to 1440, or 0: off.")
            .Validate(o => o.BatchSize is >= 1 and <= 100_000, $"{Section}:BatchSize is from 1 to 100000.")
            .ValidateOnStart();
        services.AddHostedService<EventRetention>();
        services.AddHostedService<PastDueCheck>();
    }
}
