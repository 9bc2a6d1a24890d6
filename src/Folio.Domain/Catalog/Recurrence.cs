namespace Folio.Domain.Catalog;

/// <summary>
/// How often a recurring price bills: every <see cref="Count"/> <see cref="Unit"/>s. Periods follow the calendar and are
/// always counted from the anchor, never from the previous period, so a month-end anchor comes back: anchored on
/// 31 January, periods start on 28 (or 29) February, then 31 March, then 30 April.
/// </summary>
public readonly record struct Recurrence(IntervalUnit Unit, int Count)
{
    /// <summary>The longest cycle Folio bills on: three years, in whatever unit.</summary>
    public const int MaxDays = 3 * 366;

    public static Recurrence Monthly => new(IntervalUnit.Month, 1);

    public static Recurrence Yearly => new(IntervalUnit.Year, 1);

    public IEnumerable<RuleViolation> Validate(string prefix)
    {
        if (!Enum.IsDefined(Unit))
        {
            yield return RuleViolation.Invalid($"{prefix}.interval", "invalid_interval", "interval is day, week, month or year.");
            yield break;
        }

        var maxCount = Unit switch
        {
            IntervalUnit.Day => MaxDays,
            IntervalUnit.Week => MaxDays / 7,
            IntervalUnit.Month => 36,
            _ => 3,
        };
        if (Count < 1 || Count > maxCount)
        {
            yield return RuleViolation.Invalid($"{prefix}.interval_count", "invalid_interval_count", $"interval_count is from 1 to {maxCount} for a {Unit.ToString().ToLowerInvariant()} interval (at most three years).");
        }
    }

    /// <summary>Where period <paramref name="index"/> (0 is the one that begins at the anchor) begins.</summary>
    public DateTimeOffset PeriodStart(DateTimeOffset anchor, int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        var utc = anchor.ToUniversalTime();
        var steps = checked(index * Count);
        return Unit switch
        {
            IntervalUnit.Day => utc.AddDays(steps),
            IntervalUnit.Week => utc.AddDays(checked(steps * 7)),
            // AddMonths clamps to the end of a shorter month and, counted from the anchor, returns to the anchor's day.
            IntervalUnit.Month => utc.AddMonths(steps),
            IntervalUnit.Year => utc.AddYears(steps),
            _ => throw new InvalidOperationException($"Unknown interval unit {Unit}."),
        };
    }

    /// <summary>Where period <paramref name="index"/> ends: where the next one begins.</summary>
    public DateTimeOffset PeriodEnd(DateTimeOffset anchor, int index) => PeriodStart(anchor, checked(index + 1));

    /// <summary>The index of the period that contains <paramref name="instant"/>; 0 for any instant before the anchor.</summary>
    public int PeriodIndexAt(DateTimeOffset anchor, DateTimeOffset instant)
    {
        if (instant <= anchor)
        {
            return 0;
        }

        // An estimate from the average length, corrected by walking: exact whatever the calendar does.
        var averageDays = Unit switch
        {
            IntervalUnit.Day => 1.0,
            IntervalUnit.Week => 7.0,
            IntervalUnit.Month => 30.436875,
            _ => 365.2425,
        } * Count;
        var index = Math.Max(0, (int)((instant - anchor).TotalDays / averageDays) - 1);
        while (index > 0 && PeriodStart(anchor, index) > instant)
        {
            index--;
        }

        while (PeriodEnd(anchor, index) <= instant)
        {
            index++;
        }

        return index;
    }

    public override string ToString() => Count == 1 ? Unit.ToString().ToLowerInvariant() : $"{Count} {Unit.ToString().ToLowerInvariant()}s";
}
