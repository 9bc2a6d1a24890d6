using Folio.Domain.Catalog;
using Folio.Domain.Subscriptions;
using static Folio.Domain.Tests.Subscriptions.Fixture;
using PriceTerms = Folio.Domain.Subscriptions.PriceTerms;

namespace Folio.Domain.Tests.Subscriptions;

/// <summary>Scenarios driven by moving the bill run's clock: which periods are invoiced, when, and only once.</summary>
public sealed class BillingScheduleTests
{
    [Fact]
    public void Monthly_from_31_January_bills_each_of_14_months_once_on_its_first_day()
    {
        var anchor = Utc(2027, 1, 31, 9);
        var subscription = StartedAt(anchor);
        var run = new BillRun(subscription);

        run.RunEvery(TimeSpan.FromHours(6), anchor.AddDays(-3), Utc(2028, 3, 31, 8, 59));

        Assert.Equal(
            [
                Utc(2027, 1, 31, 9), Utc(2027, 2, 28, 9), Utc(2027, 3, 31, 9), Utc(2027, 4, 30, 9), Utc(2027, 5, 31, 9),
                Utc(2027, 6, 30, 9), Utc(2027, 7, 31, 9), Utc(2027, 8, 31, 9), Utc(2027, 9, 30, 9), Utc(2027, 10, 31, 9),
                Utc(2027, 11, 30, 9), Utc(2027, 12, 31, 9), Utc(2028, 1, 31, 9), Utc(2028, 2, 29, 9),
            ],
            run.Invoices.Select(i => i.PeriodStart));
        Assert.Equal(Enumerable.Range(0, 14), run.Invoices.Select(i => i.PeriodIndex));
        AssertContiguous(run.Invoices);
        Assert.Equal(Utc(2028, 3, 31, 9), run.Invoices[^1].PeriodEnd);
        Assert.All(run.Issued, issued => Assert.InRange(issued.IssuedAt - issued.Invoice.PeriodStart, TimeSpan.Zero, TimeSpan.FromHours(6)));
        Assert.Equal(14, subscription.NextPeriodIndex);
        Assert.Equal(Utc(2028, 3, 31, 9), subscription.NextBillAt);
    }

    [Fact]
    public void Yearly_from_29_February_bills_on_28_February_and_returns_to_the_29th_in_a_leap_year()
    {
        var anchor = Utc(2028, 2, 29);
        var subscription = StartedAt(anchor, Item(TeamYearly));
        var run = new BillRun(subscription);

        run.RunEvery(TimeSpan.FromDays(1), anchor, Utc(2031, 2, 27));

        Assert.Equal([Utc(2028, 2, 29), Utc(2029, 2, 28), Utc(2030, 2, 28)], run.Invoices.Select(i => i.PeriodStart));
        Assert.Equal([Utc(2029, 2, 28), Utc(2030, 2, 28), Utc(2031, 2, 28)], run.Invoices.Select(i => i.PeriodEnd));
        Assert.Equal(Utc(2031, 2, 28), subscription.NextBillAt);
        Assert.Equal(Utc(2032, 2, 29), subscription.PeriodStart(4));
    }

    [Fact]
    public void Weekly_bills_every_seven_days()
    {
        var anchor = Utc(2027, 3, 3, 10, 30);
        var subscription = StartedAt(anchor, Item(Weekly, 2));
        var run = new BillRun(subscription);

        run.RunEvery(TimeSpan.FromHours(1), anchor, anchor.AddDays(70).AddTicks(-1));

        Assert.Equal(10, run.Invoices.Count);
        Assert.All(run.Invoices, i => Assert.Equal(TimeSpan.FromDays(7), i.PeriodEnd - i.PeriodStart));
        Assert.All(run.Issued, issued => Assert.Equal(issued.Invoice.PeriodStart, issued.IssuedAt));
        AssertContiguous(run.Invoices);
        Assert.Equal(5000, run.Invoices[0].Calculate().Total);
    }

    [Fact]
    public void A_trial_bills_nothing_until_it_ends_and_the_first_period_starts_at_its_end()
    {
        var start = Utc(2027, 1, 10, 15);
        var trialEnd = Utc(2027, 1, 24, 15);
        var subscription = Create(start, new SubscriptionTerms(TrialEnd: trialEnd), Item(Team));
        var run = new BillRun(subscription);

        Assert.Equal(trialEnd, subscription.BillingAnchor);
        Assert.Equal(trialEnd, subscription.NextBillAt);
        run.RunEvery(TimeSpan.FromHours(1), start, trialEnd.AddTicks(-1));
        Assert.Empty(run.Invoices);
        Assert.True(subscription.InTrialAt(trialEnd.AddSeconds(-1)));
        Assert.Equal(new SubscriptionPeriod(null, start, trialEnd), subscription.CurrentPeriodAt(Utc(2027, 1, 20)));
        Assert.Equal(SubscriptionStatus.Active, subscription.StatusAt(Utc(2027, 1, 20), false));

        var first = Assert.Single(run.Run(trialEnd));

        Assert.Equal(0, first.PeriodIndex);
        Assert.Equal(trialEnd, first.PeriodStart);
        Assert.Equal(Utc(2027, 2, 24, 15), first.PeriodEnd);
        Assert.False(subscription.InTrialAt(trialEnd));
        Assert.Equal(new SubscriptionPeriod(0, trialEnd, Utc(2027, 2, 24, 15)), subscription.CurrentPeriodAt(trialEnd));
    }

    [Fact]
    public void A_later_anchor_leaves_an_unbilled_stub_and_then_bills_from_the_anchor()
    {
        var start = Utc(2027, 5, 17, 8);
        var anchor = Utc(2027, 6, 1);
        var subscription = Create(start, new SubscriptionTerms(BillingAnchor: anchor), Item(Team));
        var run = new BillRun(subscription);

        run.RunEvery(TimeSpan.FromHours(1), start, Utc(2027, 7, 15));

        Assert.Equal([Utc(2027, 6, 1), Utc(2027, 7, 1)], run.Invoices.Select(i => i.PeriodStart));
        Assert.False(subscription.InTrialAt(Utc(2027, 5, 20)));
        Assert.Equal(new SubscriptionPeriod(null, start, anchor), subscription.CurrentPeriodAt(Utc(2027, 5, 20)));
    }

    [Fact]
    public void After_five_missed_renewals_one_run_bills_each_missed_period_once()
    {
        var anchor = Utc(2027, 1, 31, 9);
        var subscription = StartedAt(anchor, Item(Seats, 3));
        var run = new BillRun(subscription);
        Assert.Single(run.Run(anchor));

        // The server is down from 1 February to 5 July: renewals of 28 Feb, 31 Mar, 30 Apr, 31 May and 30 Jun pass.
        var missed = run.Run(Utc(2027, 7, 5));

        Assert.Equal([1, 2, 3, 4, 5], missed.Select(i => i.PeriodIndex));
        Assert.Equal([Utc(2027, 2, 28, 9), Utc(2027, 3, 31, 9), Utc(2027, 4, 30, 9), Utc(2027, 5, 31, 9), Utc(2027, 6, 30, 9)], missed.Select(i => i.PeriodStart));
        Assert.All(missed, i => Assert.Equal(4059, i.Calculate().Total));
        Assert.Empty(run.Run(Utc(2027, 7, 5)));
        Assert.Empty(run.Run(Utc(2027, 7, 31, 8, 59)));
        Assert.Equal(6, Assert.Single(run.Run(Utc(2027, 7, 31, 9))).PeriodIndex);
        AssertContiguous(run.Invoices);
    }

    [Fact]
    public void Due_periods_stop_at_as_of_and_do_not_move_until_invoiced()
    {
        var anchor = Utc(2027, 1, 1);
        var subscription = StartedAt(anchor);

        Assert.Empty(subscription.DuePeriods(anchor.AddTicks(-1)));
        Assert.Equal([0], subscription.DuePeriods(anchor));
        Assert.Equal([0, 1, 2], subscription.DuePeriods(Utc(2027, 3, 31)));
        Assert.Equal([0, 1, 2, 3], subscription.DuePeriods(Utc(2027, 4, 1)));
        Assert.Equal(0, subscription.NextPeriodIndex);
    }

    [Fact]
    public void Marking_a_period_invoiced_takes_only_the_next_one_and_only_once_it_has_begun()
    {
        var anchor = Utc(2027, 1, 1);
        var subscription = StartedAt(anchor);
        var now = Utc(2027, 2, 10);

        Assert.Equal("period_not_next", subscription.MarkInvoiced(1, now)?.Code);
        Assert.Null(subscription.MarkInvoiced(0, now));
        var repeat = subscription.MarkInvoiced(0, now);
        Assert.Equal("period_not_next", repeat?.Code);
        Assert.Equal(ViolationKind.Conflict, repeat?.Kind);
        Assert.Equal("period_not_next", subscription.MarkInvoiced(2, now)?.Code);
        Assert.Null(subscription.MarkInvoiced(1, now));
        Assert.Equal("period_not_begun", subscription.MarkInvoiced(2, now)?.Code);
        Assert.Equal(2, subscription.NextPeriodIndex);
        Assert.Equal(Utc(2027, 3, 1), subscription.NextBillAt);
        Assert.Equal(2, subscription.Version);
        Assert.Equal(now, subscription.UpdatedAt);
    }

    [Theory]
    [InlineData(IntervalUnit.Day, 10)]
    [InlineData(IntervalUnit.Week, 2)]
    [InlineData(IntervalUnit.Month, 3)]
    [InlineData(IntervalUnit.Year, 1)]
    public void The_current_period_is_the_billing_period_that_contains_now(IntervalUnit unit, int count)
    {
        var price = Team with { PriceId = Id(900), Recurrence = new Recurrence(unit, count) };
        var anchor = Utc(2027, 1, 31, 9);
        var subscription = Subscription.Create(Id(1), CustomerId, null, new SubscriptionTerms(), [Item(price)], new Dictionary<Guid, PriceTerms> { [price.PriceId] = price }, anchor, Ids()).Subscription!;

        for (var index = 0; index < 8; index++)
        {
            var period = subscription.Period(index);
            Assert.Equal(period, subscription.CurrentPeriodAt(period.Start));
            Assert.Equal(period, subscription.CurrentPeriodAt(period.End.AddTicks(-1)));
        }
    }

    internal static void AssertContiguous(IReadOnlyList<SubscriptionInvoice> invoices)
    {
        for (var i = 1; i < invoices.Count; i++)
        {
            Assert.Equal(invoices[i - 1].PeriodIndex + 1, invoices[i].PeriodIndex);
            Assert.Equal(invoices[i - 1].PeriodEnd, invoices[i].PeriodStart);
        }
    }
}
