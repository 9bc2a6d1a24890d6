using System.Net;
using System.Net.Http.Json;
using Folio.Tests.Support;

namespace Folio.Tests.Dialects.ConsoleApi;

/// <summary>Every figure of the organization object follows the books.</summary>
public sealed class ConsoleApiOrganizationTests(FolioApp app) : IClassFixture<FolioApp>
{
    private readonly Books _books = app.Books();
    private readonly HttpClient _admin = app.Admin();

    /// <summary>An organization with an unpaid invoice far in the future, so that the answer always carries it.</summary>
    private async Task<string> Organization()
    {
        var id = (await _books.Organization()).Str("id");
        await _books.OpenDueIn(id, 3_000, 1);
        return id;
    }

    [Fact]
    public async Task The_profile_is_the_customers()
    {
        var created = await _admin.Post("/v1/customers", new
        {
            kind = "organization",
            name = "Initech",
            company = "Initech LLC",
            email = "ap@initech.example",
            purchase_order = "PO-2026-17",
            external_id = "cus_Q1w2E3r4",
            address = new { line1 = "4120 Freidrich Ln", line2 = "Suite 300", city = "Austin", region = "TX", postal_code = "78744", country = "US" },
        }).Expect(HttpStatusCode.Created);
        var id = created.Str("id");
        await _books.OpenDueIn(id, 30);

        var organization = await _admin.Organization(id);

        Assert.Equal(id, organization.Str("id"));
        Assert.Equal("Initech", organization.Str("name"));
        Assert.Equal("Initech LLC", organization.Str("company"));
        Assert.Equal("ap@initech.example", organization.Str("billingEmail"));
        Assert.Equal("PO-2026-17", organization.Str("purchaseOrder"));
        Assert.Equal("cus_Q1w2E3r4", organization.Str("stripeId"));
        Assert.Equal("4120 Freidrich Ln", organization.Str("address1"));
        Assert.Equal("Suite 300", organization.Str("address2"));
        Assert.Equal("Austin", organization.Str("city"));
        Assert.Equal("TX", organization.Str("region"));
        Assert.Equal("78744", organization.Str("postalCode"));
        Assert.Equal("US", organization.Str("country"));
        Assert.Equal(created.Str("created_at"), organization.Str("timeCreated"));

        await _admin.Patch($"/v1/customers/{id}", new { external_id = string.Empty, address = new { line2 = string.Empty } }).Expect(HttpStatusCode.OK);
        organization = await _admin.Organization(id);
        Assert.Null(organization.GetProperty("stripeId").GetString());
        Assert.Null(organization.GetProperty("address2").GetString());
    }

    [Fact]
    public async Task The_credit_balance_is_in_dollars_across_currencies()
    {
        var id = await Organization();
        Assert.Equal(0m, (await _admin.Organization(id)).Dollars("creditBalance"));

        await _admin.Post($"/v1/customers/{id}/balance_transactions", new { amount = 5_025, currency = "USD", type = "grant" }).Expect(HttpStatusCode.Created);
        Assert.Equal(50.25m, (await _admin.Organization(id)).Dollars("creditBalance"));

        // 10.00 EUR at $1.1 = $11
        await _admin.Post($"/v1/customers/{id}/balance_transactions", new { amount = 1_000, currency = "EUR", type = "grant" }).Expect(HttpStatusCode.Created);
        Assert.Equal(61.25m, (await _admin.Organization(id)).Dollars("creditBalance"));
    }

    [Fact]
    public async Task Past_due_amount_and_date_follow_the_clock_and_the_payments()
    {
        var id = await Organization();
        var first = await _books.OpenDueIn(id, 5, 12_345);
        var second = await _books.OpenDueIn(id, 20, 10_000, "JPY");
        var organization = await _admin.Organization(id);
        Assert.Equal(0m, organization.Dollars("pastDueUsd"));
        Assert.Null(organization.Time("pastDueSince"));

        app.Clock.Advance(TimeSpan.FromDays(6));
        organization = await _admin.Organization(id);
        Assert.Equal(123.45m, organization.Dollars("pastDueUsd"));
        Assert.Equal(first.Str("due_at"), organization.Str("pastDueSince"));

        await _books.Pay(first.Str("id"), 2_345);
        Assert.Equal(100m, (await _admin.Organization(id)).Dollars("pastDueUsd"));

        // 10,000 yen at $0.0065 = $65
        app.Clock.Advance(TimeSpan.FromDays(15));
        organization = await _admin.Organization(id);
        Assert.Equal(165m, organization.Dollars("pastDueUsd"));
        Assert.Equal(first.Str("due_at"), organization.Str("pastDueSince"));

        await _books.Pay(first.Str("id"), 10_000);
        organization = await _admin.Organization(id);
        Assert.Equal(65m, organization.Dollars("pastDueUsd"));
        Assert.Equal(second.Str("due_at"), organization.Str("pastDueSince"));

        await _admin.Post($"/v1/invoices/{second.Str("id")}/mark_uncollectible").Expect(HttpStatusCode.OK);
        organization = await _admin.Organization(id);
        Assert.Equal(0m, organization.Dollars("pastDueUsd"));
        Assert.Null(organization.Time("pastDueSince"));
    }

    [Fact]
    public async Task Payments_count_over_all_time_and_drop_out_of_each_window_as_it_passes()
    {
        var id = await Organization();
        var usd = await _books.OpenDueIn(id, 30, 10_000);
        var eur = await _books.OpenDueIn(id, 30, 1_000, "EUR");
        var paidAt = app.Clock.GetUtcNow();
        await _books.Pay(usd.Str("id"), 10_000);
        await _books.Pay(eur.Str("id"), 1_000);

        async Task Expect(decimal total, decimal week, decimal month, decimal quarter, decimal year)
        {
            var organization = await _admin.Organization(id);
            Assert.Equal(
                (total, week, month, quarter, year),
                (organization.Dollars("totalPaidUsd"), organization.Dollars("totalPaidUsdLastW"), organization.Dollars("totalPaidUsdLastM"),
                    organization.Dollars("totalPaidUsdLastQ"), organization.Dollars("totalPaidUsdLastY")));
            Assert.Equal(paidAt, organization.Time("firstPaymentDate"));
        }

        // $100 and 10.00 EUR at $1.1
        await Expect(111m, 111m, 111m, 111m, 111m);
        app.Clock.Advance(TimeSpan.FromDays(8));
        await Expect(111m, 0m, 111m, 111m, 111m);
        app.Clock.Advance(TimeSpan.FromDays(31 - 8));
        await Expect(111m, 0m, 0m, 111m, 111m);
        app.Clock.Advance(TimeSpan.FromDays(92 - 31));
        await Expect(111m, 0m, 0m, 0m, 111m);
        app.Clock.Advance(TimeSpan.FromDays(366 - 92));
        await Expect(111m, 0m, 0m, 0m, 0m);

        var late = await _books.OpenDueIn(id, 30, 550);
        await _books.Pay(late.Str("id"), 550);
        await Expect(116.5m, 5.5m, 5.5m, 5.5m, 5.5m);
    }

    [Fact]
    public async Task Without_payments_there_is_no_first_payment_date()
    {
        var id = await Organization();

        var organization = await _admin.Organization(id);

        Assert.Null(organization.Time("firstPaymentDate"));
        Assert.Equal(0m, organization.Dollars("totalPaidUsd"));
    }

    [Fact]
    public async Task The_last_audit_trail_event_is_the_latest_change_to_the_organization_or_its_invoices()
    {
        var id = await Organization();
        var invoice = await _books.OpenDueIn(id, 30);
        Assert.Equal(app.Clock.GetUtcNow(), (await _admin.Organization(id)).Time("lastAuditTrailEvent"));

        app.Clock.Advance(TimeSpan.FromHours(1));
        await _admin.Post($"/v1/invoices/{invoice.Str("id")}/mute").Expect(HttpStatusCode.OK);
        Assert.Equal(app.Clock.GetUtcNow(), (await _admin.Organization(id)).Time("lastAuditTrailEvent"));

        app.Clock.Advance(TimeSpan.FromHours(1));
        await _admin.Patch($"/v1/customers/{id}", new { purchase_order = "PO-7" }).Expect(HttpStatusCode.OK);
        Assert.Equal(app.Clock.GetUtcNow(), (await _admin.Organization(id)).Time("lastAuditTrailEvent"));

        app.Clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(app.Clock.GetUtcNow().AddHours(-1), (await _admin.Organization(id)).Time("lastAuditTrailEvent"));
    }

    [Fact]
    public async Task Active_organization_keys_are_counted()
    {
        var id = await Organization();
        Assert.Equal(0, (await _admin.Organization(id)).GetProperty("apiKeysActiveCount").GetInt32());

        var key = await _admin.Post("/v1/api_keys", new { scope = "organization", organization_id = id }).Expect(HttpStatusCode.Created);
        await _admin.Post("/v1/api_keys", new { scope = "organization", organization_id = id }).Expect(HttpStatusCode.Created);
        await _admin.Post("/v1/api_keys", new { scope = "admin" }).Expect(HttpStatusCode.Created);
        Assert.Equal(2, (await _admin.Organization(id)).GetProperty("apiKeysActiveCount").GetInt32());

        await _admin.Post($"/v1/api_keys/{key.Str("id")}/revoke").Expect(HttpStatusCode.OK);
        Assert.Equal(1, (await _admin.Organization(id)).GetProperty("apiKeysActiveCount").GetInt32());
    }

    [Fact]
    public async Task Team_members_are_the_users_of_the_organization()
    {
        var id = await Organization();
        Assert.Equal(0, (await _admin.Organization(id)).GetProperty("teamMembersCount").GetInt32());

        var ada = (await _books.User(id, "Ada Park")).Str("id");
        await _books.User(id, "Bo Lin");
        await _books.User((await _books.Organization("Elsewhere")).Str("id"), "Cy Dee");
        Assert.Equal(2, (await _admin.Organization(id)).GetProperty("teamMembersCount").GetInt32());

        await _admin.Post($"/v1/customers/{ada}/archive").Expect(HttpStatusCode.OK);
        Assert.Equal(1, (await _admin.Organization(id)).GetProperty("teamMembersCount").GetInt32());
    }

    [Fact]
    public async Task Billing_settings_are_shown_in_dollars_as_set()
    {
        var id = await Organization();
        var organization = await _admin.Organization(id);
        Assert.Equal(0, organization.GetProperty("autoRechargeEnabled").GetInt32());
        Assert.Equal(0, organization.GetProperty("spendMgmtEnabled").GetInt32());
        Assert.Equal(string.Empty, organization.Str("domainsCsv"));
        Assert.Null(organization.GetProperty("tier").GetString());

        await _admin.PutAsJsonAsync($"/v1/customers/{id}/billing_profile", new
        {
            tier = "enterprise",
            domains = new[] { "acme.example", "Acme.io" },
            all_notifications_email = "all@acme.example",
            action_required_notifications_email = "ops@acme.example",
            auto_recharge_enabled = true,
            auto_recharge_below_usd_cents = 5_000,
            auto_recharge_back_up_to_usd_cents = 25_050,
            credit_uninvoiced_limit_usd_cents = 100_000,
            spend_management_enabled = true,
            spend_daily_hard_limit_usd_cents = 20_000,
            spend_daily_notify_threshold_usd_cents = 15_001,
            spend_webhook_url = "https://acme.example/hooks/spend",
        }).Expect(HttpStatusCode.OK);
        organization = await _admin.Organization(id);

        Assert.Equal("enterprise", organization.Str("tier"));
        Assert.Equal("acme.example,acme.io", organization.Str("domainsCsv"));
        Assert.Equal("all@acme.example", organization.Str("allNotificationsEmail"));
        Assert.Equal("ops@acme.example", organization.Str("actionRequiredNotificationsEmail"));
        Assert.Equal(1, organization.GetProperty("autoRechargeEnabled").GetInt32());
        Assert.Equal(50m, organization.Dollars("autoRechargeBalanceGoesBelowUsd"));
        Assert.Equal(250.5m, organization.Dollars("autoRechargeBalanceBackUpToUsd"));
        Assert.Equal(1_000m, organization.Dollars("creditUninvoicedLimit"));
        Assert.Equal(1, organization.GetProperty("spendMgmtEnabled").GetInt32());
        Assert.Equal(200m, organization.Dollars("spendMgmtCreditUsageDailyHardLimit"));
        Assert.Equal(150.01m, organization.Dollars("spendMgmtCreditUsageDailyNotifyThreshold"));
        Assert.Equal("https://acme.example/hooks/spend", organization.Str("spendMgmtCreditUsageWebhookUrl"));
    }

    [Fact]
    public async Task Suspension_shows_in_the_status_with_its_time_and_reason()
    {
        var id = await Organization();
        var organization = await _admin.Organization(id);
        Assert.Equal("active", organization.Str("status"));
        Assert.Null(organization.Time("statusChangedTime"));
        Assert.Null(organization.GetProperty("statusSuspendedReason").GetString());

        app.Clock.Advance(TimeSpan.FromMinutes(5));
        await _admin.Post($"/v1/customers/{id}/suspend", new { reason = "Card declined three times" }).Expect(HttpStatusCode.OK);
        organization = await _admin.Organization(id);
        Assert.Equal("suspended", organization.Str("status"));
        Assert.Equal(app.Clock.GetUtcNow(), organization.Time("statusChangedTime"));
        Assert.Equal("Card declined three times", organization.Str("statusSuspendedReason"));

        app.Clock.Advance(TimeSpan.FromMinutes(5));
        await _admin.Post($"/v1/customers/{id}/reactivate").Expect(HttpStatusCode.OK);
        organization = await _admin.Organization(id);
        Assert.Equal("active", organization.Str("status"));
        Assert.Equal(app.Clock.GetUtcNow(), organization.Time("statusChangedTime"));
        Assert.Null(organization.GetProperty("statusSuspendedReason").GetString());
    }

    [Fact]
    public async Task What_Folio_does_not_keep_is_zero_or_null()
    {
        var id = await Organization();

        var organization = await _admin.Organization(id);

        foreach (var zero in new[] { "creditUninvoicedCurrent", "creditUsageToday", "creditUsageYesterday", "paymentMethodsLiveCount", "ticketsLiveWaitOnProvider", "ticketsLiveWaitOnCustomer", "ticketsNotLive" })
        {
            Assert.Equal(0m, organization.Dollars(zero));
        }

        foreach (var none in new[] { "creditUsageTodayUpdatedAt", "usageInvoicedUpToExcl", "quotaThresholdLastNotification", "quotaExceededLastNotification", "creditsLowBalanceLastNotification", "slackChannelRequestedTime" })
        {
            Assert.Null(organization.Time(none));
        }
    }
}
