using System.Net;
using System.Net.Http.Json;
using Folio.Tests.Support;

namespace Folio.Tests.Dialects.ConsoleApi;

/// <summary>The answer has the seed's shape: its field names and JSON types, recursively.</summary>
public sealed class ConsoleApiContractTests(FolioApp app) : IClassFixture<FolioApp>
{
    /// <summary>What Folio does not record (usage, notifications, chat), and paidDate, which an unpaid invoice has none of.</summary>
    private static readonly string[] NotKept =
    [
        "paidDate", "creditUsageTodayUpdatedAt", "usageInvoicedUpToExcl", "quotaThresholdLastNotification", "quotaExceededLastNotification",
        "creditsLowBalanceLastNotification", "slackChannelRequestedTime",
    ];

    private readonly Books _books = app.Books();
    private readonly HttpClient _admin = app.Admin();

    [Fact]
    public async Task The_answer_matches_the_seed_example_for_an_organization_with_full_books()
    {
        var id = (await _admin.Post("/v1/customers", new
        {
            kind = "organization",
            name = "Initech",
            company = "Initech LLC",
            email = "ap@initech.example",
            purchase_order = "PO-2026-17",
            external_id = "cus_Q1w2E3r4",
            address = new { line1 = "4120 Freidrich Ln", line2 = "Suite 300", city = "Austin", region = "TX", postal_code = "78744", country = "US" },
        }).Expect(HttpStatusCode.Created)).Str("id");
        await _admin.PutAsJsonAsync($"/v1/customers/{id}/billing_profile", new
        {
            tier = "enterprise",
            domains = new[] { "initech.example", "initech.io" },
            all_notifications_email = "all@initech.example",
            action_required_notifications_email = "ops@initech.example",
            auto_recharge_enabled = true,
            auto_recharge_below_usd_cents = 5_000,
            auto_recharge_back_up_to_usd_cents = 25_000,
            credit_uninvoiced_limit_usd_cents = 100_000,
            spend_management_enabled = true,
            spend_daily_hard_limit_usd_cents = 20_000,
            spend_daily_notify_threshold_usd_cents = 15_000,
            spend_webhook_url = "https://initech.example/hooks/spend",
        }).Expect(HttpStatusCode.OK);
        var user = (await _books.User(id)).Str("id");
        await _books.OrganizationKey(id);
        var pastDue = await _books.OpenDueIn(id, 5, 12_345);
        await _books.Pay(pastDue.Str("id"), 2_345);
        await _books.OpenDueIn(user, 30, 1_000, "EUR");
        var uncollectible = await _books.OpenDueIn(id, 40, 5_000, "JPY");
        await _admin.Post($"/v1/invoices/{uncollectible.Str("id")}/mark_uncollectible").Expect(HttpStatusCode.OK);
        await _admin.Post($"/v1/customers/{id}/balance_transactions", new { amount = 2_500, currency = "USD", type = "grant" }).Expect(HttpStatusCode.Created);
        await _admin.Post($"/v1/customers/{id}/suspend", new { reason = "Past due" }).Expect(HttpStatusCode.OK);
        app.Clock.Advance(TimeSpan.FromDays(6));

        foreach (var client in new[] { _admin, app.Client(await _books.OrganizationKey(id)) })
        {
            var response = await client.GetUnpaid(id);
            Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
            var body = await response.Json();

            Assert.Equal(3, body.GetArrayLength());
            JsonShape.AssertSameShape(JsonShape.Fixture("console-api-unpaid-invoices.json"), body, NotKept);
        }
    }
}
