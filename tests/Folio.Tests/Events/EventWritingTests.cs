using System.Net;
using Folio.Audit;
using Folio.Customers;
using Folio.Data;
using Folio.Domain.Customers;
using Folio.Events;
using Folio.Tests.Subscriptions;
using Folio.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static Folio.Tests.Subscriptions.SubscriptionCalls;

namespace Folio.Tests.Events;

/// <summary>Each change writes its events, in its own transaction, carrying the object as its GET renders it at that moment.</summary>
public sealed class EventWritingTests(FolioApp app) : IClassFixture<FolioApp>
{
    private readonly HttpClient _admin = app.Admin();
    private readonly Books _books = app.Books();

    [Fact]
    public async Task An_invoice_tells_of_each_step_of_its_life_with_the_invoice_as_it_was_then()
    {
        var customer = (await _books.Organization()).Str("id");
        var invoice = (await _books.Draft(customer)).Str("id");
        var path = $"/v1/invoices/{invoice}";
        await _admin.CarriesWhatGetRenders(await _admin.OnlyEvent(invoice, "invoice.created"), path);

        await _books.Finalize(invoice);
        await _admin.CarriesWhatGetRenders(await _admin.OnlyEvent(invoice, "invoice.finalized"), path);

        await _admin.Post($"{path}/send").Expect(HttpStatusCode.OK);
        await _admin.CarriesWhatGetRenders(await _admin.OnlyEvent(invoice, "invoice.sent"), path);

        await _admin.Post($"{path}/mute").Expect(HttpStatusCode.OK);
        await _admin.CarriesWhatGetRenders(await _admin.OnlyEvent(invoice, "invoice.muted"), path);
        await _admin.Post($"{path}/unmute").Expect(HttpStatusCode.OK);
        await _admin.CarriesWhatGetRenders(await _admin.OnlyEvent(invoice, "invoice.unmuted"), path);

        await _books.Pay(invoice, 4_000);
        await _admin.CarriesWhatGetRenders(await _admin.OnlyEvent(invoice, "invoice.payment_recorded"), path);
        await _books.Pay(invoice, 6_000);
        var payments = await _admin.EventsOf(invoice, "invoice.payment_recorded");
        Assert.Equal(2, payments.Count);
        await _admin.CarriesWhatGetRenders(payments[0], path);
        await _admin.CarriesWhatGetRenders(await _admin.OnlyEvent(invoice, "invoice.paid"), path);

        Assert.Equal(
            ["invoice.paid", "invoice.payment_recorded", "invoice.payment_recorded", "invoice.unmuted", "invoice.muted", "invoice.sent", "invoice.finalized", "invoice.created"],
            (await _admin.EventsOf(invoice)).Select(e => e.Str("type")));
    }

    [Fact]
    public async Task Voiding_and_writing_off_tell_of_themselves()
    {
        var customer = (await _books.Organization()).Str("id");
        var voided = (await _books.Open(customer)).Str("id");
        await _admin.Post($"/v1/invoices/{voided}/void").Expect(HttpStatusCode.OK);
        await _admin.CarriesWhatGetRenders(await _admin.OnlyEvent(voided, "invoice.voided"), $"/v1/invoices/{voided}");

        var writtenOff = (await _books.Open(customer)).Str("id");
        await _admin.Post($"/v1/invoices/{writtenOff}/mark_uncollectible").Expect(HttpStatusCode.OK);
        await _admin.CarriesWhatGetRenders(await _admin.OnlyEvent(writtenOff, "invoice.marked_uncollectible"), $"/v1/invoices/{writtenOff}");
    }

    [Fact]
    public async Task A_customer_tells_of_its_creation_changes_suspension_reactivation_and_credit()
    {
        var customer = (await _books.Organization("Initech")).Str("id");
        var path = $"/v1/customers/{customer}";
        await _admin.CarriesWhatGetRenders(await _admin.OnlyEvent(customer, "customer.created"), path);

        await _admin.Patch(path, new { name = "Initech LLC" }).Expect(HttpStatusCode.OK);
        await _admin.CarriesWhatGetRenders(await _admin.OnlyEvent(customer, "customer.updated"), path);

        await _admin.Post($"{path}/suspend", new { reason = "Invoices past due" }).Expect(HttpStatusCode.OK);
        await _admin.CarriesWhatGetRenders(await _admin.OnlyEvent(customer, "customer.suspended"), path);
        await _admin.Post($"{path}/reactivate").Expect(HttpStatusCode.OK);
        await _admin.CarriesWhatGetRenders(await _admin.OnlyEvent(customer, "customer.reactivated"), path);

        await _admin.Post($"{path}/balance_transactions", new { amount = 2_500, currency = "USD", type = "grant" }).Expect(HttpStatusCode.Created);
        await _admin.CarriesWhatGetRenders(await _admin.OnlyEvent(customer, "credit.balance_changed"), $"{path}/balance");

        // Finalizing draws on the credit: issuing tells of the balance it changed.
        var invoice = (await _books.Draft(customer)).Str("id");
        await _books.Finalize(invoice);
        var balances = await _admin.EventsOf(customer, "credit.balance_changed");
        Assert.Equal(2, balances.Count);
        await _admin.CarriesWhatGetRenders(balances[0], $"{path}/balance");
    }

    [Fact]
    public async Task A_subscription_tells_of_its_creation_cancellation_and_what_the_bill_run_did()
    {
        var customer = (await _books.Organization()).Str("id");
        var price = await _admin.RecurringPrice();
        var subscription = (await _admin.Subscribe(customer, price)).Str("id");
        var path = $"/v1/subscriptions/{subscription}";
        await _admin.CarriesWhatGetRenders(await _admin.OnlyEvent(subscription, "subscription.created"), path);

        var run = await _admin.Post("/v1/bill_runs").Expect(HttpStatusCode.Created);
        await _admin.CarriesWhatGetRenders(await _admin.OnlyEvent(subscription, "subscription.updated"), path);
        await _admin.CarriesWhatGetRenders(await _admin.OnlyEvent(run.Str("id"), "bill_run.completed"), $"/v1/bill_runs/{run.Str("id")}");
        var invoice = Assert.Single((await _admin.GetAsync($"/v1/invoices?customer_id={customer}").Expect(HttpStatusCode.OK)).GetProperty("data").EnumerateArray()).Str("id");
        await _admin.CarriesWhatGetRenders(await _admin.OnlyEvent(invoice, "invoice.created"), $"/v1/invoices/{invoice}");
        await _admin.CarriesWhatGetRenders(await _admin.OnlyEvent(invoice, "invoice.finalized"), $"/v1/invoices/{invoice}");

        await _admin.Post($"{path}/cancel", new { at_period_end = true }).Expect(HttpStatusCode.OK);
        Assert.Equal(2, (await _admin.EventsOf(subscription, "subscription.updated")).Count);
        await _admin.Post($"{path}/resume").Expect(HttpStatusCode.OK);
        await _admin.Post($"{path}/cancel").Expect(HttpStatusCode.OK);
        await _admin.CarriesWhatGetRenders(await _admin.OnlyEvent(subscription, "subscription.canceled"), path);
    }

    [Fact]
    public async Task A_subscription_that_reaches_its_end_in_a_bill_run_tells_it_ended()
    {
        var customer = (await _books.Organization()).Str("id");
        var price = await _admin.RecurringPrice();
        var start = app.Clock.GetUtcNow().AddDays(-40);
        var subscription = (await _admin.Subscribe(customer, price, extra: new { start_at = Time(start) })).Str("id");
        await _admin.Post($"/v1/subscriptions/{subscription}/cancel", new { at_period_end = true }).Expect(HttpStatusCode.OK);

        // The run after the period's end invoices what was left and ends the subscription.
        app.Clock.Advance(TimeSpan.FromDays(25));
        await _admin.Post("/v1/bill_runs").Expect(HttpStatusCode.Created);
        await _admin.CarriesWhatGetRenders(await _admin.OnlyEvent(subscription, "subscription.ended"), $"/v1/subscriptions/{subscription}");
    }

    [Fact]
    public async Task A_refused_change_leaves_no_event_and_no_audit_entry()
    {
        var customer = (await _books.Organization()).Str("id");
        var invoice = (await _books.Open(customer)).Str("id");
        var (events, entries) = (await app.EventCount(), await app.Query(db => db.AuditEvents.CountAsync()));

        await _admin.Post($"/v1/invoices/{invoice}/pay", new { amount = 1_000_000, method = "card" }).ExpectProblem(HttpStatusCode.UnprocessableEntity, "payment_exceeds_remaining");
        await _admin.Post($"/v1/invoices/{invoice}/finalize").ExpectProblem(HttpStatusCode.Conflict, "invoice_not_draft");
        await _admin.Patch($"/v1/customers/{customer}", new { email = "not an address" }).ExpectProblem(HttpStatusCode.BadRequest, "invalid_email");

        Assert.Equal((events, entries), (await app.EventCount(), await app.Query(db => db.AuditEvents.CountAsync())));
        Assert.Empty(await _admin.EventsOf(invoice, "invoice.payment_recorded"));
    }

    [Fact]
    public async Task A_change_that_fails_as_it_is_saved_takes_its_events_and_audit_entry_with_it()
    {
        var taken = new PastDueNotice(Guid.NewGuid(), app.Clock.GetUtcNow(), app.Clock.GetUtcNow());
        await app.Query(async db =>
        {
            db.PastDueNotices.Add(taken);
            return await db.SaveChangesAsync();
        });
        var (events, entries) = (await app.EventCount(), await app.Query(db => db.AuditEvents.CountAsync()));

        var customerId = Guid.Empty;
        await Assert.ThrowsAnyAsync<DbUpdateException>(() => app.Query(db =>
        {
            db.Audit = new AuditScope(Actor.Cli, "customer.create", "customer", null);
            return db.InTransaction(async () =>
            {
                var profile = new CreateCustomerRequest(CustomerKind.Organization, "Doomed").ToProfile();
                var customer = Customer.Create(app.Clock.NewId(), CustomerKind.Organization, null, profile, app.Clock.GetUtcNow()).Customer!;
                customerId = customer.Id;
                db.Customers.Add(customer);
                // The same notice again: the database refuses the save, after the change wrote its event and entry.
                db.PastDueNotices.Add(new PastDueNotice(taken.InvoiceId, taken.DueAt, taken.CreatedAt));
                return await Task.FromResult(Folio.Api.Outcome<Customer>.Ok(customer));
            }, default);
        }));

        Assert.Equal((events, entries), (await app.EventCount(), await app.Query(db => db.AuditEvents.CountAsync())));
        Assert.False(await app.Query(db => db.Customers.AnyAsync(c => c.Id == customerId)));
    }
}
