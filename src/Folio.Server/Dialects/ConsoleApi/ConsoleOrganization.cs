using System.Text.Json.Serialization;
using Folio.BillingProfiles;
using Folio.Domain.Customers;

namespace Folio.Dialects.ConsoleApi;

/// <summary>
/// The organization as the console API shows it: its profile and billing settings, and what the books say about it.
/// US dollar figures are numbers of dollars. Usage, notifications, payment methods, tickets and chat are not kept by
/// Folio: their counters are 0 and their times null.
/// </summary>
public sealed record ConsoleOrganization(
    [property: JsonPropertyName("id")] Guid Id,
    [property: JsonPropertyName("stripeId")] string? StripeId,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("company")] string? Company,
    [property: JsonPropertyName("country")] string? Country,
    [property: JsonPropertyName("address1")] string? Address1,
    [property: JsonPropertyName("address2")] string? Address2,
    [property: JsonPropertyName("city")] string? City,
    [property: JsonPropertyName("postalCode")] string? PostalCode,
    [property: JsonPropertyName("region")] string? Region,
    [property: JsonPropertyName("purchaseOrder")] string? PurchaseOrder,
    [property: JsonPropertyName("billingEmail")] string? BillingEmail,
    [property: JsonPropertyName("autoRechargeEnabled")] int AutoRechargeEnabled,
    [property: JsonPropertyName("autoRechargeBalanceGoesBelowUsd")] decimal? AutoRechargeBalanceGoesBelowUsd,
    [property: JsonPropertyName("autoRechargeBalanceBackUpToUsd")] decimal? AutoRechargeBalanceBackUpToUsd,
    [property: JsonPropertyName("creditBalance")] decimal CreditBalance,
    [property: JsonPropertyName("creditUninvoicedCurrent")] decimal CreditUninvoicedCurrent,
    [property: JsonPropertyName("creditUninvoicedLimit")] decimal? CreditUninvoicedLimit,
    [property: JsonPropertyName("creditUsageYesterday")] decimal CreditUsageYesterday,
    [property: JsonPropertyName("creditUsageToday")] decimal CreditUsageToday,
    [property: JsonPropertyName("creditUsageTodayUpdatedAt")] DateTimeOffset? CreditUsageTodayUpdatedAt,
    [property: JsonPropertyName("pastDueUsd")] decimal PastDueUsd,
    [property: JsonPropertyName("pastDueSince")] DateTimeOffset? PastDueSince,
    [property: JsonPropertyName("apiKeysActiveCount")] int ApiKeysActiveCount,
    [property: JsonPropertyName("ticketsLiveWaitOnProvider")] int TicketsLiveWaitOnProvider,
    [property: JsonPropertyName("ticketsLiveWaitOnCustomer")] int TicketsLiveWaitOnCustomer,
    [property: JsonPropertyName("ticketsNotLive")] int TicketsNotLive,
    [property: JsonPropertyName("totalPaidUsd")] decimal TotalPaidUsd,
    [property: JsonPropertyName("totalPaidUsdLastW")] decimal TotalPaidUsdLastW,
    [property: JsonPropertyName("totalPaidUsdLastM")] decimal TotalPaidUsdLastM,
    [property: JsonPropertyName("totalPaidUsdLastQ")] decimal TotalPaidUsdLastQ,
    [property: JsonPropertyName("totalPaidUsdLastY")] decimal TotalPaidUsdLastY,
    [property: JsonPropertyName("tier")] string? Tier,
    [property: JsonPropertyName("firstPaymentDate")] DateTimeOffset? FirstPaymentDate,
    [property: JsonPropertyName("lastAuditTrailEvent")] DateTimeOffset LastAuditTrailEvent,
    [property: JsonPropertyName("usageInvoicedUpToExcl")] DateTimeOffset? UsageInvoicedUpToExcl,
    [property: JsonPropertyName("paymentMethodsLiveCount")] int PaymentMethodsLiveCount,
    [property: JsonPropertyName("quotaThresholdLastNotification")] DateTimeOffset? QuotaThresholdLastNotification,
    [property: JsonPropertyName("quotaExceededLastNotification")] DateTimeOffset? QuotaExceededLastNotification,
    [property: JsonPropertyName("allNotificationsEmail")] string? AllNotificationsEmail,
    [property: JsonPropertyName("actionRequiredNotificationsEmail")] string? ActionRequiredNotificationsEmail,
    [property: JsonPropertyName("creditsLowBalanceLastNotification")] DateTimeOffset? CreditsLowBalanceLastNotification,
    [property: JsonPropertyName("timeCreated")] DateTimeOffset TimeCreated,
    [property: JsonPropertyName("domainsCsv")] string DomainsCsv,
    [property: JsonPropertyName("teamMembersCount")] int TeamMembersCount,
    [property: JsonPropertyName("spendMgmtEnabled")] int SpendMgmtEnabled,
    [property: JsonPropertyName("spendMgmtCreditUsageDailyHardLimit")] decimal? SpendMgmtCreditUsageDailyHardLimit,
    [property: JsonPropertyName("spendMgmtCreditUsageDailyNotifyThreshold")] decimal? SpendMgmtCreditUsageDailyNotifyThreshold,
    [property: JsonPropertyName("spendMgmtCreditUsageWebhookUrl")] string? SpendMgmtCreditUsageWebhookUrl,
    [property: JsonPropertyName("slackChannelRequestedTime")] DateTimeOffset? SlackChannelRequestedTime,
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("statusChangedTime")] DateTimeOffset? StatusChangedTime,
    [property: JsonPropertyName("statusSuspendedReason")] string? StatusSuspendedReason)
{
    public static ConsoleOrganization From(Customer organization, BillingSummary summary)
    {
        ArgumentNullException.ThrowIfNull(organization);
        ArgumentNullException.ThrowIfNull(summary);
        var billing = organization.Billing;
        var address = organization.Address;
        return new(
            Id: organization.Id,
            StripeId: organization.ExternalId,
            Name: organization.Name,
            Company: organization.Company,
            Country: address.Country,
            Address1: address.Line1,
            Address2: address.Line2,
            City: address.City,
            PostalCode: address.PostalCode,
            Region: address.Region,
            PurchaseOrder: organization.PurchaseOrder,
            BillingEmail: organization.Email,
            AutoRechargeEnabled: billing.AutoRechargeEnabled ? 1 : 0,
            AutoRechargeBalanceGoesBelowUsd: Dollars(billing.AutoRechargeBelowUsdCents),
            AutoRechargeBalanceBackUpToUsd: Dollars(billing.AutoRechargeBackUpToUsdCents),
            CreditBalance: Dollars(summary.CreditBalanceUsdCents),
            CreditUninvoicedCurrent: 0,
            CreditUninvoicedLimit: Dollars(billing.CreditUninvoicedLimitUsdCents),
            CreditUsageYesterday: 0,
            CreditUsageToday: 0,
            CreditUsageTodayUpdatedAt: null,
            PastDueUsd: Dollars(summary.PastDueUsdCents),
            PastDueSince: summary.PastDueSince,
            ApiKeysActiveCount: summary.ActiveApiKeys,
            TicketsLiveWaitOnProvider: 0,
            TicketsLiveWaitOnCustomer: 0,
            TicketsNotLive: 0,
            TotalPaidUsd: Dollars(summary.TotalPaidUsdCents),
            TotalPaidUsdLastW: Dollars(summary.PaidLastWeekUsdCents),
            TotalPaidUsdLastM: Dollars(summary.PaidLastMonthUsdCents),
            TotalPaidUsdLastQ: Dollars(summary.PaidLastQuarterUsdCents),
            TotalPaidUsdLastY: Dollars(summary.PaidLastYearUsdCents),
            Tier: billing.Tier,
            FirstPaymentDate: summary.FirstPaymentAt,
            // Books from before the audit trail have no entry about the organization: their last activity stands in.
            LastAuditTrailEvent: summary.LastAuditAt ?? summary.LastActivityAt,
            UsageInvoicedUpToExcl: null,
            PaymentMethodsLiveCount: 0,
            QuotaThresholdLastNotification: null,
            QuotaExceededLastNotification: null,
            AllNotificationsEmail: billing.AllNotificationsEmail,
            ActionRequiredNotificationsEmail: billing.ActionRequiredNotificationsEmail,
            CreditsLowBalanceLastNotification: null,
            TimeCreated: organization.CreatedAt,
            DomainsCsv: string.Join(',', billing.DomainList),
            TeamMembersCount: summary.TeamMembers,
            SpendMgmtEnabled: billing.SpendManagementEnabled ? 1 : 0,
            SpendMgmtCreditUsageDailyHardLimit: Dollars(billing.SpendDailyHardLimitUsdCents),
            SpendMgmtCreditUsageDailyNotifyThreshold: Dollars(billing.SpendDailyNotifyThresholdUsdCents),
            SpendMgmtCreditUsageWebhookUrl: billing.SpendWebhookUrl,
            SlackChannelRequestedTime: null,
            Status: organization.Status == AccountStatus.Suspended ? "suspended" : "active",
            StatusChangedTime: organization.StatusChangedAt,
            StatusSuspendedReason: organization.SuspendedReason);
    }

    private static decimal Dollars(long cents) => cents / 100m;

    private static decimal? Dollars(long? cents) => cents / 100m;
}
