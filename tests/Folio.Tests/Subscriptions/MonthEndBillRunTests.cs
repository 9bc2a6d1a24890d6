using System.Net;
using System.Text.Json;
using Folio.Tests.Catalog;
using Folio.Tests.Support;
using static Folio.Tests.Subscriptions.SubscriptionCalls;

namespace Folio.Tests.Subscriptions;

public sealed class MonthEndBillRunTests(FolioApp app) : IClassFixture<FolioApp>
{
    private readonly HttpClient _admin = app.Admin();

    [Fact]
    public async Task A_subscription_anchored_on_31_January_is_invoiced_once_a_month_on_the_last_day_of_short_months()
    {
        var customer = (await app.Books().Organization()).Str("id");
        var price = await _admin.RecurringPrice(30_00);
        var anchor = new DateTimeOffset(2028, 1, 31, 0, 0, 0, TimeSpan.Zero);
        var id = (await _admin.Subscribe(customer, price, extra: new { start_at = Time(anchor) })).Str("id");
        string[] starts = ["2028-01-31", "2028-02-29", "2028-03-31", "2028-04-30", "2028-05-31", "2028-06-30", "2028-07-31", "2028-08-31", "2028-09-30", "2028-10-31", "2028-11-30", "2028-12-31", "2029-01-31", "2029-02-28", "2029-03-31"];

        for (var month = 0; month < 14; month++)
        {
            var periodStart = DateTimeOffset.Parse(starts[month] + "T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture);
            app.Clock.Advance(periodStart.AddHours(6) - app.Clock.GetUtcNow());
            var run = await _admin.BillRun();
            Assert.Equal((1, 1, 0, 0), (run.GetProperty("due").GetInt32(), run.GetProperty("invoiced").GetInt32(), run.GetProperty("skipped").GetInt32(), run.GetProperty("failed").GetInt32()));
            Assert.Equal("completed", run.Str("status"));

            var subscription = await _admin.Get($"/v1/subscriptions/{id}").Expect(HttpStatusCode.OK);
            Assert.Equal((starts[month], starts[month + 1]), (subscription.Date("current_period_start"), subscription.Date("current_period_end")));
            Assert.Equal(starts[month + 1], subscription.Date("next_bill_at"));
        }

        var invoices = await _admin.InvoicesOf(customer);
        Assert.Equal(14, invoices.Count);
        for (var month = 0; month < 14; month++)
        {
            var invoice = invoices[month];
            Assert.Equal((id, month), (invoice.Str("subscription_id"), invoice.GetProperty("subscription_period").GetInt32()));
            Assert.Equal((starts[month], starts[month + 1]), (invoice.Date("period_start"), invoice.Date("period_end")));
            Assert.Equal(("open", 30_00L), (invoice.Str("status"), invoice.Amount("total")));
            var line = Assert.Single(invoice.GetProperty("items").EnumerateArray());
            Assert.Equal((price, starts[month]), (line.Str("price_id"), line.Date("period_start")));
            Assert.NotEqual(JsonValueKind.Null, invoice.GetProperty("number").ValueKind);
        }

        // The last two fields of the invoice object, after the items.
        Assert.Equal(["items", "subscription_id", "subscription_period"], invoices[0].EnumerateObject().Select(p => p.Name).TakeLast(3));

        // Nothing was paid: the first invoices are past due, and so is the subscription.
        Assert.Equal("past_due", (await _admin.Get($"/v1/subscriptions/{id}").Expect(HttpStatusCode.OK)).Str("status"));
        Assert.Contains(await _admin.Walk("/v1/subscriptions?status=past_due", 10), s => s.Str("id") == id);
    }
}
