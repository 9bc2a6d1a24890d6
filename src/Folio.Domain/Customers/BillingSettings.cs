using System.Net.Mail;

namespace Folio.Domain.Customers;

/// <summary>
/// How the seller bills an organization beyond its contact details: its tier and domains, who gets notified, and the
/// credit and spend limits the seller set. US dollar amounts are in cents.
/// </summary>
public sealed record BillingSettings(
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
    public const long MaxUsdCents = 100_000_000_000_00;
    public const int MaxDomains = 50;

    public static BillingSettings Default { get; } = new();

    public IReadOnlyList<string> DomainList => Domains ?? [];

    public IEnumerable<RuleViolation> Validate()
    {
        if (Tier is { Length: 0 or > 50 })
        {
            yield return RuleViolation.Invalid("tier", "invalid_tier", "tier is 1 to 50 characters.");
        }

        if (DomainList.Count > MaxDomains || DomainList.Any(d => !IsDomain(d)))
        {
            yield return RuleViolation.Invalid("domains", "invalid_domains", $"domains are at most {MaxDomains} host names such as example.com.");
        }

        foreach (var (field, email) in new[] { ("all_notifications_email", AllNotificationsEmail), ("action_required_notifications_email", ActionRequiredNotificationsEmail) })
        {
            if (email is not null && !IsEmail(email))
            {
                yield return RuleViolation.Invalid(field, "invalid_email", $"{field} is not a valid e-mail address.");
            }
        }

        foreach (var (field, cents) in new[]
        {
            ("auto_recharge_below_usd", AutoRechargeBelowUsdCents), ("auto_recharge_back_up_to_usd", AutoRechargeBackUpToUsdCents),
            ("credit_uninvoiced_limit_usd", CreditUninvoicedLimitUsdCents), ("spend_daily_hard_limit_usd", SpendDailyHardLimitUsdCents),
            ("spend_daily_notify_threshold_usd", SpendDailyNotifyThresholdUsdCents),
        })
        {
            if (cents is < 0 or > MaxUsdCents)
            {
                yield return RuleViolation.Invalid(field, "invalid_amount", $"{field} is a number of US cents from 0 to {MaxUsdCents}.");
            }
        }

        if (AutoRechargeEnabled && (AutoRechargeBelowUsdCents is null || AutoRechargeBackUpToUsdCents is null || AutoRechargeBackUpToUsdCents <= AutoRechargeBelowUsdCents))
        {
            yield return RuleViolation.Unprocessable(
                "invalid_auto_recharge", "Auto-recharge needs auto_recharge_below_usd and a higher auto_recharge_back_up_to_usd.", "auto_recharge_back_up_to_usd");
        }

        if (SpendDailyNotifyThresholdUsdCents is { } notify && SpendDailyHardLimitUsdCents is { } limit && notify > limit)
        {
            yield return RuleViolation.Unprocessable(
                "invalid_spend_threshold", "spend_daily_notify_threshold_usd cannot be above spend_daily_hard_limit_usd.", "spend_daily_notify_threshold_usd");
        }

        if (SpendWebhookUrl is not null && (SpendWebhookUrl.Length > 2000 || !Uri.TryCreate(SpendWebhookUrl, UriKind.Absolute, out var url) || url.Scheme is not ("https" or "http")))
        {
            yield return RuleViolation.Invalid("spend_webhook_url", "invalid_url", "spend_webhook_url is an absolute http or https URL.");
        }
    }

    private static bool IsDomain(string value) =>
        value.Length is > 0 and <= 253 && value.Contains('.', StringComparison.Ordinal) && Uri.CheckHostName(value) == UriHostNameType.Dns;

    internal static bool IsEmail(string value) =>
        value.Length <= 254 && MailAddress.TryCreate(value, out var address) && address.Address == value && address.Host.Contains('.', StringComparison.Ordinal);
}
