namespace Folio.BillRuns;

/// <summary>Bill run settings, from the <c>Folio:BillRuns</c> configuration section.</summary>
public sealed class BillRunOptions
{
    public const string Section = "Folio:BillRuns";

    /// <summary>Issue the invoices the run makes (true, the default) or leave them as drafts for someone to review and finalize.</summary>
    public bool Finalize { get; set; } = true;

    /// <summary>How many due subscriptions are read, and invoiced in one transaction, at a time.</summary>
    public int BatchSize { get; set; } = 1000;

    /// <summary>How long the SQLite lease lasts without renewal: a run that died lets the next one go after this.</summary>
    public int LeaseMinutes { get; set; } = 10;

    public static IServiceCollection Register(IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<BillRunOptions>()
            .Bind(configuration.GetSection(Section))
            .Validate(o => o.BatchSize is >= 1 and <= 10_000, $"{Section}:BatchSize is from 1 to 10000.")
            .Validate(o => o.LeaseMinutes is >= 1 and <= 1440, $"{Section}:LeaseMinutes is from 1 to 1440.")
            .ValidateOnStart();
        return services;
    }
}
