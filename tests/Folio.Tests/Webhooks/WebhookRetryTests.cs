using System.Globalization;
using System.Net;
using System.Text.Json;
using Folio.Events;
using Folio.Tests.Support;
using Folio.Webhooks;
using Microsoft.EntityFrameworkCore;

namespace Folio.Tests.Webhooks;

/// <summary>Failed deliveries come back on the Standard Webhooks schedule, on the fake clock; receivers steer them.</summary>
public sealed class WebhookRetryTests(WebhookApp app) : IClassFixture<WebhookApp>, IAsyncLifetime
{
    private static readonly TimeSpan[] Schedule =
    [
        TimeSpan.FromSeconds(5), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(30), TimeSpan.FromHours(2), TimeSpan.FromHours(5), TimeSpan.FromHours(10), TimeSpan.FromHours(10),
    ];

    private WebhookReceiver _receiver = null!;

    public async Task InitializeAsync() => _receiver = await WebhookReceiver.Start();

    public async Task DisposeAsync() => await _receiver.DisposeAsync();

    [Fact]
    public async Task A_receiver_that_is_down_gets_every_retry_of_the_schedule_and_the_last_one_succeeds_once_it_is_up()
    {
        _receiver.Respond = (_, attempt) => (attempt < 8 ? 500 : 200, null);
        var (endpoint, _) = await app.Endpoint(_receiver.Url, "customer.created");
        var e = await app.CustomerEvent();
        await app.Until(() => Task.FromResult(_receiver.Of(e.Id).Count == 1), "the first attempt");

        for (var attempt = 1; attempt < 8; attempt++)
        {
            var last = await LastAttempt(endpoint, attempt);
            Assert.Equal((500, "HTTP 500"), (last.GetProperty("status_code").GetInt32(), last.Str("error")));
            var at = Time(last, "attempted_at");
            var next = Time(last, "next_attempt_at");
            var step = Schedule[attempt - 1];
            Assert.InRange(next - at, step - TimeSpan.FromSeconds(1), step + (step / 10) + TimeSpan.FromSeconds(1));

            // Nothing happens before the retry is due; at the time, it comes.
            app.Clock.Advance(next - app.Clock.GetUtcNow() - TimeSpan.FromSeconds(2));
            await Task.Delay(200);
            Assert.Equal(attempt, _receiver.Of(e.Id).Count);
            var expected = attempt + 1;
            await app.Until(() => Task.FromResult(_receiver.Of(e.Id).Count == expected), $"attempt {expected}");
        }

        var final = await LastAttempt(endpoint, 8);
        Assert.Equal(200, final.GetProperty("status_code").GetInt32());
        Assert.Equal(JsonValueKind.Null, final.GetProperty("next_attempt_at").ValueKind);
        Assert.Equal(WebhookDeliveryStatus.Succeeded, await app.Query(db => db.WebhookDeliveries.Where(d => d.EventId == e.Id && d.EndpointId == Guid.Parse(endpoint)).Select(d => d.Status).SingleAsync()));
    }

    [Fact]
    public async Task Retry_after_on_a_503_is_honoured_never_sooner()
    {
        _receiver.Respond = (_, attempt) => attempt == 1 ? (503, "120") : (200, null);
        var (endpoint, _) = await app.Endpoint(_receiver.Url, "customer.created");
        var e = await app.CustomerEvent();
        await app.Until(() => Task.FromResult(_receiver.Of(e.Id).Count == 1), "the first attempt");

        var first = await LastAttempt(endpoint, 1);
        var at = Time(first, "attempted_at");
        Assert.Equal(at.AddSeconds(120), Time(first, "next_attempt_at"));
        app.Clock.Advance(at.AddSeconds(118) - app.Clock.GetUtcNow());
        await Task.Delay(300);
        Assert.Single(_receiver.Of(e.Id));
        await app.Until(() => Task.FromResult(_receiver.Of(e.Id).Count == 2), "the retry after 120 s");
        Assert.True(Time(await LastAttempt(endpoint, 2), "attempted_at") >= at.AddSeconds(120));
    }

    [Fact]
    public async Task A_410_disables_the_endpoint_at_once_and_records_the_event()
    {
        _receiver.Respond = (_, _) => (410, null);
        var (endpoint, _) = await app.Endpoint(_receiver.Url, "customer.created");
        var e = await app.CustomerEvent();
        await app.Until(async () => (await app.Admin().GetAsync($"/v1/webhook_endpoints/{endpoint}").Expect(HttpStatusCode.OK)).Str("status") == "disabled", "the endpoint disabled");

        var shown = await app.Admin().GetAsync($"/v1/webhook_endpoints/{endpoint}").Expect(HttpStatusCode.OK);
        Assert.Equal("gone", shown.Str("disabled_reason"));
        var attempt = await LastAttempt(endpoint, 1);
        Assert.Equal((410, JsonValueKind.Null), (attempt.GetProperty("status_code").GetInt32(), attempt.GetProperty("next_attempt_at").ValueKind));
        var endpointId = Guid.Parse(endpoint);
        var disabled = await app.Query(db => db.Events.AsNoTracking().SingleAsync(x => x.Type == "webhook_endpoint.disabled" && x.ObjectId == endpointId));
        Assert.Null(disabled.OrganizationId);
        Assert.Equal(JsonDocument.Parse(shown.GetRawText()).RootElement.GetRawText(), JsonDocument.Parse(disabled.Data).RootElement.GetRawText());

        // No more attempts go to it, and it can be turned back on.
        var later = await app.CustomerEvent();
        app.Clock.Advance(TimeSpan.FromMinutes(10));
        await Task.Delay(300);
        Assert.Empty(_receiver.Of(later.Id));
        var enabled = await app.Admin().Patch($"/v1/webhook_endpoints/{endpoint}", new { status = "enabled" }).Expect(HttpStatusCode.OK);
        Assert.Equal(("enabled", JsonValueKind.Null), (enabled.Str("status"), enabled.GetProperty("disabled_reason").ValueKind));
    }

    [Fact]
    public async Task Redelivering_sends_the_event_again_as_a_new_delivery_listed_with_the_others()
    {
        var (endpoint, _) = await app.Endpoint(_receiver.Url, "customer.created");
        var e = await app.CustomerEvent();
        await app.Until(() => Task.FromResult(_receiver.Of(e.Id).Count == 1), "the delivery");

        var queued = await app.Admin().Post($"/v1/events/{e.Id}/redeliver", new { endpoint_id = endpoint }).Expect(HttpStatusCode.Accepted);
        Assert.Equal(("pending", e.Id.ToString()), (queued.Str("status"), queued.Str("event_id")));
        await app.Until(async () => (await app.Attempts(endpoint)).Count == 2, "the redelivery");
        Assert.Equal(2, _receiver.Of(e.Id).Count);
        Assert.Equal(_receiver.Of(e.Id)[0].Body, _receiver.Of(e.Id)[1].Body);

        var attempts = await app.Attempts(endpoint);
        Assert.Equal(2, attempts.Count(a => a.Str("event_id") == e.Id.ToString()));
        Assert.All(attempts, a => Assert.Equal((1, "customer.created", 200), (a.GetProperty("attempt").GetInt32(), a.Str("event_type"), a.GetProperty("status_code").GetInt32())));
        Assert.All(attempts, a => Assert.True(a.GetProperty("duration_ms").GetInt64() >= 0));

        await app.Admin().Post($"/v1/events/{Guid.NewGuid()}/redeliver", new { endpoint_id = endpoint }).ExpectProblem(HttpStatusCode.NotFound, "event_not_found");
        await app.Admin().Post($"/v1/events/{e.Id}/redeliver", new { endpoint_id = Guid.NewGuid() }).ExpectProblem(HttpStatusCode.UnprocessableEntity, "webhook_endpoint_not_found", "endpoint_id");
    }

    [Fact]
    public async Task The_deliveries_list_pages_newest_first()
    {
        var (endpoint, _) = await app.Endpoint(_receiver.Url, "customer.suspended");
        var events = new List<Guid>();
        for (var n = 0; n < 3; n++)
        {
            events.Add((await app.CustomerEvent("customer.suspended")).Id);
        }

        await app.Until(() => Task.FromResult(events.All(id => _receiver.Of(id).Count == 1)), "three deliveries");
        var first = await app.Admin().GetAsync($"/v1/webhook_endpoints/{endpoint}/deliveries?limit=2").Expect(HttpStatusCode.OK);
        var second = await app.Admin().GetAsync($"/v1/webhook_endpoints/{endpoint}/deliveries?limit=2&page_token={first.Str("next_page_token")}").Expect(HttpStatusCode.OK);
        var ids = first.GetProperty("data").EnumerateArray().Concat(second.GetProperty("data").EnumerateArray()).Select(a => a.Str("id")).ToList();
        Assert.Equal(3, ids.Distinct().Count());
        Assert.Equal(ids.OrderDescending(StringComparer.Ordinal), ids);
        Assert.Equal(JsonValueKind.Null, second.GetProperty("next_page_token").ValueKind);
        await app.Admin().GetAsync($"/v1/webhook_endpoints/{Guid.NewGuid()}/deliveries").ExpectProblem(HttpStatusCode.NotFound, "webhook_endpoint_not_found");
    }

    [Fact]
    public async Task An_endpoint_that_has_failed_for_five_days_is_disabled()
    {
        _receiver.Respond = (_, _) => (500, null);
        var (endpoint, _) = await app.Endpoint(_receiver.Url, "customer.created");
        var endpointId = Guid.Parse(endpoint);
        // As if every attempt had failed since five days ago.
        var since = app.Clock.GetUtcNow().AddDays(-5);
        await app.Query(db => db.WebhookEndpoints.Where(x => x.Id == endpointId).ExecuteUpdateAsync(s => s.SetProperty(x => x.FailingSince, since)));
        var e = await app.CustomerEvent();
        await app.Until(async () => (await app.Admin().GetAsync($"/v1/webhook_endpoints/{endpoint}").Expect(HttpStatusCode.OK)).Str("status") == "disabled", "the endpoint disabled");

        Assert.Equal("failing", (await app.Admin().GetAsync($"/v1/webhook_endpoints/{endpoint}").Expect(HttpStatusCode.OK)).Str("disabled_reason"));
        Assert.Single(_receiver.Of(e.Id));
        Assert.Equal(WebhookDeliveryStatus.Failed, await app.Query(db => db.WebhookDeliveries.Where(d => d.EndpointId == endpointId).Select(d => d.Status).SingleAsync()));
    }

    [Fact]
    public async Task A_delivery_claimed_by_a_process_that_died_is_sent_once_the_claim_runs_out()
    {
        var (endpoint, _) = await app.Endpoint(_receiver.Url, "customer.reactivated");
        var customer = await app.Books().Organization();
        var now = app.Clock.GetUtcNow();
        // The dispatcher's work, then a claim by a sender that stopped before recording anything: written together, so
        // that the running dispatcher never sees the event undispatched.
        var e = new Event(Guid.CreateVersion7(now), "customer.reactivated", now, "customer", Guid.Parse(customer.Str("id")), null, customer.GetRawText());
        e.MarkDispatched(now);
        await app.Query(async db =>
        {
            db.Events.Add(e);
            db.WebhookDeliveries.Add(new WebhookDelivery
            {
                Id = Guid.CreateVersion7(now),
                EndpointId = Guid.Parse(endpoint),
                EventId = e.Id,
                CreatedAt = now,
                NextAttemptAt = now,
                ClaimedUntil = now.AddMinutes(5),
            });
            return await db.SaveChangesAsync();
        });

        await app.Until(() => Task.FromResult(app.Clock.GetUtcNow() > now.AddMinutes(4)), "four minutes", TimeSpan.FromSeconds(20));
        Assert.Empty(_receiver.Of(e.Id));
        await app.Until(() => Task.FromResult(_receiver.Of(e.Id).Count == 1), "the delivery after the claim ran out", TimeSpan.FromSeconds(20));
        await app.Until(async () => (await app.Attempts(endpoint)).Count == 1, "the attempt recorded", TimeSpan.Zero);
    }

    private async Task<JsonElement> LastAttempt(string endpoint, int attempt)
    {
        JsonElement found = default;
        await app.Until(async () =>
        {
            var attempts = await app.Attempts(endpoint);
            found = attempts.FirstOrDefault(a => a.GetProperty("attempt").GetInt32() == attempt);
            return found.ValueKind == JsonValueKind.Object;
        }, $"attempt {attempt} recorded", TimeSpan.Zero);
        return found;
    }

    private static DateTimeOffset Time(JsonElement element, string name) => DateTimeOffset.Parse(element.Str(name), CultureInfo.InvariantCulture);
}
