namespace Folio.Events;

/// <summary>
/// Every type of event Folio writes, and the one rule for a pattern naming some of them: <c>*</c> (all), an exact type
/// (<c>invoice.paid</c>), or every type with a prefix (<c>invoice.*</c>). Webhook subscriptions and the filter of
/// <c>GET /v1/events</c> both read patterns by it, so a pattern that could never match is refused in both.
/// </summary>
public static class EventTypes
{
    public static readonly IReadOnlySet<string> All = new SortedSet<string>(StringComparer.Ordinal)
    {
        "invoice.created", "invoice.updated", "invoice.deleted", "invoice.finalized", "invoice.sent", "invoice.payment_recorded",
        "invoice.paid", "invoice.voided", "invoice.marked_uncollectible", "invoice.muted", "invoice.unmuted", "invoice.past_due",
        "customer.created", "customer.updated", "customer.suspended", "customer.reactivated", "credit.balance_changed",
        "subscription.created", "subscription.updated", "subscription.canceled", "subscription.ended", "bill_run.completed",
        "webhook_endpoint.disabled",
    };

    /// <summary>The prefixes of <c>prefix.*</c> patterns: the text before the dot of each type.</summary>
    public static readonly IReadOnlySet<string> Prefixes = All.Select(t => t[..t.IndexOf('.', StringComparison.Ordinal)]).ToHashSet(StringComparer.Ordinal);

    public static bool IsPattern(string pattern) =>
        pattern == "*" || All.Contains(pattern) || (pattern.EndsWith(".*", StringComparison.Ordinal) && Prefixes.Contains(pattern[..^2]));

    /// <summary>Whether <paramref name="type"/> is named by one of <paramref name="patterns"/>.</summary>
    public static bool Matches(IReadOnlyList<string> patterns, string type)
    {
        ArgumentNullException.ThrowIfNull(patterns);
        ArgumentNullException.ThrowIfNull(type);
        foreach (var pattern in patterns)
        {
            if (pattern == "*" || pattern == type
                || (pattern.EndsWith(".*", StringComparison.Ordinal) && type.Length > pattern.Length - 1 && type.StartsWith(pattern.AsSpan(0, pattern.Length - 1), StringComparison.Ordinal)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>How to name types, for a refusal.</summary>
    public static string Hint => $"*, an object's every type ({string.Join(", ", Prefixes.Order(StringComparer.Ordinal).Select(p => p + ".*"))}) or an event type such as invoice.paid";
}
