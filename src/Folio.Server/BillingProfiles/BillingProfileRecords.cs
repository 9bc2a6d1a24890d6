using Folio.Domain.Customers;

namespace Folio.BillingProfiles;

/// <summary>
/// The seller's billing settings for a customer, replaced as a whole (a field left out goes back to its default).
/// US dollar amounts are in cents.
/// </summary>
public sealed record BillingSettingsRequest(
    string? Tier = null,
    IReadOnlyList<string>? Domains = null,
    string? AllNotificationsEmail = null,
    string? ActionRequiredNotificationsEmail = null,
    bool AutoRechargeEnabled = false,
    long? AutoRechargeBelowUsdCents = null,
    long? AutoRechargeBackUpToUsdCents = null,
    long? CreditUninvoicedLimitUsdCents = null,
    bool SpendManagementEnabled = false,
    long? SpendDailyHardLimitUsdCents = null,
    long? SpendDailyNotifyThresholdUsdCents = null,
    string? SpendWebhookUrl = null)
{
    public BillingSettings ToSettings() => new(
        Blank(Tier), Domains, Blank(AllNotificationsEmail), Blank(ActionRequiredNotificationsEmail), AutoRechargeEnabled, AutoRechargeBelowUsdCents,
        AutoRechargeBackUpToUsdCents, CreditUninvoicedLimitUsdCents, SpendManagementEnabled, SpendDailyHardLimitUsdCents, SpendDailyNotifyThresholdUsdCents,
        Blank(SpendWebhookUrl));

    private static string? Blank(string? value) => string.IsNullOrEmpty(value) ? null : value;
}

/// <summary>Suspends an account; the reason is kept and shown with the status.</summary>
public sealed record SuspendRequest(string Reason);

public sealed record BillingSummaryResponse(
    long CreditBalanceUsdCents,
    long PastDueUsdCents,
    DateTimeOffset? PastDueSince,
    long TotalPaidUsdCents,
    long PaidLast7DaysUsdCents,
    long PaidLast30DaysUsdCents,
    long PaidLast91DaysUsdCents,
    long PaidLast365DaysUsdCents,
    DateTimeOffset? FirstPaymentAt,
    DateTimeOffset LastActivityAt,
    int ActiveApiKeys,
    int TeamMembers)
{
    public static BillingSummaryResponse From(BillingSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        return new(
            summary.CreditBalanceUsdCents, summary.PastDueUsdCents, summary.PastDueSince, summary.TotalPaidUsdCents, summary.PaidLastWeekUsdCents,
            summary.PaidLastMonthUsdCents, summary.PaidLastQuarterUsdCents, summary.PaidLastYearUsdCents, summary.FirstPaymentAt, summary.LastActivityAt,
            summary.ActiveApiKeys, summary.TeamMembers);
    }
}

public sealed record BillingProfileResponse(
    Guid CustomerId,
    AccountStatus Status,
    DateTimeOffset? StatusChangedAt,
    string? SuspendedReason,
    string? Tier,
    IReadOnlyList<string> Domains,
    string? AllNotificationsEmail,
    string? ActionRequiredNotificationsEmail,
    bool AutoRechargeEnabled,
    long? AutoRechargeBelowUsdCents,
    long? AutoRechargeBackUpToUsdCents,
    long? CreditUninvoicedLimitUsdCents,
    bool SpendManagementEnabled,
    long? SpendDailyHardLimitUsdCents,
    long? SpendDailyNotifyThresholdUsdCents,
    string? SpendWebhookUrl,
    BillingSummaryResponse? Summary)
{
    public static BillingProfileResponse From(Customer customer, BillingSummary? summary)
    {
        ArgumentNullException.ThrowIfNull(customer);
        var b = customer.Billing;
        return new(
            customer.Id, customer.Status, customer.StatusChangedAt, customer.SuspendedReason, b.Tier, b.DomainList, b.AllNotificationsEmail,
            b.ActionRequiredNotificationsEmail, b.AutoRechargeEnabled, b.AutoRechargeBelowUsdCents, b.AutoRechargeBackUpToUsdCents,
            b.CreditUninvoicedLimitUsdCents, b.SpendManagementEnabled, b.SpendDailyHardLimitUsdCents, b.SpendDailyNotifyThresholdUsdCents,
            b.SpendWebhookUrl, summary is null ? null : BillingSummaryResponse.From(summary));
    }
}
