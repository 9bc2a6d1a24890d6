using Folio.Domain;
using Folio.Events;

namespace Folio.Webhooks;

/// <summary>
/// What an endpoint subscribes to: <c>*</c> (every event), an object's every event (<c>invoice.*</c>), or one type
/// (<c>invoice.paid</c>). The object must be one events are written about (<see cref="Event.ObjectType"/>).
/// </summary>
public static class EventTypePatterns
{
    public const int MaxPatterns = 50;

    /// <summary>The objects events tell of; a pattern naming another one could never match.</summary>
    public static readonly IReadOnlySet<string> Objects = new HashSet<string>(StringComparer.Ordinal)
    {
        "invoice", "customer", "credit_balance", "subscription", "bill_run", "webhook_endpoint",
    };

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

    /// <summary>The patterns as stored (space-separated, in the order given, without repeats), or what is wrong with them.</summary>
    public static RuleViolation? Read(IReadOnlyList<string>? patterns, out string stored)
    {
        stored = string.Empty;
        if (patterns is null || patterns.Count == 0)
        {
            return RuleViolation.Invalid("enabled_events", "enabled_events_required", "enabled_events lists at least one event type or pattern, such as invoice.paid, invoice.* or *.");
        }

        if (patterns.Count > MaxPatterns)
        {
            return RuleViolation.Invalid("enabled_events", "invalid_enabled_events", $"enabled_events holds at most {MaxPatterns} types or patterns.");
        }

        for (var n = 0; n < patterns.Count; n++)
        {
            if (!IsValid(patterns[n]))
            {
                return RuleViolation.Invalid($"enabled_events[{n}]", "unknown_event_type", $"Not an event type or pattern Folio sends: use *, an object and * ({string.Join(", ", Objects.Order(StringComparer.Ordinal).Select(o => o + ".*"))}) or an event type such as invoice.paid.");
            }
        }

        stored = string.Join(' ', patterns.Distinct(StringComparer.Ordinal));
        return null;
    }

    private static bool IsValid(string pattern)
    {
        if (pattern == "*")
        {
            return true;
        }

        var dot = pattern.IndexOf('.', StringComparison.Ordinal);
        if (dot <= 0 || pattern.Length > Event.MaxTypeLength || !Objects.Contains(pattern[..dot]))
        {
            return false;
        }

        var action = pattern[(dot + 1)..];
        return action == "*" || (action.Length > 0 && action[0] is >= 'a' and <= 'z' && action.All(c => c is (>= 'a' and <= 'z') or '_' or '.') && action[^1] != '.');
    }
}
