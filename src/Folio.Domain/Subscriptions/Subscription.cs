using System.Globalization;
using Folio.Domain.Catalog;
using Folio.Domain.Invoicing;

namespace Folio.Domain.Subscriptions;

/// <summary>
/// A customer's subscription to one or more recurring prices on one cycle, billed in advance: billing period n is
/// invoiced when it begins, at <see cref="PeriodStart"/>(n), which is also the renewal that ends period n − 1.
/// <see cref="NextPeriodIndex"/> is the first period not yet invoiced. The bill run asks for <see cref="DuePeriods"/> and
/// records each invoice with <see cref="MarkInvoiced"/>, which takes only that period: however late the bill run comes,
/// no period is skipped and none is billed twice.
/// </summary>
public sealed class Subscription
{
    public const int MaxItems = SubscriptionItemRules.MaxItems;
    public const int MaxTrialDays = 730;

    /// <summary>How far back a subscription may start: every period since its anchor is billed at once.</summary>
    public const int MaxBackdatedDays = 366;

    public const int MaxDaysAhead = Recurrence.MaxDays;

    private readonly List<SubscriptionItem> _items = [];

    private Subscription()
    {
        Currency = string.Empty;
    }

    public Guid Id { get; private set; }
    public Guid CustomerId { get; private set; }

    /// <summary>The organization billed: the customer itself, or the organization its user belongs to; fixed at creation.</summary>
    public Guid? OrganizationId { get; private set; }

    /// <summary>The currency of every price on the subscription.</summary>
    public string Currency { get; private set; }

    /// <summary>The cycle of every price on the subscription.</summary>
    public Recurrence Recurrence { get; private set; }

    // Instants are kept to the whole second, as the API shows them, so that a client computes the same period boundaries.
    public DateTimeOffset StartAt { get; private set; }
    public DateTimeOffset? TrialEnd { get; private set; }

    /// <summary>Where billing period 0 begins; every later period is counted from it.</summary>
    public DateTimeOffset BillingAnchor { get; private set; }

    /// <summary>Active, Canceled or Ended as stored; <see cref="StatusAt"/> is the status as seen at an instant.</summary>
    public SubscriptionStatus Status { get; private set; }

    /// <summary>A cancellation is pending: the subscription ends at <see cref="EndedAt"/>, the end of the period it was asked in.</summary>
    public bool CancelAtPeriodEnd { get; private set; }

    /// <summary>When the cancellation was asked for, whether it took effect at once or waits for the period end.</summary>
    public DateTimeOffset? CanceledAt { get; private set; }

    /// <summary>When the subscription stops (or stopped): no period that begins at or after it is billed.</summary>
    public DateTimeOffset? EndedAt { get; private set; }

    /// <summary>The first billing period not yet invoiced.</summary>
    public int NextPeriodIndex { get; private set; }

    /// <summary>When period <see cref="NextPeriodIndex"/> falls due; null when nothing more will be billed. Stored, for the bill run to query.</summary>
    public DateTimeOffset? NextBillAt { get; private set; }

    /// <summary>Copied to every invoice; null lets the seller's default apply at finalization.</summary>
    public int? DaysUntilDue { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>Incremented on every change; the optimistic-concurrency token.</summary>
    public int Version { get; private set; }

    /// <summary>Every item row, past, current and scheduled; <see cref="ItemsAt(int)"/> gives those of one period.</summary>
    public IReadOnlyList<SubscriptionItem> Items => _items;

    public static (Subscription? Subscription, IReadOnlyList<RuleViolation> Violations) Create(
        Guid id,
        Guid customerId,
        Guid? organizationId,
        SubscriptionTerms terms,
        IReadOnlyList<SubscriptionItemSpec> items,
        IReadOnlyDictionary<Guid, PriceTerms> prices,
        DateTimeOffset now,
        Func<Guid> newId)
    {
        ArgumentNullException.ThrowIfNull(terms);
        ArgumentNullException.ThrowIfNull(newId);

        var (violations, cycle) = SubscriptionItemRules.Check(items, prices, null, new HashSet<Guid>());
        var startAt = ToSecond(terms.StartAt ?? now);
        var trialEnd = terms.TrialEnd is { } trial ? ToSecond(trial) : (DateTimeOffset?)null;
        var anchor = terms.BillingAnchor is { } explicitAnchor ? ToSecond(explicitAnchor) : (DateTimeOffset?)null;
        violations.AddRange(CheckSchedule(startAt, trialEnd, anchor, cycle?.Recurrence, now));
        if (terms.DaysUntilDue is < 0 or > InvoiceDraft.MaxDaysUntilDue)
        {
            violations.Add(RuleViolation.Invalid("days_until_due", "invalid_days_until_due", $"days_until_due is from 0 to {InvoiceDraft.MaxDaysUntilDue}."));
        }

        if (violations.Count > 0 || cycle is not { } billing)
        {
            return (null, violations);
        }

        var subscription = new Subscription
        {
            Id = id,
            CustomerId = customerId,
            OrganizationId = organizationId,
            Currency = billing.Currency,
            Recurrence = billing.Recurrence,
            StartAt = startAt,
            TrialEnd = trialEnd,
            // Period 0 begins at the anchor and the time before it (a trial, or a stub before a later anchor) is not
            // billed: proration comes later.
            BillingAnchor = anchor ?? trialEnd ?? startAt,
            Status = SubscriptionStatus.Active,
            DaysUntilDue = terms.DaysUntilDue,
            CreatedAt = now,
            UpdatedAt = now,
        };
        subscription.AddItems(items, 0, newId);
        subscription.Refresh();
        return (subscription, []);
    }

    public DateTimeOffset PeriodStart(int index) => Recurrence.PeriodStart(BillingAnchor, index);

    public SubscriptionPeriod Period(int index) => new(index, PeriodStart(index), Recurrence.PeriodEnd(BillingAnchor, index));

    /// <summary>The items billed in period <paramref name="periodIndex"/>, in their order.</summary>
    public IReadOnlyList<SubscriptionItem> ItemsAt(int periodIndex) => [.. _items.Where(i => i.AppliesTo(periodIndex)).OrderBy(i => i.Position)];

    /// <summary>The items in effect at <paramref name="now"/>: before the anchor, those that period 0 will bill.</summary>
    public IReadOnlyList<SubscriptionItem> CurrentItemsAt(DateTimeOffset now) => ItemsAt(PeriodIndexAt(now));

    /// <summary>The item change waiting for a renewal after <paramref name="now"/>; null when none will take effect.</summary>
    public ScheduledItemChange? ScheduledChangeAt(DateTimeOffset now)
    {
        var current = PeriodIndexAt(now);
        var next = _items.Where(i => i.EffectiveFromPeriod > current).Select(i => (int?)i.EffectiveFromPeriod).Min();
        return next is { } index && IsBillable(index) ? new ScheduledItemChange(index, PeriodStart(index), ItemsAt(index)) : null;
    }

    /// <summary>
    /// The status as seen at <paramref name="now"/>: canceled, ended once a cancellation at period end has reached that
    /// end, past due while otherwise active and one of its invoices is past due (<paramref name="hasPastDueInvoice"/>,
    /// which the books know), else active.
    /// </summary>
    public SubscriptionStatus StatusAt(DateTimeOffset now, bool hasPastDueInvoice)
    {
        if (Status == SubscriptionStatus.Canceled)
        {
            return SubscriptionStatus.Canceled;
        }

        if (Status == SubscriptionStatus.Ended || HasEndedAt(now))
        {
            return SubscriptionStatus.Ended;
        }

        return hasPastDueInvoice ? SubscriptionStatus.PastDue : SubscriptionStatus.Active;
    }

    public bool InTrialAt(DateTimeOffset now) => TrialEnd is { } end && now >= StartAt && now < end && !HasEndedAt(now);

    /// <summary>
    /// The period that contains <paramref name="now"/>: before the anchor, the unbilled [start, anchor); null before the
    /// start and once the subscription has ended.
    /// </summary>
    public SubscriptionPeriod? CurrentPeriodAt(DateTimeOffset now)
    {
        if (now < StartAt || HasEndedAt(now))
        {
            return null;
        }

        return now < BillingAnchor ? new SubscriptionPeriod(null, StartAt, BillingAnchor) : Period(PeriodIndexAt(now));
    }

    /// <summary>Whether period <paramref name="index"/> is billed at all: it begins before the subscription ends.</summary>
    public bool IsBillable(int index) => index >= 0 && (EndedAt is not { } end || PeriodStart(index) < end);

    /// <summary>
    /// The periods to invoice by <paramref name="asOf"/>, oldest first: from <see cref="NextPeriodIndex"/> on, each begun
    /// by then and billable, one per period however many were missed.
    /// </summary>
    public IReadOnlyList<int> DuePeriods(DateTimeOffset asOf)
    {
        var due = new List<int>();
        for (var index = NextPeriodIndex; IsBillable(index) && PeriodStart(index) <= asOf; index++)
        {
            due.Add(index);
        }

        return due;
    }

    /// <summary>Records that period <paramref name="periodIndex"/> is invoiced. Only the first of <see cref="DuePeriods"/> is accepted.</summary>
    public RuleViolation? MarkInvoiced(int periodIndex, DateTimeOffset now)
    {
        if (periodIndex != NextPeriodIndex)
        {
            return RuleViolation.Conflict(
                "period_not_next", string.Create(CultureInfo.InvariantCulture, $"Period {periodIndex} is not the next to invoice; period {NextPeriodIndex} is."));
        }

        if (!IsBillable(periodIndex))
        {
            return RuleViolation.Conflict(
                "period_not_billable", string.Create(CultureInfo.InvariantCulture, $"The subscription ends before period {periodIndex} begins."));
        }

        if (PeriodStart(periodIndex) > now)
        {
            return RuleViolation.Conflict(
                "period_not_begun", string.Create(CultureInfo.InvariantCulture, $"Period {periodIndex} begins at {PeriodStart(periodIndex):O}; it is invoiced when it begins."));
        }

        NextPeriodIndex++;
        Refresh();
        Touch(now);
        return null;
    }

    /// <summary>
    /// Cancels the subscription. At once: no period that begins from now on is billed (an invoice already issued stays,
    /// and a period that began before now was due when it began, so a late bill run still bills it). At period end: the
    /// period that contains now is the last one billed and the subscription ends when it does; before the anchor, it ends
    /// at the anchor and nothing is billed. Asking again for a cancellation already pending changes nothing.
    /// </summary>
    public RuleViolation? Cancel(DateTimeOffset now, bool atPeriodEnd)
    {
        if (RequireLive(now) is { } notLive)
        {
            return notLive;
        }

        if (atPeriodEnd)
        {
            if (CancelAtPeriodEnd)
            {
                return null;
            }

            CancelAtPeriodEnd = true;
            EndedAt = now < BillingAnchor ? BillingAnchor : Recurrence.PeriodEnd(BillingAnchor, PeriodIndexAt(now));
        }
        else
        {
            Status = SubscriptionStatus.Canceled;
            CancelAtPeriodEnd = false;
            EndedAt = ToSecond(now);
        }

        CanceledAt = ToSecond(now);
        Refresh();
        Touch(now);
        return null;
    }

    /// <summary>Withdraws a cancellation at period end before that end; nothing to withdraw changes nothing.</summary>
    public RuleViolation? Resume(DateTimeOffset now)
    {
        if (RequireLive(now) is { } notLive)
        {
            return notLive;
        }

        if (!CancelAtPeriodEnd)
        {
            return null;
        }

        CancelAtPeriodEnd = false;
        CanceledAt = null;
        EndedAt = null;
        Refresh();
        Touch(now);
        return null;
    }

    /// <summary>Stores <see cref="SubscriptionStatus.Ended"/> once a cancellation at period end has reached its end; true when it did.</summary>
    public bool RecordEnd(DateTimeOffset now)
    {
        if (Status != SubscriptionStatus.Active || !CancelAtPeriodEnd || !HasEndedAt(now))
        {
            return false;
        }

        Status = SubscriptionStatus.Ended;
        Touch(now);
        return true;
    }

    /// <summary>
    /// The period from which an item change asked at <paramref name="now"/> applies: the first that begins after now
    /// (period 0 before the anchor, so a change during a trial is what the first invoice bills). It is never invoiced
    /// yet, since <see cref="MarkInvoiced"/> takes no period before it begins.
    /// </summary>
    public int ChangeTakesEffectAt(DateTimeOffset now) => now < BillingAnchor ? 0 : PeriodIndexAt(now) + 1;

    /// <summary>
    /// Replaces the items from the next renewal on (<see cref="ChangeTakesEffectAt"/>); the current period keeps what it
    /// has, and nothing is prorated. A change asked again before that renewal replaces the one pending; asking for the
    /// items already in effect withdraws it. The items follow the rules of <see cref="Create"/>, in the subscription's
    /// currency and cycle.
    /// </summary>
    public IReadOnlyList<RuleViolation> ScheduleItemChange(
        IReadOnlyList<SubscriptionItemSpec> items, IReadOnlyDictionary<Guid, PriceTerms> prices, DateTimeOffset now, Func<Guid> newId)
    {
        ArgumentNullException.ThrowIfNull(newId);
        if (RequireLive(now) is { } notLive)
        {
            return [notLive];
        }

        var from = ChangeTakesEffectAt(now);
        if (!IsBillable(from))
        {
            return [RuleViolation.Conflict(
                "subscription_ending", string.Create(CultureInfo.InvariantCulture, $"The subscription ends at {EndedAt:O} and bills nothing after; resume it before changing its items."))];
        }

        var kept = ItemsAt(Math.Max(from - 1, 0)).Select(i => i.PriceId).ToHashSet();
        var (violations, _) = SubscriptionItemRules.Check(items, prices, new BillingCycle(Currency, Recurrence), kept);
        if (violations.Count > 0)
        {
            return violations;
        }

        if (SameItems(ItemsAt(from), items))
        {
            return [];
        }

        // Rows from that period on belong to a change not in effect yet: drop them, and give back their end to the rows
        // that change had ended.
        _items.RemoveAll(i => i.EffectiveFromPeriod >= from);
        foreach (var item in _items.Where(i => i.EndsAfterPeriod >= from - 1))
        {
            item.EndsAfterPeriod = null;
        }

        var inEffect = ItemsAt(from);
        if (!SameItems(inEffect, items))
        {
            foreach (var item in inEffect)
            {
                item.EndsAfterPeriod = from - 1;
            }

            AddItems(items, from, newId);
        }

        Touch(now);
        return [];
    }

    private static IEnumerable<RuleViolation> CheckSchedule(DateTimeOffset startAt, DateTimeOffset? trialEnd, DateTimeOffset? anchor, Recurrence? recurrence, DateTimeOffset now)
    {
        var startValid = startAt >= now.AddDays(-MaxBackdatedDays) && startAt <= now.AddDays(MaxDaysAhead);
        if (!startValid)
        {
            yield return RuleViolation.Invalid(
                "start_at", "invalid_start_at", $"start_at is at most {MaxBackdatedDays} days before now and at most {MaxDaysAhead} days after.");
        }

        var trialValid = true;
        if (trialEnd is { } end && (end <= startAt || end - startAt > TimeSpan.FromDays(MaxTrialDays)))
        {
            trialValid = false;
            yield return RuleViolation.Invalid("trial_end", "invalid_trial_end", $"trial_end is after start_at, at most {MaxTrialDays} days after it.");
        }

        if (anchor is not { } explicitAnchor)
        {
            yield break;
        }

        if (explicitAnchor < startAt)
        {
            yield return RuleViolation.Invalid("billing_anchor", "invalid_billing_anchor", "billing_anchor cannot be before start_at.");
        }
        else if (explicitAnchor < trialEnd)
        {
            yield return RuleViolation.Invalid("billing_anchor", "invalid_billing_anchor", "billing_anchor cannot be before trial_end: a trial is not billed.");
        }
        else if (startValid && trialValid && recurrence is { } cycle && explicitAnchor >= cycle.PeriodEnd(trialEnd ?? startAt, 0))
        {
            var after = trialEnd is null ? "start_at" : "trial_end";
            yield return RuleViolation.Invalid("billing_anchor", "invalid_billing_anchor", $"billing_anchor is less than one {cycle} after {after}.");
        }
    }

    private static bool SameItems(IReadOnlyList<SubscriptionItem> current, IReadOnlyList<SubscriptionItemSpec> requested) =>
        current.Select(i => (i.PriceId, i.Quantity)).SequenceEqual(requested.Select(r => (r.PriceId, r.Quantity)));

    private static DateTimeOffset ToSecond(DateTimeOffset value) => new(value.UtcTicks - (value.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero);

    private int PeriodIndexAt(DateTimeOffset instant) => Recurrence.PeriodIndexAt(BillingAnchor, instant);

    private bool HasEndedAt(DateTimeOffset now) => EndedAt <= now;

    private RuleViolation? RequireLive(DateTimeOffset now)
    {
        if (Status == SubscriptionStatus.Canceled)
        {
            return RuleViolation.Conflict(
                "subscription_canceled", string.Create(CultureInfo.InvariantCulture, $"This subscription was canceled at {CanceledAt:O}."));
        }

        return Status == SubscriptionStatus.Ended || HasEndedAt(now)
            ? RuleViolation.Conflict("subscription_ended", string.Create(CultureInfo.InvariantCulture, $"This subscription ended at {EndedAt:O}."))
            : null;
    }

    private void AddItems(IReadOnlyList<SubscriptionItemSpec> items, int fromPeriod, Func<Guid> newId)
    {
        for (var i = 0; i < items.Count; i++)
        {
            _items.Add(new SubscriptionItem(newId(), Id, items[i].PriceId, items[i].Quantity, i, fromPeriod));
        }
    }

    private void Refresh() => NextBillAt = IsBillable(NextPeriodIndex) ? PeriodStart(NextPeriodIndex) : null;

    private void Touch(DateTimeOffset now)
    {
        UpdatedAt = now;
        Version++;
    }
}
