using System.Net;
using System.Text.Json;
using Folio.Data;
using Folio.Events;
using Folio.Tests.Support;
using Folio.Webhooks;
using Microsoft.EntityFrameworkCore;

namespace Folio.Tests.Webhooks;

/// <summary>An app whose deliveries may reach the test's receiver: plain http on loopback.</summary>
public sealed class WebhookApp : FolioApp
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        [$"{WebhookOptions.Section}:AllowHttp"] = "true",
        [$"{WebhookOptions.Section}:AllowPrivateNetworks"] = "true",
        [$"{WebhookOptions.Section}:Deliver"] = "true",
    };

    public StandardWebhooksVerifier Verifier { get; private set; } = null!;

    public async Task StartVerifier() => Verifier ??= await StandardWebhooksVerifier.Start();

    public override async Task DisposeAsync()
    {
        Verifier?.Dispose();
        await base.DisposeAsync();
    }
}

/// <summary>An app with the default settings: https only, no private addresses.</summary>
public sealed class DefaultWebhookApp : FolioApp
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { [$"{WebhookOptions.Section}:Deliver"] = "true" };
}

public static class WebhookCalls
{
    /// <summary>Creates an endpoint subscribed to <paramref name="events"/>; returns its id and its secret.</summary>
    public static async Task<(string Id, string Secret)> Endpoint(this FolioApp app, string url, params string[] events)
    {
        var created = await app.Admin().Post("/v1/webhook_endpoints", new { url, enabled_events = events.Length == 0 ? ["*"] : events }).Expect(HttpStatusCode.Created);
        return (created.Str("id"), created.Str("secret"));
    }

    /// <summary>
    /// An event about a new customer: for <c>customer.created</c> the one the change itself wrote; for another type (one
    /// these tests never cause), written beside it with the customer as the API renders it.
    /// </summary>
    public static async Task<Event> CustomerEvent(this FolioApp app, string type = "customer.created")
    {
        var customer = await app.Books().Organization();
        var id = Guid.Parse(customer.Str("id"));
        if (type == "customer.created")
        {
            return await app.Query(db => db.Events.AsNoTracking().SingleAsync(x => x.ObjectId == id && x.Type == type));
        }

        var e = new Event(app.Clock.NewId(), type, app.Clock.GetUtcNow(), "customer", id, null, customer.GetRawText());
        await app.Query(async db =>
        {
            db.Events.Add(e);
            return await db.SaveChangesAsync();
        });
        return e;
    }

    /// <summary>
    /// Moves the clock a step at a time (by default a second, the webhook workers' look interval) until
    /// <paramref name="done"/> holds, failing after a generous bound.
    /// </summary>
    public static async Task Until(this FolioApp app, Func<Task<bool>> done, string what, TimeSpan? step = null)
    {
        for (var tries = 0; tries < 1200; tries++)
        {
            if (await done())
            {
                return;
            }

            app.Clock.Advance(step ?? TimeSpan.FromSeconds(1));
            await Task.Delay(50);
        }

        Assert.Fail($"Gave up waiting: {what}");
    }

    public static async Task<List<JsonElement>> Attempts(this FolioApp app, string endpointId) =>
        [.. (await app.Admin().GetAsync($"/v1/webhook_endpoints/{endpointId}/deliveries?limit=100").Expect(HttpStatusCode.OK)).GetProperty("data").EnumerateArray()];
}
