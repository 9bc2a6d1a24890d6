using System.Globalization;
using Folio.Audit;
using Folio.Data;
using Folio.Invoices;
using Microsoft.Extensions.Options;

namespace Folio.BillRuns;

/// <summary>How often <c>folio serve</c> runs the bill run by itself: <c>FOLIO_BILL_RUN_EVERY</c>; null when it does not.</summary>
public sealed class BillRunScheduleOptions
{
    public TimeSpan? Every { get; set; }
}

/// <summary>
/// Runs the bill run when the server starts and then every <see cref="BillRunScheduleOptions.Every"/>, on the injected
/// clock. Several servers may run it: the bill run's own lock lets one through and the others find it busy and wait for
/// their next turn. Off unless configured.
/// </summary>
public sealed partial class BillRunSchedule(
    IServiceScopeFactory scopes, TimeProvider clock, IOptions<BillRunScheduleOptions> schedule, IOptions<InvoiceOptions> invoiceOptions,
    IOptions<BillRunOptions> options, ILogger<BillRunSchedule> logger) : BackgroundService
{
    public const string Setting = "FOLIO_BILL_RUN_EVERY";
    public static readonly TimeSpan Shortest = TimeSpan.FromMinutes(1);
    public static readonly TimeSpan Longest = TimeSpan.FromDays(31);

    public static IServiceCollection Register(IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var value = configuration[Setting];
        var valid = TryParse(value, out var every);
        services.AddOptions<BillRunScheduleOptions>()
            .Configure(o => o.Every = every)
            .Validate(_ => valid, $"{Setting} is off, or an interval from 1m to 31d such as 15m, 1h or 1d (got '{value}').")
            .ValidateOnStart();
        services.AddHostedService<BillRunSchedule>();
        return services;
    }

    /// <summary>Empty or <c>off</c>: no schedule. Otherwise a number and a unit (<c>s</c>, <c>m</c>, <c>h</c>, <c>d</c>) or a TimeSpan (<c>01:30:00</c>).</summary>
    public static bool TryParse(string? value, out TimeSpan? every)
    {
        every = null;
        if (string.IsNullOrWhiteSpace(value) || value.Trim().Equals("off", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        var text = value.Trim();
        TimeSpan parsed;
        if (text[^1] is 's' or 'm' or 'h' or 'd' && int.TryParse(text[..^1], NumberStyles.None, CultureInfo.InvariantCulture, out var count))
        {
            parsed = text[^1] switch
            {
                's' => TimeSpan.FromSeconds(count),
                'm' => TimeSpan.FromMinutes(count),
                'h' => TimeSpan.FromHours(count),
                _ => TimeSpan.FromDays(count),
            };
        }
        else if (!TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out parsed))
        {
            return false;
        }

        every = parsed;
        return parsed >= Shortest && parsed <= Longest;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (schedule.Value.Every is not { } every)
        {
            return;
        }

        // The timer exists before the first run, so a tick that falls during a run is not lost: it starts the next one.
        using var timer = new PeriodicTimer(every, clock);
        LogScheduled(every);
        do
        {
            await RunOnce(stoppingToken);
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private async Task RunOnce(CancellationToken stoppingToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<FolioDb>();
            db.Audit = new AuditScope(Actor.Scheduler, "bill_run.create", "bill_run", null);
            await using var lockScope = scopes.CreateAsyncScope();
            var lockDb = lockScope.ServiceProvider.GetRequiredService<FolioDb>();
            var outcome = await BillRunOperations.Run(db, lockDb, clock, invoiceOptions.Value, options.Value, null, null, logger, stoppingToken);
            db.Audit = null;
            if (outcome.Value is { } run)
            {
                LogFinished(run.Id, run.Invoiced, run.Failed);
            }
            else
            {
                LogNotRun(outcome.Violations[0].Code);
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // The next turn tries again; the books are consistent, since each period is invoiced in a transaction of its own.
            LogFailed(exception);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Bill run scheduled every {Every}")]
    private partial void LogScheduled(TimeSpan every);

    [LoggerMessage(Level = LogLevel.Information, Message = "Scheduled bill run {RunId}: {Invoiced} invoiced, {Failed} failed")]
    private partial void LogFinished(Guid runId, int invoiced, int failed);

    [LoggerMessage(Level = LogLevel.Information, Message = "Scheduled bill run not started: {Code}")]
    private partial void LogNotRun(string code);

    [LoggerMessage(Level = LogLevel.Error, Message = "Scheduled bill run failed")]
    private partial void LogFailed(Exception exception);
}
