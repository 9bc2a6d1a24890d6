using Folio.Audit;
using Folio.Data;
using Folio.Domain.Invoicing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Folio.Events;

/// <summary>
/// Writes <c>invoice.past_due</c> when an open invoice's due date passes with money remaining: once per invoice and due
/// date (a <see cref="PastDueNotice"/>), checked every <see cref="EventOptions.PastDueCheckMinutes"/> on the injected clock.
/// Servers sharing the books take turns under one lock, so none writes an invoice's notice twice.
/// </summary>
public sealed partial class PastDueCheck(IServiceScopeFactory scopes, TimeProvider clock, IOptions<EventOptions> options, ILogger<PastDueCheck> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Value.PastDueCheckMinutes <= 0)
        {
            return;
        }

        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(options.Value.PastDueCheckMinutes), clock);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var noted = await Run(scope.ServiceProvider.GetRequiredService<FolioDb>(), options.Value.BatchSize, stoppingToken);
                if (noted > 0)
                {
                    LogNoted(noted);
                }
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                LogFailed(exception);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>Notes every invoice that became past due, a batch per transaction; how many.</summary>
    public static async Task<int> Run(FolioDb db, int batchSize, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        // Its entries are written here, by the scheduler; the context may come from the pool with another's scope.
        db.Audit = null;
        var noted = 0;
        while (true)
        {
            var now = db.Clock.GetUtcNow();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await db.LockKey("events:past_due", cancellationToken);
            var due = await db.Invoices.AsNoTracking().Include(i => i.Items)
                .Where(i => i.Status == InvoiceStatus.Open && i.DueAt < now && i.AmountRemaining > 0
                    && !db.PastDueNotices.Any(n => n.InvoiceId == i.Id && n.DueAt == i.DueAt))
                .OrderBy(i => i.Id).Take(batchSize).ToListAsync(cancellationToken);
            foreach (var invoice in due)
            {
                db.PastDueNotices.Add(new PastDueNotice(invoice.Id, invoice.DueAt!.Value, now));
                db.Events.Add(EventObjects.Invoice(db.Clock, "invoice.past_due", invoice));
                db.AuditEvents.Add(AuditTrail.Entry(db.Clock, Actor.Scheduler, "invoice.past_due", "invoice", invoice.Id, invoice.OrganizationId,
                    [new ChangedObject("invoice", invoice.Id, "updated", invoice.OrganizationId, [new FieldChange("past_due", false, true)])]));
            }

            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            db.ChangeTracker.Clear();
            noted += due.Count;
            if (due.Count < batchSize)
            {
                return noted;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Past-due check: {Count} invoices became past due")]
    private partial void LogNoted(int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Past-due check failed; it runs again at its next turn")]
    private partial void LogFailed(Exception exception);
}
