using Folio.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Folio.Webhooks;

/// <summary>
/// Turns events not yet dispatched into deliveries, one per enabled endpoint subscribed to the event's type (and created
/// before the event), and marks them dispatched, a batch per transaction. Events are claimed
/// (<see cref="DatabaseEngine.Claiming{T}"/>), so that several processes dispatch side by side without taking the same
/// events, and nothing a change writes is locked: changes only add events.
/// </summary>
public sealed partial class WebhookDispatcher(
    IServiceScopeFactory scopes, TimeProvider clock, IOptions<WebhookOptions> options, WebhookSignal signal, ILogger<WebhookDispatcher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.Deliver)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            int dispatched;
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                dispatched = await DispatchBatch(scope.ServiceProvider.GetRequiredService<FolioDb>(), clock, settings.DispatchBatchSize, stoppingToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                LogFailed(exception);
                dispatched = 0;
            }

            if (dispatched > 0)
            {
                signal.DeliveriesDue();
            }

            if (dispatched < settings.DispatchBatchSize)
            {
                await Task.Delay(settings.Poll, clock, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    /// <summary>Dispatches up to <paramref name="batchSize"/> events; returns how many.</summary>
    public static async Task<int> DispatchBatch(FolioDb db, TimeProvider clock, int batchSize, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var events = await db.Engine.Claiming(db.Events.Where(e => e.DispatchedAt == null).OrderBy(e => e.Id).Take(batchSize))
            .Select(e => new { e.Id, e.Type, e.CreatedAt })
            .ToListAsync(cancellationToken);
        if (events.Count == 0)
        {
            await transaction.RollbackAsync(cancellationToken);
            return 0;
        }

        var endpoints = await db.WebhookEndpoints.AsNoTracking().Where(e => e.Status == WebhookEndpointStatus.Enabled)
            .Select(e => new { e.Id, e.EnabledEvents, e.CreatedAt })
            .ToListAsync(cancellationToken);
        var subscribers = endpoints.ConvertAll(e => (e.Id, Patterns: (IReadOnlyList<string>)e.EnabledEvents.Split(' ', StringSplitOptions.RemoveEmptyEntries), e.CreatedAt));
        var now = clock.GetUtcNow();
        foreach (var e in events)
        {
            foreach (var endpoint in subscribers)
            {
                if (endpoint.CreatedAt <= e.CreatedAt && EventTypePatterns.Matches(endpoint.Patterns, e.Type))
                {
                    db.WebhookDeliveries.Add(new WebhookDelivery { Id = clock.NewId(), EndpointId = endpoint.Id, EventId = e.Id, CreatedAt = now, NextAttemptAt = now });
                }
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        // Event.MarkDispatched's rule (once, the first time) as one statement for the batch, without reading the objects.
        var ids = events.ConvertAll(e => e.Id);
        await db.Events.Where(e => ids.Contains(e.Id) && e.DispatchedAt == null).ExecuteUpdateAsync(s => s.SetProperty(e => e.DispatchedAt, now), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return events.Count;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook dispatch failed; retrying at the next look")]
    private partial void LogFailed(Exception exception);
}
