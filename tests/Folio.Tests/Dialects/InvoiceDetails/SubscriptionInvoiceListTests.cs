using System.Net;
using System.Text.Json;
using Folio.Tests.Subscriptions;
using Folio.Tests.Support;
using static Folio.Tests.Subscriptions.SubscriptionCalls;

namespace Folio.Tests.Dialects.InvoiceDetails;

public sealed class SubscriptionInvoiceListTests(FolioApp app) : IClassFixture<FolioApp>
{
    private readonly Books _books = app.Books();
    private readonly HttpClient _admin = app.Admin();

    private static string List(string subscriptionId, string? extra = null) => $"/api/v2/invoices?subscription_id={subscriptionId}{extra}";

    private async Task BillRun() => await _admin.Post("/v1/bill_runs", new { }).Expect(HttpStatusCode.Created);

    [Fact]
    public async Task A_subscriptions_invoices_come_oldest_period_first_then_its_renewal_estimate()
    {
        var customer = (await _books.Organization()).Str("id");
        var start = app.Clock.GetUtcNow();
        var subscription = (await _admin.Subscribe(customer, await _admin.RecurringPrice(25_00, extra: new { tax_rate = 10 }), 2, new { days_until_due = 14 })).Str("id");
        await BillRun();
        // The next bill run comes two months late: each period is still billed at its own start.
        app.Clock.Advance(TimeSpan.FromDays(65));
        await BillRun();
        var upcoming = await _admin.GetAsync($"/v1/subscriptions/{subscription}/upcoming_invoice").Expect(HttpStatusCode.OK);

        var list = await _admin.GetAsync(List(subscription)).Expect(HttpStatusCode.OK);

        Assert.Equal((4, JsonValueKind.Null, JsonValueKind.Null), (list.GetProperty("count").GetInt32(), list.GetProperty("next").ValueKind, list.GetProperty("previous").ValueKind));
        var results = list.GetProperty("results").EnumerateArray().ToList();
        Assert.Equal(4, results.Count);
        Assert.All(results, r => Assert.Equal((subscription, customer, "USD", 55_00L), (r.Str("subscription_id"), r.Str("customer_id"), r.Str("currency"), r.Amount("grand_total"))));
        Assert.Equal([Time(start), Time(start.AddMonths(1)), Time(start.AddMonths(2)), Time(start.AddMonths(3))], results.Select(r => r.Str("bill_at")));
        Assert.All(results[..3], r => Assert.False(r.GetProperty("is_renewal_estimate").GetBoolean()));
        Assert.All(results[1..3], r => Assert.Equal(Time(app.Clock.GetUtcNow()), r.Str("issued_at")));
        Assert.Equal(3, results[..3].Select(r => r.Str("invoice_number")).Distinct().Count());

        var estimate = results[3];
        JsonShape.AssertSameShape(JsonShape.Fixture("invoice-details.json"), estimate, "invoice_id", "invoice_number", "issued_at", "fully_paid_at");
        Assert.Equal((JsonValueKind.Null, JsonValueKind.Null, JsonValueKind.Null), (estimate.GetProperty("invoice_id").ValueKind, estimate.GetProperty("invoice_number").ValueKind, estimate.GetProperty("issued_at").ValueKind));
        Assert.True(estimate.GetProperty("is_renewal_estimate").GetBoolean());
        Assert.Equal(("DRAFT", upcoming.Str("bill_at"), upcoming.Str("due_at")), (estimate.Str("status"), estimate.Str("bill_at"), estimate.Str("due_at")));
        Assert.Equal((upcoming.Amount("total"), upcoming.Amount("amount_remaining")), (estimate.Amount("grand_total"), estimate.Amount("remaining_amount")));
    }

    [Fact]
    public async Task The_detail_of_a_subscription_invoice_names_the_subscription_and_the_period_it_bills()
    {
        var customer = (await _books.Organization()).Str("id");
        var start = app.Clock.GetUtcNow();
        var subscription = (await _admin.Subscribe(customer, await _admin.RecurringPrice())).Str("id");
        app.Clock.Advance(TimeSpan.FromHours(5));
        await BillRun();
        var invoice = Assert.Single((await _admin.GetAsync($"/v1/invoices?customer_id={customer}").Expect(HttpStatusCode.OK)).GetProperty("data").EnumerateArray());

        var details = await _admin.GetAsync($"/api/v2/invoices/{invoice.Str("id")}").Expect(HttpStatusCode.OK);

        JsonShape.AssertSameShape(JsonShape.Fixture("invoice-details.json"), details, "fully_paid_at");
        Assert.Equal((subscription, Time(start), Time(app.Clock.GetUtcNow())), (details.Str("subscription_id"), details.Str("bill_at"), details.Str("issued_at")));
    }

    [Fact]
    public async Task Limit_and_offset_walk_the_list_with_links()
    {
        var customer = (await _books.Organization()).Str("id");
        var subscription = (await _admin.Subscribe(customer, await _admin.RecurringPrice(interval: "week"))).Str("id");
        app.Clock.Advance(TimeSpan.FromDays(15));
        await BillRun();

        var seen = new List<string?>();
        var url = List(subscription, "&limit=2");
        string? previous = null;
        for (var pages = 0; url is not null; pages++)
        {
            Assert.True(pages < 3);
            var page = await _admin.GetAsync(new Uri(url, UriKind.RelativeOrAbsolute)).Expect(HttpStatusCode.OK);
            Assert.Equal(4, page.GetProperty("count").GetInt32());
            seen.AddRange(page.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("invoice_id").GetString()));
            previous = page.GetProperty("previous").GetString();
            url = page.GetProperty("next").GetString();
            Assert.True(url is null || url.StartsWith($"/api/v2/invoices?subscription_id={subscription}&limit=2&offset=", StringComparison.Ordinal), url);
        }

        Assert.Equal(4, seen.Count);
        Assert.Equal(3, seen.Where(id => id is not null).Distinct().Count());
        Assert.Null(seen[^1]);
        Assert.Contains("offset=0", previous, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_offset_as_large_as_an_int_holds_is_past_the_end_and_its_previous_link_leads_back()
    {
        var customer = (await _books.Organization()).Str("id");
        var subscription = (await _admin.Subscribe(customer, await _admin.RecurringPrice())).Str("id");
        await BillRun();

        var far = await _admin.GetAsync(List(subscription, $"&offset={int.MaxValue}&limit=1000")).Expect(HttpStatusCode.OK);

        Assert.Equal(0, far.GetProperty("results").GetArrayLength());
        Assert.Equal(JsonValueKind.Null, far.GetProperty("next").ValueKind);
        var previous = far.GetProperty("previous").GetString()!;
        Assert.Contains($"offset={int.MaxValue - 1000}", previous, StringComparison.Ordinal);
        await _admin.GetAsync(new Uri(previous, UriKind.RelativeOrAbsolute)).Expect(HttpStatusCode.OK);
        await _admin.GetAsync(List(subscription, $"&offset={(long)int.MaxValue + 1}")).ExpectProblem(HttpStatusCode.BadRequest, "invalid_offset", "offset");
    }

    [Fact]
    public async Task A_canceled_subscription_lists_its_invoices_and_no_estimate()
    {
        var customer = (await _books.Organization()).Str("id");
        var subscription = (await _admin.Subscribe(customer, await _admin.RecurringPrice())).Str("id");
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        await BillRun();
        await _admin.Post($"/v1/subscriptions/{subscription}/cancel", new { }).Expect(HttpStatusCode.OK);

        var list = await _admin.GetAsync(List(subscription)).Expect(HttpStatusCode.OK);

        Assert.Equal(1, list.GetProperty("count").GetInt32());
        Assert.False(Assert.Single(list.GetProperty("results").EnumerateArray()).GetProperty("is_renewal_estimate").GetBoolean());
    }

    [Fact]
    public async Task Refusals_name_the_parameter_and_only_an_admin_key_may_list()
    {
        var customer = (await _books.Organization()).Str("id");
        var subscription = (await _admin.Subscribe(customer, await _admin.RecurringPrice())).Str("id");

        await _admin.GetAsync("/api/v2/invoices").ExpectProblem(HttpStatusCode.BadRequest, "missing_subscription_id", "subscription_id");
        await _admin.GetAsync(List(subscription, "&limit=0")).ExpectProblem(HttpStatusCode.BadRequest, "invalid_limit", "limit");
        await _admin.GetAsync(List(subscription, "&limit=1001")).ExpectProblem(HttpStatusCode.BadRequest, "invalid_limit", "limit");
        await _admin.GetAsync(List(subscription, "&offset=-1")).ExpectProblem(HttpStatusCode.BadRequest, "invalid_offset", "offset");
        await _admin.GetAsync(List(Guid.NewGuid().ToString())).ExpectProblem(HttpStatusCode.NotFound, "subscription_not_found");
        await _admin.GetAsync(List("nope")).ExpectProblem(HttpStatusCode.NotFound, "subscription_not_found");
        await app.Client(await _books.OrganizationKey(customer)).GetAsync(List(subscription)).ExpectProblem(HttpStatusCode.Forbidden, "admin_key_required");
        var request = new HttpRequestMessage(HttpMethod.Get, List(subscription));
        request.Headers.Add("X-SALESBRICKS-KEY", app.AdminKey);
        var list = await app.Client(null).SendAsync(request).Expect(HttpStatusCode.OK);
        Assert.True(Assert.Single(list.GetProperty("results").EnumerateArray()).GetProperty("is_renewal_estimate").GetBoolean());
    }
}
