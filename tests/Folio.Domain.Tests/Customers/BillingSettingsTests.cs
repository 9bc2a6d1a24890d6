using Folio.Domain.Customers;

namespace Folio.Domain.Tests.Customers;

public sealed class BillingSettingsTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 5, 9, 30, 0, TimeSpan.Zero);

    [Fact]
    public void Complete_settings_are_accepted_and_domains_kept_in_lower_case_once()
    {
        var customer = Organization();
        var settings = new BillingSettings("enterprise", ["Acme.example", "acme.example", "robots.acme.example"], "billing@acme.example", "ops@acme.example",
            true, 50_00, 500_00, 2_000_00, true, 300_00, 200_00, "https://acme.example/hooks");

        Assert.Empty(customer.UpdateBilling(settings, Now.AddDays(1)));

        Assert.Equal(["acme.example", "robots.acme.example"], customer.Billing.DomainList);
        Assert.Equal(500_00, customer.Billing.AutoRechargeBackUpToUsdCents);
        Assert.Equal(Now.AddDays(1), customer.UpdatedAt);
    }

    [Theory]
    [InlineData("tier")]
    [InlineData("domains")]
    [InlineData("all_notifications_email")]
    [InlineData("auto_recharge_back_up_to_usd")]
    [InlineData("credit_uninvoiced_limit_usd")]
    [InlineData("spend_daily_notify_threshold_usd")]
    [InlineData("spend_webhook_url")]
    public void Each_bad_setting_is_named_and_nothing_changes(string field)
    {
        var settings = field switch
        {
            "tier" => new BillingSettings(Tier: new string('x', 51)),
            "domains" => new BillingSettings(Domains: ["not a domain"]),
            "all_notifications_email" => new BillingSettings(AllNotificationsEmail: "nobody"),
            "auto_recharge_back_up_to_usd" => new BillingSettings(AutoRechargeEnabled: true, AutoRechargeBelowUsdCents: 500_00, AutoRechargeBackUpToUsdCents: 100_00),
            "credit_uninvoiced_limit_usd" => new BillingSettings(CreditUninvoicedLimitUsdCents: -1),
            "spend_daily_notify_threshold_usd" => new BillingSettings(SpendDailyHardLimitUsdCents: 100_00, SpendDailyNotifyThresholdUsdCents: 200_00),
            _ => new BillingSettings(SpendWebhookUrl: "ftp://acme.example/hooks"),
        };
        var customer = Organization();

        var violations = customer.UpdateBilling(settings, Now.AddDays(1));

        Assert.Equal(field, Assert.Single(violations).Field);
        Assert.Equal(BillingSettings.Default, customer.Billing);
        Assert.Equal(Now, customer.UpdatedAt);
    }

    [Fact]
    public void Suspension_needs_a_reason_and_keeps_the_time_of_each_change()
    {
        var customer = Organization();
        Assert.Null(customer.StatusChangedAt);

        Assert.Equal("suspended_reason", Assert.Single(customer.SetStatus(AccountStatus.Suspended, " ", Now)).Field);
        Assert.Empty(customer.SetStatus(AccountStatus.Suspended, "Invoices past due", Now.AddHours(1)));
        Assert.Equal((AccountStatus.Suspended, "Invoices past due", Now.AddHours(1)), (customer.Status, customer.SuspendedReason, customer.StatusChangedAt));

        Assert.Empty(customer.SetStatus(AccountStatus.Active, null, Now.AddHours(2)));
        Assert.Equal((AccountStatus.Active, (string?)null, Now.AddHours(2)), (customer.Status, customer.SuspendedReason, customer.StatusChangedAt));

        // Reactivating an active account changes nothing, not even the time.
        Assert.Empty(customer.SetStatus(AccountStatus.Active, null, Now.AddHours(3)));
        Assert.Equal(Now.AddHours(2), customer.StatusChangedAt);
    }

    private static Customer Organization()
    {
        var (customer, violations) = Customer.Create(
            Guid.NewGuid(), CustomerKind.Organization, null,
            new CustomerProfile("Acme Robotics", null, null, null, Address.Empty, null, null, null, new Dictionary<string, string>()), Now);
        Assert.Empty(violations);
        return customer!;
    }
}
