using Folio.Domain;
using Folio.Events;

namespace Folio.Webhooks;

/// <summary>
/// What an endpoint subscribes to: <c>*</c> (every event), an object's every event (<c>invoice.*</c>), or one type
/// (<c>invoice.paid</c>), by <see cref="EventTypes"/>.
/// </summary>
public static class EventTypePatterns
{
    public const int MaxPatterns = 50;

    public static bool Matches(IReadOnlyList<string> patterns, string type) => EventTypes.Matches(patterns, type);

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
            if (!EventTypes.IsPattern(patterns[n]))
            {
                return RuleViolation.Invalid($"enabled_events[{n}]", "unknown_event_type", $"Not an event type or pattern Folio sends: use {EventTypes.Hint}.");
            }
        }

        stored = string.Join(' ', patterns.Distinct(StringComparer.Ordinal));
        return null;
    }
}
