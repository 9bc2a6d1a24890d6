using Folio.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Folio.Events;

/// <summary>
/// Deletes events older than <see cref="EventOptions.RetentionDays"/>, a batch per statement, every
/// <see cref="EventOptions.CleanupMinutes"/> on the injected clock. An event the webhook dispatcher has not yet handled
/// is kept past the retention, until it is dispatched or twice the retention has passed: a dispatcher that stopped must
/// not make the table grow without end, and one that is only late must not lose events.
/// </summary>
public sealed partial class EventRetention(IServiceScopeFactory scopes, TimeProvider clock, IOptions<EventOptions> options, ILogger<EventRetention> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Value.CleanupMinutes <= 0)
        {
            return;
        }

        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(options.Value.CleanupMinutes), clock);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var deleted = await Run(scope.ServiceProvider.GetRequiredService<FolioDb>(), options.Value, stoppingToken);
                if (deleted > 0)
                {
                    LogDeleted(deleted);
                }
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                LogFailed(exception);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>Deletes what the retention lets go; how many events.</summary>
    public static async Task<int> Run(FolioDb db, EventOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(options);
        var now = db.Clock.GetUtcNow();
        var cutoff = now.AddDays(-options.RetentionDays);
        var undispatchedCutoff = now.AddDays(-2 * options.RetentionDays);
        var deleted = 0;
        while (true)
        {
            var batch = await db.Events.AsNoTracking()
                .Where(e => e.CreatedAt < cutoff && (e.DispatchedAt != null || e.CreatedAt < undispatchedCutoff))
                .OrderBy(e => e.CreatedAt).Select(e => e.Id).Take(options.BatchSize).ToListAsync(cancellationToken);
            if (batch.Count == 0)
            {
                return deleted;
            }

            deleted += await db.Events.Where(e => batch.Contains(e.Id)).ExecuteDeleteAsync(cancellationToken);
            if (batch.Count < options.BatchSize)
            {
                return deleted;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Event retention: {Count} events deleted")]
    private partial void LogDeleted(int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Event retention failed; it runs again at its next turn")]
    private partial void LogFailed(Exception exception);
}
