using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using Folio.Data;
using Folio.Events;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Folio.Webhooks;

/// <summary>
/// Sends due deliveries: claims a batch (each delivery until a lease runs out, so that a claim whose process died is
/// taken again), sends them with at most <see cref="WebhookOptions.Concurrency"/> in flight, then records every attempt
/// and what follows from it (success, the next retry, failure, a disabled endpoint) in one transaction. At least once: a
/// delivery whose outcome was not recorded is sent again.
/// </summary>
public sealed partial class WebhookSender(
    IServiceScopeFactory scopes, TimeProvider clock, IOptions<WebhookOptions> options, WebhookSignal signal, WebhookSecrets secrets,
    IHttpClientFactory httpClients, IOptions<JsonOptions> json, ILogger<WebhookSender> logger) : BackgroundService
{
    public const string ClientName = "Folio.Webhooks";

    private const string DisabledError = "endpoint disabled";

    private readonly WebhookOptions _settings = options.Value;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!_settings.Deliver)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            int sent;
            try
            {
                sent = await SendBatch(stoppingToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                LogFailed(exception);
                sent = 0;
            }

            if (sent == 0)
            {
                await signal.WaitForDeliveries(clock, _settings.Poll, stoppingToken);
            }
        }
    }

    /// <summary>Claims, sends and records one batch of due deliveries; returns how many were claimed.</summary>
    public async Task<int> SendBatch(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FolioDb>();
        var claimed = await Claim(db, cancellationToken);
        if (claimed.Count == 0)
        {
            return 0;
        }

        var eventIds = claimed.Select(d => d.EventId).Distinct().ToList();
        var endpointIds = claimed.Select(d => d.EndpointId).Distinct().ToList();
        var events = await db.Events.AsNoTracking().Where(e => eventIds.Contains(e.Id)).ToDictionaryAsync(e => e.Id, cancellationToken);
        var endpoints = await db.WebhookEndpoints.AsNoTracking().Where(e => endpointIds.Contains(e.Id)).ToDictionaryAsync(e => e.Id, cancellationToken);
        var now = clock.GetUtcNow();
        var keys = endpoints.Values.ToDictionary(e => e.Id, e => Keys(e, now));
        var bodies = events.Values.ToDictionary(e => e.Id, e => Encoding.UTF8.GetBytes(EventResponse.Json(e)));
        var results = new Result[claimed.Count];
        var client = httpClients.CreateClient(ClientName);
        await Parallel.ForEachAsync(Enumerable.Range(0, claimed.Count), new ParallelOptions { MaxDegreeOfParallelism = _settings.Concurrency, CancellationToken = cancellationToken }, async (n, ct) =>
        {
            var delivery = claimed[n];
            results[n] = endpoints.TryGetValue(delivery.EndpointId, out var endpoint) && endpoint.Status == WebhookEndpointStatus.Enabled
                ? await Send(client, endpoint, keys[endpoint.Id], delivery.EventId, bodies[delivery.EventId], ct)
                : new Result(null, null, DisabledError, 0, clock.GetUtcNow(), Sent: false);
        });

        await Record(db, claimed, results, events, endpoints, cancellationToken);
        return claimed.Count;
    }

    /// <summary>Takes the due deliveries no live claim holds, until the lease runs out.</summary>
    private async Task<List<WebhookDelivery>> Claim(FolioDb db, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var rounds = (_settings.BatchSize + _settings.Concurrency - 1) / _settings.Concurrency;
        var until = now + (_settings.Timeout * rounds) + TimeSpan.FromMinutes(1);
        var claimed = await db.Engine.Claiming(db.WebhookDeliveries
                .Where(d => d.NextAttemptAt != null && d.NextAttemptAt <= now && (d.ClaimedUntil == null || d.ClaimedUntil < now))
                .OrderBy(d => d.NextAttemptAt)
                .Take(_settings.BatchSize))
            .ToListAsync(cancellationToken);
        foreach (var delivery in claimed)
        {
            delivery.ClaimedUntil = until;
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return claimed;
    }

    /// <summary>The HMAC keys in force: the current secret's, and the previous one's until its overlap ends.</summary>
    private List<byte[]> Keys(WebhookEndpoint endpoint, DateTimeOffset now)
    {
        List<byte[]> keys = [secrets.Key(endpoint.ProtectedSecret)];
        if (endpoint.ProtectedPreviousSecret is { } previous && endpoint.PreviousSecretExpiresAt > now)
        {
            keys.Add(secrets.Key(previous));
        }

        return keys;
    }

    private async Task<Result> Send(HttpClient client, WebhookEndpoint endpoint, List<byte[]> keys, Guid eventId, byte[] body, CancellationToken cancellationToken)
    {
        var attemptedAt = clock.GetUtcNow();
        var id = eventId.ToString();
        var timestamp = attemptedAt.ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint.Url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new("application/json");
        request.Headers.TryAddWithoutValidation("webhook-id", id);
        request.Headers.TryAddWithoutValidation("webhook-timestamp", timestamp.ToString(CultureInfo.InvariantCulture));
        request.Headers.TryAddWithoutValidation("webhook-signature", WebhookSignature.Header(keys, id, timestamp, body));
        request.Headers.TryAddWithoutValidation("user-agent", "Folio-Webhooks/1");
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_settings.Timeout);
        var started = Stopwatch.GetTimestamp();
        try
        {
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            var status = (int)response.StatusCode;
            var retryAfter = WebhookRetries.RetryAfter(response.StatusCode, response.Headers.RetryAfter, clock.GetUtcNow());
            return new Result(status, retryAfter, response.IsSuccessStatusCode ? null : $"HTTP {status}", Elapsed(started), attemptedAt);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new Result(null, null, $"timed out after {_settings.TimeoutSeconds} s", Elapsed(started), attemptedAt);
        }
        catch (HttpRequestException exception)
        {
            var error = FindRefusal(exception) is { } refused ? refused.Message : $"request failed: {SnakeCase.From(exception.HttpRequestError.ToString())}";
            return new Result(null, null, error, Elapsed(started), attemptedAt);
        }
    }

    private static AddressRefusedException? FindRefusal(Exception? exception)
    {
        for (; exception is not null; exception = exception.InnerException)
        {
            if (exception is AddressRefusedException refused)
            {
                return refused;
            }
        }

        return null;
    }

    private static long Elapsed(long started) => (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds;

    /// <summary>Writes the attempts and their consequences; an endpoint changes only when its failing state does.</summary>
    private async Task Record(
        FolioDb db, List<WebhookDelivery> claimed, Result[] results, Dictionary<Guid, Event> events, Dictionary<Guid, WebhookEndpoint> endpoints, CancellationToken cancellationToken)
    {
        // Per endpoint, in the order attempts were made: since when it has failed, and whether it is to be disabled.
        var verdicts = new Dictionary<Guid, (DateTimeOffset? FailingSince, string? Disable)>();
        foreach (var n in Enumerable.Range(0, claimed.Count).OrderBy(n => results[n].AttemptedAt))
        {
            var result = results[n];
            if (!result.Sent || !endpoints.TryGetValue(claimed[n].EndpointId, out var endpoint))
            {
                continue;
            }

            var (failingSince, disable) = verdicts.TryGetValue(endpoint.Id, out var verdict) ? verdict : (endpoint.FailingSince, null);
            if (result.Succeeded)
            {
                failingSince = null;
            }
            else
            {
                failingSince ??= result.AttemptedAt;
                disable ??= result.StatusCode == (int)HttpStatusCode.Gone ? "gone"
                    : result.AttemptedAt - failingSince >= WebhookRetries.DisableAfter ? "failing"
                    : null;
            }

            verdicts[endpoint.Id] = (failingSince, disable);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // Endpoints before deliveries, the order in which disabling an endpoint locks them.
        var changing = verdicts.Where(v => v.Value.Disable is not null || v.Value.FailingSince != endpoints[v.Key].FailingSince).Select(v => v.Key).Order().ToList();
        List<WebhookEndpoint> locked = changing.Count == 0 ? [] : await db.WebhookEndpoints.Where(e => changing.Contains(e.Id)).OrderBy(e => e.Id).ForUpdate().ToListAsync(cancellationToken);
        var ids = claimed.ConvertAll(d => d.Id);
        var deliveries = await db.WebhookDeliveries.Where(d => ids.Contains(d.Id)).OrderBy(d => d.Id).ForUpdate().ToDictionaryAsync(d => d.Id, cancellationToken);
        for (var n = 0; n < claimed.Count; n++)
        {
            if (!deliveries.TryGetValue(claimed[n].Id, out var delivery))
            {
                // Its endpoint was deleted meanwhile, and the delivery with it.
                continue;
            }

            var result = results[n];
            delivery.ClaimedUntil = null;
            if (!result.Sent)
            {
                delivery.Status = WebhookDeliveryStatus.Failed;
                delivery.NextAttemptAt = null;
                continue;
            }

            var attempt = ++delivery.Attempts;
            var disabling = verdicts.TryGetValue(delivery.EndpointId, out var verdict) && verdict.Disable is not null;
            var next = result.Succeeded || disabling ? null : WebhookRetries.Next(attempt, result.AttemptedAt, result.RetryAfter);
            delivery.NextAttemptAt = next;
            delivery.Status = result.Succeeded ? WebhookDeliveryStatus.Succeeded : next is null ? WebhookDeliveryStatus.Failed : WebhookDeliveryStatus.Pending;
            db.WebhookAttempts.Add(new WebhookAttempt
            {
                Id = clock.NewId(),
                DeliveryId = delivery.Id,
                EndpointId = delivery.EndpointId,
                EventId = delivery.EventId,
                EventType = events[delivery.EventId].Type,
                Attempt = attempt,
                StatusCode = result.StatusCode,
                DurationMs = result.DurationMs,
                Error = result.Error?.Length > WebhookAttempt.MaxErrorLength ? result.Error[..WebhookAttempt.MaxErrorLength] : result.Error,
                AttemptedAt = result.AttemptedAt,
                NextAttemptAt = next,
            });
        }

        await db.SaveChangesAsync(cancellationToken);
        foreach (var endpoint in locked)
        {
            var verdict = verdicts[endpoint.Id];
            endpoint.FailingSince = verdict.FailingSince;
            if (verdict.Disable is { } reason)
            {
                var id = endpoint.Id;
                LogDisabled(id, reason);
                await WebhookEndpointOperations.Disable(db, clock, json.Value.SerializerOptions, endpoint, reason, cancellationToken);
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        db.ChangeTracker.Clear();
    }

    private sealed record Result(int? StatusCode, TimeSpan? RetryAfter, string? Error, long DurationMs, DateTimeOffset AttemptedAt, bool Sent = true)
    {
        public bool Succeeded => StatusCode is >= 200 and < 300;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook delivery batch failed; its deliveries are tried again when their claim runs out")]
    private partial void LogFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook endpoint {EndpointId} disabled: {Reason}")]
    private partial void LogDisabled(Guid endpointId, string reason);
}
