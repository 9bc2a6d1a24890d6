using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Folio.Tests.Support;

namespace Folio.Tests.BillingProfiles;

public sealed class BillingProfileTests(FolioApp app) : IClassFixture<FolioApp>
{
    private readonly Books _books = app.Books();
    private readonly HttpClient _admin = app.Admin();

    private static readonly object Settings = new
    {
        tier = "enterprise",
        domains = new[] { "Acme.example", "robots.acme.example" },
        all_notifications_email = "billing@acme.example",
        action_required_notifications_email = "ops@acme.example",
        auto_recharge_enabled = true,
        auto_recharge_below_usd_cents = 50_00,
        auto_recharge_back_up_to_usd_cents = 500_00,
        credit_uninvoiced_limit_usd_cents = 2_000_00,
        spend_management_enabled = true,
        spend_daily_hard_limit_usd_cents = 300_00,
        spend_daily_notify_threshold_usd_cents = 200_00,
        spend_webhook_url = "https://acme.example/hooks/spend",
    };

    private static Task<JsonElement> Profile(HttpClient client, string id) => client.GetAsync(new Uri($"/v1/customers/{id}/billing_profile", UriKind.Relative)).Expect(HttpStatusCode.OK);

    [Fact]
    public async Task Settings_are_stored_replaced_as_a_whole_and_read_back()
    {
        var organization = (await _books.Organization()).Str("id");
        var fresh = await Profile(_admin, organization);
        Assert.Equal(("active", false), (fresh.Str("status"), fresh.GetProperty("auto_recharge_enabled").GetBoolean()));
        Assert.Equal(0, fresh.GetProperty("domains").GetArrayLength());

        app.Clock.Advance(TimeSpan.FromHours(1));
        var saved = await _admin.PutAsJsonAsync($"/v1/customers/{organization}/billing_profile", Settings).Expect(HttpStatusCode.OK);
        Assert.Equal("enterprise", saved.Str("tier"));
        Assert.Equal(["acme.example", "robots.acme.example"], saved.GetProperty("domains").EnumerateArray().Select(d => d.GetString()));
        Assert.Equal(500_00, saved.Amount("auto_recharge_back_up_to_usd_cents"));
        Assert.Equal("https://acme.example/hooks/spend", saved.Str("spend_webhook_url"));
        var customer = await _admin.GetAsync(new Uri($"/v1/customers/{organization}", UriKind.Relative)).Expect(HttpStatusCode.OK);
        Assert.Equal(app.Clock.GetUtcNow(), customer.GetProperty("updated_at").GetDateTimeOffset());

        // A replacement leaves out what it does not name.
        var replaced = await _admin.PutAsJsonAsync($"/v1/customers/{organization}/billing_profile", new { tier = "startup" }).Expect(HttpStatusCode.OK);
        Assert.Equal(("startup", false, 0), (replaced.Str("tier"), replaced.GetProperty("auto_recharge_enabled").GetBoolean(), replaced.GetProperty("domains").GetArrayLength()));
    }

    [Fact]
    public async Task Bad_settings_name_their_field_and_change_nothing()
    {
        var organization = (await _books.Organization()).Str("id");
        await _admin.PutAsJsonAsync($"/v1/customers/{organization}/billing_profile", Settings).Expect(HttpStatusCode.OK);

        await _admin.PutAsJsonAsync($"/v1/customers/{organization}/billing_profile", new { tier = "x", all_notifications_email = "not-an-email" })
            .ExpectProblem(HttpStatusCode.BadRequest, "invalid_email", "all_notifications_email");
        await _admin.PutAsJsonAsync($"/v1/customers/{organization}/billing_profile", new { auto_recharge_enabled = true, auto_recharge_below_usd_cents = 100 })
            .ExpectProblem(HttpStatusCode.UnprocessableEntity, "invalid_auto_recharge", "auto_recharge_back_up_to_usd");
        await _admin.PutAsJsonAsync($"/v1/customers/{organization}/billing_profile", new { credit_limit = 5 })
            .ExpectProblem(HttpStatusCode.BadRequest, "unknown_field", "credit_limit");

        var unchanged = await Profile(_admin, organization);
        Assert.Equal(("enterprise", 2_000_00L), (unchanged.Str("tier"), unchanged.Amount("credit_uninvoiced_limit_usd_cents")));
    }

    [Fact]
    public async Task Suspension_keeps_its_reason_and_time_until_reactivation()
    {
        var organization = (await _books.Organization()).Str("id");
        await _admin.Post($"/v1/customers/{organization}/suspend", new { reason = "" }).ExpectProblem(HttpStatusCode.BadRequest, "invalid_suspended_reason", "suspended_reason");

        app.Clock.Advance(TimeSpan.FromMinutes(5));
        var suspended = await _admin.Post($"/v1/customers/{organization}/suspend", new { reason = "Invoices past due" }).Expect(HttpStatusCode.OK);
        Assert.Equal(("suspended", "Invoices past due"), (suspended.Str("status"), suspended.Str("suspended_reason")));
        var suspendedAt = suspended.GetProperty("status_changed_at").GetDateTimeOffset();
        Assert.Equal(app.Clock.GetUtcNow(), suspendedAt);

        app.Clock.Advance(TimeSpan.FromDays(2));
        var active = await _admin.Post($"/v1/customers/{organization}/reactivate").Expect(HttpStatusCode.OK);
        Assert.Equal("active", active.Str("status"));
        Assert.Equal(JsonValueKind.Null, active.GetProperty("suspended_reason").ValueKind);
        Assert.Equal(suspendedAt.AddDays(2), active.GetProperty("status_changed_at").GetDateTimeOffset());
    }

    [Fact]
    public async Task An_organization_key_reads_its_own_profile_only_and_changes_nothing()
    {
        var mine = (await _books.Organization()).Str("id");
        var other = (await _books.Organization("Other Org")).Str("id");
        var client = app.Client(await _books.OrganizationKey(mine));

        var own = await Profile(client, mine);
        Assert.Equal(mine, own.Str("customer_id"));
        Assert.Equal(1, own.GetProperty("summary").GetProperty("active_api_keys").GetInt32());
        await client.GetAsync(new Uri($"/v1/customers/{other}/billing_profile", UriKind.Relative)).ExpectProblem(HttpStatusCode.NotFound, "customer_not_found");
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PutAsJsonAsync($"/v1/customers/{mine}/billing_profile", Settings)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.Post($"/v1/customers/{mine}/suspend", new { reason = "no" })).StatusCode);
        await _admin.GetAsync(new Uri($"/v1/customers/{Guid.NewGuid()}/billing_profile", UriKind.Relative)).ExpectProblem(HttpStatusCode.NotFound, "customer_not_found");
    }

    [Fact]
    public async Task The_summary_follows_the_books_in_US_dollars()
    {
        var organization = (await _books.Organization()).Str("id");
        var user = (await _books.User(organization)).Str("id");
        static JsonElement Summary(JsonElement profile) => profile.GetProperty("summary");

        var empty = Summary(await Profile(_admin, organization));
        Assert.Equal((0L, 0L, 1), (empty.Amount("past_due_usd_cents"), empty.Amount("total_paid_usd_cents"), empty.GetProperty("team_members").GetInt32()));

        // ¥10,000 at 0.0065 = $65.00, due in 30 days, paid ¥4,001 ($26.0065 → 2,601 cents) on the user's invoice.
        var yen = await _books.Open(user, "JPY", new { description = "Usage", unit_amount = 10_000 });
        await _books.Pay(yen.Str("id"), 4_001);
        var paid = Summary(await Profile(_admin, organization));
        Assert.Equal((2_601L, 2_601L), (paid.Amount("total_paid_usd_cents"), paid.Amount("paid_last7_days_usd_cents")));
        Assert.Equal(app.Clock.GetUtcNow(), paid.GetProperty("first_payment_at").GetDateTimeOffset());
        Assert.Equal(0, paid.Amount("past_due_usd_cents"));

        app.Clock.Advance(TimeSpan.FromDays(31));
        var late = Summary(await Profile(_admin, organization));
        // ¥5,999 remain: $38.9935 → 3,899 cents.
        Assert.Equal(3_899, late.Amount("past_due_usd_cents"));
        Assert.Equal(yen.GetProperty("due_at").GetDateTimeOffset(), late.GetProperty("past_due_since").GetDateTimeOffset());
        Assert.Equal((0L, 0L, 2_601L), (late.Amount("paid_last7_days_usd_cents"), late.Amount("paid_last30_days_usd_cents"), late.Amount("paid_last91_days_usd_cents")));

        await _admin.Post($"/v1/customers/{organization}/balance_transactions", new { amount = 20_00, currency = "EUR", type = "grant" }).Expect(HttpStatusCode.Created);
        // €20.00 at 1.1 = $22.00.
        Assert.Equal(22_00, Summary(await Profile(_admin, organization)).Amount("credit_balance_usd_cents"));
    }
}
