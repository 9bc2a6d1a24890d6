using System.Net;
using Folio.Tests.Support;
using static Folio.Tests.Subscriptions.SubscriptionCalls;

namespace Folio.Tests.Subscriptions;

public sealed class UpcomingInvoiceTests(FolioApp app) : IClassFixture<FolioApp>
{
    private readonly Books _books = app.Books();
    private readonly HttpClient _admin = app.Admin();

    private static string Upcoming(string subscriptionId) => $"/v1/subscriptions/{subscriptionId}/upcoming_invoice";

    [Fact]
    public async Task The_estimate_is_the_next_renewal_finalized_with_the_credit_balance_rate_and_contact_of_now()
    {
        var customer = (await _books.Organization("Estimate Works")).Str("id");
        var price = await _admin.RecurringPrice(49_99, "EUR", extra: new { tax_rate = 19 });
        await _admin.Post($"/v1/customers/{customer}/balance_transactions", new { amount = 30_00, currency = "EUR", type = "grant" }).Expect(HttpStatusCode.Created);
        var trialEnd = app.Clock.GetUtcNow().AddDays(14);
        var subscription = (await _admin.Subscribe(customer, price, 2, new { trial_end = Time(trialEnd), days_until_due = 10 })).Str("id");

        var estimate = await _admin.GetAsync(Upcoming(subscription)).Expect(HttpStatusCode.OK);

        Assert.False(estimate.TryGetProperty("id", out _));
        Assert.False(estimate.TryGetProperty("number", out _));
        Assert.Equal((subscription, 0, customer, "EUR"), (estimate.Str("subscription_id"), estimate.GetProperty("subscription_period").GetInt32(), estimate.Str("customer_id"), estimate.Str("currency")));
        // 2 × 49.99 = 99.98, VAT 19% of it 19.00 (18.9962 rounded), 30.00 of credit taken from 118.98.
        Assert.Equal((99_98L, 0L, 19_00L, 118_98L, 30_00L, 88_98L), (estimate.Amount("subtotal"), estimate.Amount("discount"), estimate.Amount("tax"), estimate.Amount("total"), estimate.Amount("credit_applied"), estimate.Amount("amount_remaining")));
        Assert.Equal((30_00L, 0L), (estimate.Amount("starting_balance"), estimate.Amount("ending_balance")));
        Assert.Equal((Time(trialEnd), Time(trialEnd), Time(trialEnd.AddMonths(1)), Time(trialEnd.AddDays(10))), (estimate.Str("bill_at"), estimate.Str("period_start"), estimate.Str("period_end"), estimate.Str("due_at")));
        Assert.Equal(("1.1", "Estimate Works"), (estimate.GetProperty("usd_per_unit").GetRawText(), estimate.GetProperty("bill_to").Str("name")));
        var line = Assert.Single(estimate.GetProperty("items").EnumerateArray());
        Assert.Equal((price, "2", 49_99L, 99_98L, 19_00L), (line.Str("price_id"), line.GetProperty("quantity").GetRawText(), line.Amount("unit_amount"), line.Amount("amount"), line.Amount("tax")));

        // Nothing was written: the balance is whole and the customer has no invoice.
        var balance = await _admin.GetAsync($"/v1/customers/{customer}/balance_transactions").Expect(HttpStatusCode.OK);
        Assert.Single(balance.GetProperty("data").EnumerateArray());
        Assert.Empty((await _admin.GetAsync($"/v1/invoices?customer_id={customer}").Expect(HttpStatusCode.OK)).GetProperty("data").EnumerateArray());
    }

    [Fact]
    public async Task A_trial_bills_at_its_end_and_a_change_made_during_it_shows_the_new_quantity()
    {
        var customer = (await _books.Organization()).Str("id");
        var price = await _admin.RecurringPrice(10_00);
        var trialEnd = app.Clock.GetUtcNow().AddDays(30);
        var subscription = (await _admin.Subscribe(customer, price, 1, new { trial_end = Time(trialEnd) })).Str("id");
        Assert.Equal(Time(trialEnd), (await _admin.GetAsync(Upcoming(subscription)).Expect(HttpStatusCode.OK)).Str("bill_at"));

        await _admin.Post($"/v1/subscriptions/{subscription}/items", new { items = new[] { new { price_id = price, quantity = 5 } } }).Expect(HttpStatusCode.OK);

        var estimate = await _admin.GetAsync(Upcoming(subscription)).Expect(HttpStatusCode.OK);
        Assert.Equal("5", Assert.Single(estimate.GetProperty("items").EnumerateArray()).GetProperty("quantity").GetRawText());
        Assert.Equal((50_00L, Time(trialEnd)), (estimate.Amount("total"), estimate.Str("bill_at")));
    }

    [Fact]
    public async Task Nothing_more_to_bill_is_no_upcoming_invoice_and_resuming_brings_it_back()
    {
        var customer = (await _books.Organization()).Str("id");
        var price = await _admin.RecurringPrice();
        var trialEnd = app.Clock.GetUtcNow().AddDays(7);
        var ending = (await _admin.Subscribe(customer, price, 1, new { trial_end = Time(trialEnd) })).Str("id");
        var canceled = (await _admin.Subscribe(customer, price, 1, new { trial_end = Time(trialEnd) })).Str("id");

        await _admin.Post($"/v1/subscriptions/{ending}/cancel", new { at_period_end = true }).Expect(HttpStatusCode.OK);
        await _admin.Post($"/v1/subscriptions/{canceled}/cancel", new { }).Expect(HttpStatusCode.OK);

        await _admin.GetAsync(Upcoming(ending)).ExpectProblem(HttpStatusCode.NotFound, "no_upcoming_invoice");
        await _admin.GetAsync(Upcoming(canceled)).ExpectProblem(HttpStatusCode.NotFound, "no_upcoming_invoice");
        await _admin.Post($"/v1/subscriptions/{ending}/resume").Expect(HttpStatusCode.OK);
        await _admin.GetAsync(Upcoming(ending)).Expect(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Another_organization_sees_no_such_subscription()
    {
        var customer = (await _books.Organization()).Str("id");
        var other = (await _books.Organization("Other Ltd")).Str("id");
        var subscription = (await _admin.Subscribe(customer, await _admin.RecurringPrice())).Str("id");

        await app.Client(await _books.OrganizationKey(customer)).GetAsync(Upcoming(subscription)).Expect(HttpStatusCode.OK);
        await app.Client(await _books.OrganizationKey(other)).GetAsync(Upcoming(subscription)).ExpectProblem(HttpStatusCode.NotFound, "subscription_not_found");
        await _admin.GetAsync(Upcoming(Guid.NewGuid().ToString())).ExpectProblem(HttpStatusCode.NotFound, "subscription_not_found");
        await _admin.GetAsync(Upcoming("nope")).ExpectProblem(HttpStatusCode.NotFound, "subscription_not_found");
    }

    [Fact]
    public async Task An_archived_customer_gets_no_estimate_since_the_bill_run_will_not_invoice_it()
    {
        var customer = (await _books.Organization()).Str("id");
        var subscription = (await _admin.Subscribe(customer, await _admin.RecurringPrice())).Str("id");
        await _admin.Post($"/v1/customers/{customer}/archive").Expect(HttpStatusCode.OK);

        await _admin.GetAsync(Upcoming(subscription)).ExpectProblem(HttpStatusCode.UnprocessableEntity, "customer_archived", "customer_id");
    }
}
