using Folio.Domain.Subscriptions;
using static Folio.Domain.Tests.Subscriptions.Fixture;

namespace Folio.Domain.Tests.Subscriptions;

public sealed class CancellationTests
{
    private static readonly DateTimeOffset Anchor = Utc(2027, 1, 31, 9);

    [Fact]
    public void Cancel_at_period_end_bills_the_current_period_last_and_ends_with_it()
    {
        var subscription = StartedAt(Anchor);
        var run = new BillRun(subscription);
        run.RunEvery(TimeSpan.FromDays(1), Anchor, Utc(2027, 3, 10));
        var asked = Utc(2027, 3, 10, 12);

        Assert.Null(subscription.Cancel(asked, atPeriodEnd: true));

        Assert.True(subscription.CancelAtPeriodEnd);
        Assert.Equal(asked, subscription.CanceledAt);
        Assert.Equal(Utc(2027, 3, 31, 9), subscription.EndedAt);
        Assert.Null(subscription.NextBillAt);
        Assert.Equal(SubscriptionStatus.Active, subscription.StatusAt(Utc(2027, 3, 31, 8, 59), false));
        Assert.Equal(SubscriptionStatus.PastDue, subscription.StatusAt(Utc(2027, 3, 31, 8, 59), true));
        Assert.Equal(SubscriptionStatus.Ended, subscription.StatusAt(Utc(2027, 3, 31, 9), false));
        Assert.Equal(SubscriptionStatus.Ended, subscription.StatusAt(Utc(2027, 3, 31, 9), true));
        Assert.Null(subscription.CurrentPeriodAt(Utc(2027, 3, 31, 9)));

        run.RunEvery(TimeSpan.FromDays(1), Utc(2027, 3, 11), Utc(2028, 3, 11));
        Assert.Equal([Utc(2027, 1, 31, 9), Utc(2027, 2, 28, 9)], run.Invoices.Select(i => i.PeriodStart));
        Assert.Equal(subscription.EndedAt, run.Invoices[^1].PeriodEnd);
        Assert.Equal(SubscriptionStatus.Active, subscription.Status);

        Assert.False(subscription.RecordEnd(Utc(2027, 3, 31, 8, 59)));
        Assert.True(subscription.RecordEnd(Utc(2027, 3, 31, 9)));
        Assert.Equal(SubscriptionStatus.Ended, subscription.Status);
        Assert.False(subscription.RecordEnd(Utc(2027, 4, 1)));
    }

    [Fact]
    public void Cancel_at_period_end_still_bills_a_begun_period_the_bill_run_has_not_reached()
    {
        var subscription = StartedAt(Anchor);
        var run = new BillRun(subscription);
        run.Run(Anchor);

        Assert.Null(subscription.Cancel(Utc(2027, 3, 1), atPeriodEnd: true));

        Assert.Equal([1], run.Run(Utc(2027, 6, 1)).Select(i => i.PeriodIndex));
        Assert.Equal(Utc(2027, 3, 31, 9), subscription.EndedAt);
    }

    [Fact]
    public void Cancel_at_period_end_during_a_trial_ends_at_the_trial_end_and_bills_nothing()
    {
        var trialEnd = Utc(2027, 2, 14);
        var subscription = Create(Utc(2027, 1, 31), new SubscriptionTerms(TrialEnd: trialEnd), Item(Team));

        Assert.Null(subscription.Cancel(Utc(2027, 2, 1), atPeriodEnd: true));

        Assert.Equal(trialEnd, subscription.EndedAt);
        Assert.True(subscription.InTrialAt(trialEnd.AddSeconds(-1)));
        Assert.False(subscription.InTrialAt(trialEnd));
        Assert.Equal(SubscriptionStatus.Ended, subscription.StatusAt(trialEnd, false));
        Assert.Empty(subscription.DuePeriods(Utc(2028, 1, 1)));
        Assert.Null(subscription.NextBillAt);
    }

    [Fact]
    public void Cancel_now_stops_billing_at_once_and_keeps_what_was_issued()
    {
        var subscription = StartedAt(Anchor);
        var run = new BillRun(subscription);
        run.RunEvery(TimeSpan.FromDays(1), Anchor, Utc(2027, 3, 10));
        var now = new DateTimeOffset(2027, 3, 10, 12, 0, 0, 250, TimeSpan.Zero);

        Assert.Null(subscription.Cancel(now, atPeriodEnd: false));

        Assert.Equal(SubscriptionStatus.Canceled, subscription.Status);
        Assert.False(subscription.CancelAtPeriodEnd);
        Assert.Equal(Utc(2027, 3, 10, 12), subscription.CanceledAt);
        Assert.Equal(Utc(2027, 3, 10, 12), subscription.EndedAt);
        Assert.Null(subscription.NextBillAt);
        Assert.Equal(SubscriptionStatus.Canceled, subscription.StatusAt(now, hasPastDueInvoice: true));
        Assert.Null(subscription.CurrentPeriodAt(now));
        run.RunEvery(TimeSpan.FromDays(1), now, Utc(2028, 3, 10));
        Assert.Equal([0, 1], run.Invoices.Select(i => i.PeriodIndex));
        Assert.False(subscription.RecordEnd(Utc(2028, 1, 1)));
    }

    [Fact]
    public void Cancel_now_still_bills_a_period_that_began_before_it_but_none_after()
    {
        var subscription = StartedAt(Anchor);
        var run = new BillRun(subscription);
        run.Run(Anchor);

        // Period 1 began on 28 February and was due then; the bill run had not come round yet.
        Assert.Null(subscription.Cancel(Utc(2027, 3, 1), atPeriodEnd: false));

        Assert.Equal([1], run.Run(Utc(2027, 12, 1)).Select(i => i.PeriodIndex));
    }

    [Fact]
    public void Cancel_now_after_a_pending_cancel_at_period_end_stops_at_once()
    {
        var subscription = StartedAt(Anchor);
        new BillRun(subscription).Run(Utc(2027, 2, 1));
        Assert.Null(subscription.Cancel(Utc(2027, 2, 10), atPeriodEnd: true));

        Assert.Null(subscription.Cancel(Utc(2027, 2, 11), atPeriodEnd: false));

        Assert.Equal((SubscriptionStatus.Canceled, false, Utc(2027, 2, 11)), (subscription.Status, subscription.CancelAtPeriodEnd, subscription.EndedAt));
        Assert.Empty(subscription.DuePeriods(Utc(2028, 1, 1)));
    }

    [Fact]
    public void Asking_again_for_a_pending_cancel_at_period_end_changes_nothing()
    {
        var subscription = StartedAt(Anchor);
        Assert.Null(subscription.Cancel(Utc(2027, 2, 10), atPeriodEnd: true));
        var version = subscription.Version;

        Assert.Null(subscription.Cancel(Utc(2027, 2, 11), atPeriodEnd: true));

        Assert.Equal((version, Utc(2027, 2, 10), Utc(2027, 2, 28, 9)), (subscription.Version, subscription.CanceledAt, subscription.EndedAt));
    }

    [Fact]
    public void Resume_withdraws_a_pending_cancel_and_billing_goes_on()
    {
        var subscription = StartedAt(Anchor);
        var run = new BillRun(subscription);
        run.Run(Utc(2027, 2, 10));
        Assert.Null(subscription.Cancel(Utc(2027, 2, 10), atPeriodEnd: true));
        var version = subscription.Version;

        Assert.Null(subscription.Resume(Utc(2027, 2, 20)));

        Assert.False(subscription.CancelAtPeriodEnd);
        Assert.Null(subscription.CanceledAt);
        Assert.Null(subscription.EndedAt);
        Assert.Equal(Utc(2027, 2, 28, 9), subscription.NextBillAt);
        Assert.Equal(version + 1, subscription.Version);
        Assert.Equal(Utc(2027, 2, 20), subscription.UpdatedAt);
        run.RunEvery(TimeSpan.FromDays(1), Utc(2027, 2, 21), Utc(2027, 5, 1));
        Assert.Equal([0, 1, 2, 3], run.Invoices.Select(i => i.PeriodIndex));
        Assert.Equal(SubscriptionStatus.Active, subscription.StatusAt(Utc(2027, 5, 1), false));
    }

    [Fact]
    public void Resume_with_no_pending_cancel_changes_nothing()
    {
        var subscription = StartedAt(Anchor);

        Assert.Null(subscription.Resume(Utc(2027, 2, 1)));

        Assert.Equal(0, subscription.Version);
    }

    [Fact]
    public void A_canceled_subscription_cannot_be_canceled_resumed_or_changed()
    {
        var subscription = StartedAt(Anchor);
        Assert.Null(subscription.Cancel(Utc(2027, 2, 1), atPeriodEnd: false));
        var version = subscription.Version;

        AssertConflict(subscription.Cancel(Utc(2027, 2, 2), atPeriodEnd: false), "subscription_canceled");
        AssertConflict(subscription.Cancel(Utc(2027, 2, 2), atPeriodEnd: true), "subscription_canceled");
        AssertConflict(subscription.Resume(Utc(2027, 2, 2)), "subscription_canceled");
        AssertConflict(Assert.Single(subscription.ScheduleItemChange([Item(Team, 2)], Prices, Utc(2027, 2, 2), Ids())), "subscription_canceled");
        Assert.Equal(version, subscription.Version);
    }

    [Fact]
    public void An_ended_subscription_cannot_be_canceled_or_resumed_even_before_its_end_is_recorded()
    {
        var subscription = StartedAt(Anchor);
        Assert.Null(subscription.Cancel(Utc(2027, 2, 1), atPeriodEnd: true));
        var end = Utc(2027, 2, 28, 9);

        AssertConflict(subscription.Cancel(end, atPeriodEnd: false), "subscription_ended");
        AssertConflict(subscription.Resume(end), "subscription_ended");
        Assert.True(subscription.RecordEnd(end));
        AssertConflict(subscription.Cancel(end.AddDays(1), atPeriodEnd: true), "subscription_ended");
        AssertConflict(subscription.Resume(end.AddDays(1)), "subscription_ended");
        Assert.Equal(SubscriptionStatus.Ended, subscription.Status);
    }

    [Fact]
    public void A_period_after_the_end_cannot_be_marked_invoiced()
    {
        var subscription = StartedAt(Anchor);
        Assert.Null(subscription.MarkInvoiced(0, Anchor));
        Assert.Null(subscription.Cancel(Utc(2027, 2, 1), atPeriodEnd: true));

        AssertConflict(subscription.MarkInvoiced(1, Utc(2027, 3, 1)), "period_not_billable");
        Assert.Equal(1, subscription.NextPeriodIndex);
    }

    private static void AssertConflict(RuleViolation? violation, string code)
    {
        Assert.NotNull(violation);
        Assert.Equal((ViolationKind.Conflict, code), (violation.Kind, violation.Code));
    }
}
