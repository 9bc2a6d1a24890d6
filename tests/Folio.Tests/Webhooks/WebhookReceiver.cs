using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Folio.Tests.Webhooks;

/// <summary>A delivery as the receiver got it: the raw body and the headers, and the response it was given.</summary>
public sealed record ReceivedDelivery(byte[] Body, IReadOnlyDictionary<string, string> Headers, int Status)
{
    public string Id => Headers["webhook-id"];

    public long Timestamp => long.Parse(Headers["webhook-timestamp"], System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>
/// A real webhook receiver: Kestrel on a loopback port, keeping every delivery as it arrived and answering what the test
/// says (<see cref="Respond"/>: a status, and a Retry-After value or null).
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly ConcurrentQueue<ReceivedDelivery> _received = new();
    private WebApplication? _app;

    public Func<string, int, (int Status, string? RetryAfter)> Respond { get; set; } = (_, _) => (200, null);

    public IReadOnlyCollection<ReceivedDelivery> Received => _received;

    public string Url { get; private set; } = string.Empty;

    public static async Task<WebhookReceiver> Start()
    {
        var receiver = new WebhookReceiver();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        app.MapPost("/hook", async (HttpContext context) =>
        {
            using var body = new MemoryStream();
            await context.Request.Body.CopyToAsync(body);
            var headers = context.Request.Headers.ToDictionary(h => h.Key.ToLowerInvariant(), h => h.Value.ToString());
            var id = headers.GetValueOrDefault("webhook-id") ?? string.Empty;
            var (status, retryAfter) = receiver.Respond(id, receiver._received.Count(r => r.Id == id) + 1);
            receiver._received.Enqueue(new ReceivedDelivery(body.ToArray(), headers, status));
            if (retryAfter is not null)
            {
                context.Response.Headers.RetryAfter = retryAfter;
            }

            context.Response.StatusCode = status;
        });
        await app.StartAsync();
        receiver._app = app;
        receiver.Url = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/hook";
        return receiver;
    }

    public List<ReceivedDelivery> Of(Guid eventId) => [.. _received.Where(r => r.Id == eventId.ToString())];

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }
}
