using System.Net;
using Folio.Data;
using Folio.Events;
using Folio.Tests.Support;
using Folio.Webhooks;
using Microsoft.EntityFrameworkCore;

namespace Folio.Tests.Events;

public sealed class ScheduledEventsApp : FolioApp
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Folio:Events:RetentionDays"] = "10",
        ["Folio:Events:CleanupMinutes"] = "60",
        ["Folio:Events:PastDueCheckMinutes"] = "60",
    };
}

/// <summary>The past-due check and the retention clean-up, on the fake clock.</summary>
public sealed class EventScheduleTests(ScheduledEventsApp app) : IClassFixture<ScheduledEventsApp>
{
    private readonly HttpClient _admin = app.Admin();
    private readonly Books _books = app.Books();

    [Fact]
    public async Task Past_due_is_told_once_per_invoice_and_due_date_retention_deletes_what_is_dispatched_and_keeps_the_rest_a_while()
    {
        var customer = (await _books.Organization()).Str("id");
        var invoice = (await _admin.Post("/v1/invoices", new { customer_id = customer, currency = "USD", days_until_due = 1, items = new[] { new { description = "Service", unit_amount = 10_000 } } })
            .Expect(HttpStatusCode.Created)).Str("id");
        await _books.Finalize(invoice);
        var paid = (await _books.Open(customer)).Str("id");
        await _books.Pay(paid, 10_000);

        // Two days on, the hourly check has found it past due; later turns do not tell it again.
        app.Clock.Advance(TimeSpan.FromDays(2));
        await Until(async () => (await _admin.EventsOf(invoice, "invoice.past_due")).Count == 1);
        var pastDue = await _admin.OnlyEvent(invoice, "invoice.past_due");
        Assert.True(pastDue.GetProperty("data").GetProperty("object").GetProperty("past_due").GetBoolean());
        await _admin.CarriesWhatGetRenders(pastDue, $"/v1/invoices/{invoice}");
        for (var hour = 0; hour < 3; hour++)
        {
            app.Clock.Advance(TimeSpan.FromHours(1));
            await Until(() => app.Query(db => db.AuditEvents.AnyAsync(e => e.Action == "invoice.past_due" && e.ObjectId == Guid.Parse(invoice))));
        }

        Assert.Single(await _admin.EventsOf(invoice, "invoice.past_due"));
        Assert.Empty(await _admin.EventsOf(paid, "invoice.past_due"));
        Assert.Equal(1, await app.Query(db => db.PastDueNotices.CountAsync()));

        // The events of the paid invoice are dispatched, one of them into a delivery to an endpoint (done with, so never
        // sent: delivery is off here); those of the other invoice are not dispatched.
        var paidId = Guid.Parse(paid);
        await app.Query(db => db.Events.Where(e => e.ObjectId == paidId).ExecuteUpdateAsync(u => u.SetProperty(e => e.DispatchedAt, app.Clock.GetUtcNow())));
        var endpoint = Guid.Parse((await _admin.Post("/v1/webhook_endpoints", new { url = "https://hooks.example.com/folio", enabled_events = new[] { "*" } })
            .Expect(HttpStatusCode.Created)).Str("id"));
        var delivered = await app.Query(db => db.Events.Where(e => e.ObjectId == paidId).Select(e => e.Id).FirstAsync());
        await app.Query(db =>
        {
            db.WebhookDeliveries.Add(new WebhookDelivery
            {
                Id = app.Clock.NewId(),
                EndpointId = endpoint,
                EventId = delivered,
                CreatedAt = app.Clock.GetUtcNow(),
                Status = WebhookDeliveryStatus.Succeeded,
            });
            return db.SaveChangesAsync();
        });
        var created = await _admin.OnlyEvent(invoice, "invoice.created");

        // Past the retention of ten days: the dispatched ones go, the undispatched stay.
        app.Clock.Advance(TimeSpan.FromDays(11));
        await Until(async () => (await _admin.EventsOf(paid)).Count == 0);
        Assert.False(await app.Query(db => db.WebhookDeliveries.AnyAsync(d => d.EventId == delivered)));
        await _admin.GetAsync($"/v1/events/{created.Str("id")}").Expect(HttpStatusCode.OK);

        // Past twice the retention, even what was never dispatched goes.
        app.Clock.Advance(TimeSpan.FromDays(10));
        await Until(async () => (await _admin.GetAsync($"/v1/events/{created.Str("id")}")).StatusCode == HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Several_checks_at_once_tell_past_due_once()
    {
        var customer = (await _books.Organization("Concurrent")).Str("id");
        var invoices = new List<string>();
        for (var n = 0; n < 5; n++)
        {
            var draft = (await _admin.Post("/v1/invoices", new { customer_id = customer, currency = "USD", days_until_due = 1, items = new[] { new { description = "Service", unit_amount = 10_000 } } })
                .Expect(HttpStatusCode.Created)).Str("id");
            await _books.Finalize(draft);
            invoices.Add(draft);
        }

        app.Clock.Advance(TimeSpan.FromDays(3));
        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => app.Query(db => PastDueCheck.Run(db, 2, default))));
        foreach (var invoice in invoices)
        {
            await Until(async () => (await _admin.EventsOf(invoice, "invoice.past_due")).Count >= 1);
            Assert.Single(await _admin.EventsOf(invoice, "invoice.past_due"));
        }
    }

    private static async Task Until(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "The condition did not come true within 60 seconds.");
            await Task.Delay(50);
        }
    }
}
