using Folio.Data;
using Microsoft.EntityFrameworkCore;

namespace Folio.Idempotency;

/// <summary>
/// Deletes the idempotency records past their day, every hour on the injected clock, a batch per statement so that no
/// delete holds locks for long. A record past its day that is still there answers nothing (<see cref="IdempotencyKeys"/>).
/// </summary>
public sealed partial class IdempotencyCleanup(IServiceScopeFactory scopes, TimeProvider clock, ILogger<IdempotencyCleanup> logger) : BackgroundService
{
    public static readonly TimeSpan Every = TimeSpan.FromHours(1);
    public const int BatchSize = 1000;

    public static void Register(IServiceCollection services) => services.AddHostedService<IdempotencyCleanup>();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Every, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await DeleteExpired(stoppingToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // The next turn tries again; a record past its day answers nothing meanwhile.
                LogFailed(exception);
            }
        }
    }

    private async Task DeleteExpired(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FolioDb>();
        var now = clock.GetUtcNow();
        int deleted;
        do
        {
            deleted = await db.IdempotencyRecords.Where(r => r.ExpiresAt <= now).OrderBy(r => r.ExpiresAt).Take(BatchSize).ExecuteDeleteAsync(cancellationToken);
        }
        while (deleted == BatchSize);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Deleting expired idempotency records failed")]
    private partial void LogFailed(Exception exception);
}
