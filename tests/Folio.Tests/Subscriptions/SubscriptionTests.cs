using System.Net;
using System.Text.Json;
using Folio.Tests.Catalog;
using Folio.Tests.Support;
using static Folio.Tests.Subscriptions.SubscriptionCalls;

namespace Folio.Tests.Subscriptions;

public sealed class SubscriptionTests(FolioApp app) : IClassFixture<FolioApp>
{
    private readonly Books _books = app.Books();
    private readonly HttpClient _admin = app.Admin();

    [Fact]
    public async Task A_subscription_is_created_with_its_items_and_periods_and_read_back()
    {
        var customer = (await _books.Organization()).Str("id");
        var price = await _admin.RecurringPrice(19_99, "EUR", product: "Team plan", extra: new { nickname = "Monthly", tax_rate = 19 });
        var now = app.Clock.GetUtcNow();

        var response = await _admin.Post("/v1/subscriptions", new { customer_id = customer, items = new[] { new { price_id = price, quantity = 3 } }, days_until_due = 14 });
        var subscription = await Task.FromResult(response).Expect(HttpStatusCode.Created);

        Assert.Equal($"/v1/subscriptions/{subscription.Str("id")}", response.Headers.Location?.ToString());
        Assert.Equal("\"v0\"", response.Headers.ETag?.Tag);
        Assert.Equal((customer, customer, "active", "EUR", "month", 1), (subscription.Str("customer_id"), subscription.Str("organization_id"), subscription.Str("status"), subscription.Str("currency"), subscription.Str("interval"), subscription.GetProperty("interval_count").GetInt32()));
        var item = Assert.Single(subscription.GetProperty("items").EnumerateArray());
        Assert.Equal((price, "Team plan (Monthly)", "3", 19_99L), (item.Str("price_id"), item.Str("description"), item.GetProperty("quantity").GetRawText(), item.Amount("unit_amount")));
        Assert.Equal(Time(now), subscription.Str("start_at"));
        Assert.Equal(Time(now), subscription.Str("billing_anchor"));
        Assert.Equal(Time(now), subscription.Str("current_period_start"));
        Assert.Equal(Time(now.AddMonths(1)), subscription.Str("current_period_end"));
        Assert.Equal(Time(now), subscription.Str("next_bill_at"));
        Assert.Equal((JsonValueKind.Null, JsonValueKind.Null, JsonValueKind.Null, JsonValueKind.Null), (subscription.GetProperty("trial_end").ValueKind, subscription.GetProperty("scheduled_change").ValueKind, subscription.GetProperty("canceled_at").ValueKind, subscription.GetProperty("ended_at").ValueKind));
        Assert.Equal((false, 14, 0), (subscription.GetProperty("cancel_at_period_end").GetBoolean(), subscription.GetProperty("days_until_due").GetInt32(), subscription.GetProperty("version").GetInt32()));

        var read = await _admin.Get($"/v1/subscriptions/{subscription.Str("id")}");
        Assert.Equal("\"v0\"", read.Headers.ETag?.Tag);
        Assert.Equal(subscription.GetRawText(), (await Task.FromResult(read).Expect(HttpStatusCode.OK)).GetRawText());
    }

    [Fact]
    public async Task A_trial_delays_the_first_period_and_a_user_is_billed_through_its_organization()
    {
        var organization = (await _books.Organization()).Str("id");
        var user = (await _books.User(organization)).Str("id");
        var price = await _admin.RecurringPrice(490_00, interval: "year");
        var now = app.Clock.GetUtcNow();
        var trialEnd = now.AddDays(14);

        var subscription = await _admin.Subscribe(user, price, extra: new { trial_end = Time(trialEnd) });

        Assert.Equal((organization, "year"), (subscription.Str("organization_id"), subscription.Str("interval")));
        Assert.Equal((Time(trialEnd), Time(trialEnd), Time(trialEnd)), (subscription.Str("trial_end"), subscription.Str("billing_anchor"), subscription.Str("next_bill_at")));
        Assert.Equal((Time(now), Time(trialEnd)), (subscription.Str("current_period_start"), subscription.Str("current_period_end")));
    }

    [Fact]
    public async Task Every_refusal_names_its_field_and_writes_nothing()
    {
        var customer = (await _books.Organization()).Str("id");
        var usd = await _admin.RecurringPrice();
        var eur = await _admin.RecurringPrice(currency: "EUR");
        var yearly = await _admin.RecurringPrice(interval: "year");
        var oneOff = (await _admin.Price((await _admin.Product()).Str("id"))).Str("id");
        var archived = await _admin.RecurringPrice();
        await _admin.Post($"/v1/prices/{archived}/archive").Expect(HttpStatusCode.OK);
        var gone = (await _books.Organization("Gone Ltd")).Str("id");
        await _admin.Post($"/v1/customers/{gone}/archive").Expect(HttpStatusCode.OK);
        var now = app.Clock.GetUtcNow();

        Task<HttpResponseMessage> Create(object body) => _admin.Post("/v1/subscriptions", body);
        object One(string price, decimal quantity = 1) => new[] { new { price_id = price, quantity } };

        await Create(new { customer_id = Guid.NewGuid(), items = One(usd) }).ExpectProblem(HttpStatusCode.UnprocessableEntity, "customer_not_found", "customer_id");
        await Create(new { customer_id = gone, items = One(usd) }).ExpectProblem(HttpStatusCode.UnprocessableEntity, "customer_archived", "customer_id");
        await Create(new { customer_id = customer, items = Array.Empty<object>() }).ExpectProblem(HttpStatusCode.BadRequest, "invalid_items", "items");
        await Create(new { customer_id = customer }).ExpectProblem(HttpStatusCode.BadRequest, "invalid_items", "items");
        await Create(new { customer_id = customer, items = One(Guid.NewGuid().ToString()) }).ExpectProblem(HttpStatusCode.UnprocessableEntity, "price_not_found", "items[0].price_id");
        await Create(new { customer_id = customer, items = One(oneOff) }).ExpectProblem(HttpStatusCode.UnprocessableEntity, "price_not_recurring", "items[0].price_id");
        await Create(new { customer_id = customer, items = One(archived) }).ExpectProblem(HttpStatusCode.UnprocessableEntity, "price_archived", "items[0].price_id");
        await Create(new { customer_id = customer, items = One(usd, 0) }).ExpectProblem(HttpStatusCode.BadRequest, "invalid_quantity", "items[0].quantity");
        await Create(new { customer_id = customer, items = new[] { new { price_id = usd }, new { price_id = eur } } }).ExpectProblem(HttpStatusCode.UnprocessableEntity, "currency_mismatch", "items[1].price_id");
        await Create(new { customer_id = customer, items = new[] { new { price_id = usd }, new { price_id = yearly } } }).ExpectProblem(HttpStatusCode.UnprocessableEntity, "recurrence_mismatch", "items[1].price_id");
        await Create(new { customer_id = customer, items = new[] { new { price_id = usd }, new { price_id = usd } } }).ExpectProblem(HttpStatusCode.BadRequest, "duplicate_price", "items[1].price_id");
        await Create(new { customer_id = customer, items = One(usd), trial_end = Time(now.AddDays(-1)) }).ExpectProblem(HttpStatusCode.BadRequest, "invalid_trial_end", "trial_end");
        await Create(new { customer_id = customer, items = One(usd), start_at = Time(now.AddDays(-400)) }).ExpectProblem(HttpStatusCode.BadRequest, "invalid_start_at", "start_at");
        await Create(new { customer_id = customer, items = One(usd), billing_anchor = Time(now.AddMonths(2)) }).ExpectProblem(HttpStatusCode.BadRequest, "invalid_billing_anchor", "billing_anchor");
        await Create(new { customer_id = customer, items = One(usd), days_until_due = -1 }).ExpectProblem(HttpStatusCode.BadRequest, "invalid_days_until_due", "days_until_due");

        Assert.Empty(await _admin.Walk($"/v1/subscriptions?customer_id={customer}", 10));
        Assert.Equal(0, await app.Query(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.SubscriptionItems.Where(i => i.PriceId == usd.ToGuid()))));
    }

    [Fact]
    public async Task An_item_change_waits_for_the_next_renewal()
    {
        var customer = (await _books.Organization()).Str("id");
        var basic = await _admin.RecurringPrice(10_00, product: "Basic");
        var seats = await _admin.RecurringPrice(5_00, product: "Seats");
        var start = app.Clock.GetUtcNow();
        var id = (await _admin.Subscribe(customer, basic)).Str("id");

        var changed = await _admin.Post($"/v1/subscriptions/{id}/items", new { items = new object[] { new { price_id = basic, quantity = 1 }, new { price_id = seats, quantity = 4 } } }).Expect(HttpStatusCode.OK);

        Assert.Equal(basic, Assert.Single(changed.GetProperty("items").EnumerateArray()).Str("price_id"));
        var scheduled = changed.GetProperty("scheduled_change");
        Assert.Equal(Time(start.AddMonths(1)), scheduled.Str("effective_at"));
        Assert.Equal([(basic, "1"), (seats, "4")], scheduled.GetProperty("items").EnumerateArray().Select(i => (i.Str("price_id"), i.GetProperty("quantity").GetRawText())));
        Assert.Equal(1, changed.GetProperty("version").GetInt32());

        var eur = await _admin.RecurringPrice(currency: "EUR");
        await _admin.Post($"/v1/subscriptions/{id}/items", new { items = new[] { new { price_id = eur } } }).ExpectProblem(HttpStatusCode.UnprocessableEntity, "currency_mismatch", "items[0].price_id");
        await _admin.Post($"/v1/subscriptions/{id}/items", new { items = Array.Empty<object>() }).ExpectProblem(HttpStatusCode.BadRequest, "invalid_items", "items");

        app.Clock.Advance(TimeSpan.FromDays(32));
        var renewed = await _admin.Get($"/v1/subscriptions/{id}").Expect(HttpStatusCode.OK);
        Assert.Equal([basic, seats], renewed.GetProperty("items").EnumerateArray().Select(i => i.Str("price_id")));
        Assert.Equal(JsonValueKind.Null, renewed.GetProperty("scheduled_change").ValueKind);

        // Asking for the items in effect withdraws a pending change.
        await _admin.Post($"/v1/subscriptions/{id}/items", new { items = new[] { new { price_id = seats, quantity = 1 } } }).Expect(HttpStatusCode.OK);
        var withdrawn = await _admin.Post($"/v1/subscriptions/{id}/items", new { items = new object[] { new { price_id = basic, quantity = 1 }, new { price_id = seats, quantity = 4 } } }).Expect(HttpStatusCode.OK);
        Assert.Equal(JsonValueKind.Null, withdrawn.GetProperty("scheduled_change").ValueKind);
    }

    [Fact]
    public async Task Cancel_at_period_end_can_be_resumed_and_ends_at_that_end()
    {
        var customer = (await _books.Organization()).Str("id");
        var start = app.Clock.GetUtcNow();
        var id = (await _admin.Subscribe(customer, await _admin.RecurringPrice())).Str("id");

        var pending = await _admin.Post($"/v1/subscriptions/{id}/cancel", new { at_period_end = true }).Expect(HttpStatusCode.OK);
        Assert.Equal((true, "active", Time(start.AddMonths(1)), Time(start)), (pending.GetProperty("cancel_at_period_end").GetBoolean(), pending.Str("status"), pending.Str("ended_at"), pending.Str("canceled_at")));

        var resumed = await _admin.Post($"/v1/subscriptions/{id}/resume").Expect(HttpStatusCode.OK);
        Assert.Equal((false, JsonValueKind.Null, JsonValueKind.Null), (resumed.GetProperty("cancel_at_period_end").GetBoolean(), resumed.GetProperty("ended_at").ValueKind, resumed.GetProperty("canceled_at").ValueKind));

        await _admin.Post($"/v1/subscriptions/{id}/cancel", new { at_period_end = true }).Expect(HttpStatusCode.OK);
        app.Clock.Advance(TimeSpan.FromDays(40));
        var ended = await _admin.Get($"/v1/subscriptions/{id}").Expect(HttpStatusCode.OK);
        // Its one period was never invoiced (no bill run came): it still falls due, at its start.
        Assert.Equal(("ended", JsonValueKind.Null, Time(start)), (ended.Str("status"), ended.GetProperty("current_period_start").ValueKind, ended.Str("next_bill_at")));
        await _admin.Post($"/v1/subscriptions/{id}/resume").ExpectProblem(HttpStatusCode.Conflict, "subscription_ended");
        Assert.Contains(await _admin.Walk($"/v1/subscriptions?customer_id={customer}&status=ended", 10), s => s.Str("id") == id);
    }

    [Fact]
    public async Task Cancel_now_stops_billing_and_nothing_changes_after()
    {
        var customer = (await _books.Organization()).Str("id");
        var price = await _admin.RecurringPrice();
        var id = (await _admin.Subscribe(customer, price, extra: new { trial_end = Time(app.Clock.GetUtcNow().AddDays(7)) })).Str("id");

        var canceled = await _admin.Post($"/v1/subscriptions/{id}/cancel").Expect(HttpStatusCode.OK);

        Assert.Equal(("canceled", false, JsonValueKind.Null), (canceled.Str("status"), canceled.GetProperty("cancel_at_period_end").GetBoolean(), canceled.GetProperty("next_bill_at").ValueKind));
        await _admin.Post($"/v1/subscriptions/{id}/cancel", new { at_period_end = true }).ExpectProblem(HttpStatusCode.Conflict, "subscription_canceled");
        await _admin.Post($"/v1/subscriptions/{id}/resume").ExpectProblem(HttpStatusCode.Conflict, "subscription_canceled");
        await _admin.Post($"/v1/subscriptions/{id}/items", new { items = new[] { new { price_id = price, quantity = 2 } } }).ExpectProblem(HttpStatusCode.Conflict, "subscription_canceled");
        Assert.Contains(await _admin.Walk($"/v1/subscriptions?customer_id={customer}&status=canceled", 10), s => s.Str("id") == id);
        Assert.Empty(await _admin.Walk($"/v1/subscriptions?customer_id={customer}&status=active", 10));
    }

    [Fact]
    public async Task If_match_refuses_a_change_made_from_a_stale_copy()
    {
        var customer = (await _books.Organization()).Str("id");
        var price = await _admin.RecurringPrice();
        var id = (await _admin.Subscribe(customer, price)).Str("id");

        await _admin.PostIfMatch($"/v1/subscriptions/{id}/items", new { items = new[] { new { price_id = price, quantity = 2 } } }, "\"v0\"").Expect(HttpStatusCode.OK);
        await _admin.PostIfMatch($"/v1/subscriptions/{id}/cancel", new { at_period_end = true }, "\"v0\"").ExpectProblem(HttpStatusCode.PreconditionFailed, "version_mismatch");
        await _admin.PostIfMatch($"/v1/subscriptions/{id}/cancel", new { at_period_end = true }, "yesterday").ExpectProblem(HttpStatusCode.BadRequest, "invalid_if_match", "If-Match");
        var response = await _admin.PostIfMatch($"/v1/subscriptions/{id}/cancel", new { at_period_end = true }, "\"v1\"");
        Assert.Equal("\"v2\"", response.Headers.ETag?.Tag);
        Assert.True((await Task.FromResult(response).Expect(HttpStatusCode.OK)).GetProperty("cancel_at_period_end").GetBoolean());
    }

    [Fact]
    public async Task An_organization_key_reads_its_own_and_its_users_subscriptions_only()
    {
        var organization = (await _books.Organization()).Str("id");
        var user = (await _books.User(organization)).Str("id");
        var other = (await _books.Organization("Other Co")).Str("id");
        var price = await _admin.RecurringPrice();
        var own = (await _admin.Subscribe(organization, price)).Str("id");
        var users = (await _admin.Subscribe(user, price)).Str("id");
        var others = (await _admin.Subscribe(other, price)).Str("id");
        var key = app.Client(await _books.OrganizationKey(organization));

        Assert.Equal([users, own], (await key.Walk("/v1/subscriptions", 1)).Select(s => s.Str("id")));
        await key.Get($"/v1/subscriptions/{own}").Expect(HttpStatusCode.OK);
        await key.Get($"/v1/subscriptions/{others}").ExpectProblem(HttpStatusCode.NotFound, "subscription_not_found");
        Assert.Empty(await key.Walk($"/v1/subscriptions?customer_id={other}", 10));

        await key.Post("/v1/subscriptions", new { customer_id = organization, items = new[] { new { price_id = price } } }).ExpectProblem(HttpStatusCode.Forbidden, "admin_key_required");
        await key.Post($"/v1/subscriptions/{own}/cancel").ExpectProblem(HttpStatusCode.Forbidden, "admin_key_required");
        await key.Post($"/v1/subscriptions/{own}/resume").ExpectProblem(HttpStatusCode.Forbidden, "admin_key_required");
        await key.Post($"/v1/subscriptions/{own}/items", new { items = new[] { new { price_id = price } } }).ExpectProblem(HttpStatusCode.Forbidden, "admin_key_required");
        await app.Client(null).Get("/v1/subscriptions").ExpectProblem(HttpStatusCode.Unauthorized, "api_key_missing");
        await _admin.Post($"/v1/subscriptions/{Guid.NewGuid()}/cancel").ExpectProblem(HttpStatusCode.NotFound, "subscription_not_found");
        await _admin.Get("/v1/subscriptions/not-an-id").ExpectProblem(HttpStatusCode.NotFound, "subscription_not_found");
    }

    [Fact]
    public async Task Lists_page_newest_first_and_filter_by_customer_and_status()
    {
        var customer = (await _books.Organization()).Str("id");
        var price = await _admin.RecurringPrice();
        var ids = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            ids.Add((await _admin.Subscribe(customer, price)).Str("id"));
        }

        await _admin.Post($"/v1/subscriptions/{ids[1]}/cancel").Expect(HttpStatusCode.OK);

        Assert.Equal(Enumerable.Reverse(ids), (await _admin.Walk($"/v1/subscriptions?customer_id={customer}", 2)).Select(s => s.Str("id")));
        Assert.Equal([ids[1]], (await _admin.Walk($"/v1/subscriptions?customer_id={customer}&status=canceled", 2)).Select(s => s.Str("id")));
        Assert.Equal(4, (await _admin.Walk($"/v1/subscriptions?customer_id={customer}&status=active", 3)).Count);
        await _admin.Get("/v1/subscriptions?status=paused").ExpectProblem(HttpStatusCode.BadRequest, "invalid_status", "status");
        await _admin.Get("/v1/subscriptions?limit=0").ExpectProblem(HttpStatusCode.BadRequest, "invalid_limit", "limit");
        await _admin.Get("/v1/subscriptions?page_token=nope").ExpectProblem(HttpStatusCode.BadRequest, "invalid_page_token", "page_token");
    }

    [Fact]
    public async Task A_price_on_a_subscription_is_used_and_cannot_be_deleted_but_still_bills_once_archived()
    {
        var customer = (await _books.Organization()).Str("id");
        var price = await _admin.RecurringPrice();
        var id = (await _admin.Subscribe(customer, price)).Str("id");

        await _admin.Delete($"/v1/prices/{price}").ExpectProblem(HttpStatusCode.Conflict, "price_in_use");
        var product = (await _admin.Get($"/v1/prices/{price}").Expect(HttpStatusCode.OK)).Str("product_id");
        await _admin.Delete($"/v1/products/{product}").ExpectProblem(HttpStatusCode.Conflict, "product_in_use");
        await _admin.Post($"/v1/prices/{price}/archive").Expect(HttpStatusCode.OK);

        // The customer keeps a retired price it has, and may change its quantity; nobody takes it up anew.
        await _admin.Post($"/v1/subscriptions/{id}/items", new { items = new[] { new { price_id = price, quantity = 2 } } }).Expect(HttpStatusCode.OK);
        var other = (await _books.Organization("Late Co")).Str("id");
        await _admin.Post("/v1/subscriptions", new { customer_id = other, items = new[] { new { price_id = price } } }).ExpectProblem(HttpStatusCode.UnprocessableEntity, "price_archived", "items[0].price_id");
    }
}

public sealed class SubscriptionDocsTests(FolioApp app) : IClassFixture<FolioApp>
{
    [Fact]
    public async Task The_openapi_document_says_item_changes_wait_for_the_next_renewal_and_proration_comes_later()
    {
        var document = await app.Admin().Get("/openapi/v1.json").Expect(HttpStatusCode.OK);
        var items = document.GetProperty("paths").GetProperty("/v1/subscriptions/{id}/items").GetProperty("post");
        Assert.Contains("next renewal", items.Str("summary"), StringComparison.Ordinal);
        Assert.Contains("proration comes later", items.Str("description"), StringComparison.Ordinal);
        Assert.True(document.GetProperty("paths").TryGetProperty("/v1/bill_runs", out _));
        Assert.True(document.GetProperty("paths").TryGetProperty("/v1/bill_runs/{id}", out _));
    }
}

internal static class GuidText
{
    public static Guid ToGuid(this string text) => Guid.Parse(text);
}
