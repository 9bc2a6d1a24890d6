using Folio.Domain.Subscriptions;
using static Folio.Domain.Tests.Subscriptions.Fixture;

namespace Folio.Domain.Tests.Subscriptions;

public sealed class ItemChangeTests
{
    private static readonly DateTimeOffset Anchor = Utc(2027, 1, 31, 9);
    private static readonly DateTimeOffset MidFirstPeriod = Utc(2027, 2, 10);

    [Fact]
    public void A_quantity_change_applies_from_the_next_renewal_and_leaves_the_current_period_alone()
    {
        var subscription = StartedAt(Anchor, Item(Team), Item(Seats, 5));
        var run = new BillRun(subscription);
        var first = Assert.Single(run.Run(Anchor));
        var estimateBefore = SubscriptionInvoice.For(subscription, 0, Prices).Calculate().Total;

        Assert.Empty(subscription.ScheduleItemChange([Item(Team), Item(Seats, 8)], Prices, MidFirstPeriod, Ids()));

        Assert.Equal(estimateBefore, SubscriptionInvoice.For(subscription, 0, Prices).Calculate().Total);
        Assert.Equal(first.Lines, SubscriptionInvoice.For(subscription, 0, Prices).Lines);
        Assert.Equal([1m, 5m], subscription.CurrentItemsAt(MidFirstPeriod).Select(i => i.Quantity));
        var change = subscription.ScheduledChangeAt(MidFirstPeriod);
        Assert.NotNull(change);
        Assert.Equal((1, Utc(2027, 2, 28, 9)), (change.PeriodIndex, change.EffectiveAt));
        Assert.Equal([1m, 8m], change.Items.Select(i => i.Quantity));
        Assert.Equal(2, subscription.Version);

        run.RunEvery(TimeSpan.FromDays(1), Utc(2027, 2, 11), Utc(2027, 4, 1));
        Assert.Equal([5m, 8m, 8m], run.Invoices.Select(i => i.Lines[1].Spec.Quantity));
        Assert.Equal([4900 + 6766, 4900 + 10825, 4900 + 10825], run.Invoices.Select(i => i.Calculate().Total));
        Assert.Null(subscription.ScheduledChangeAt(Utc(2027, 3, 1)));
    }

    [Fact]
    public void A_price_change_applies_from_the_next_renewal()
    {
        var subscription = StartedAt(Anchor, Item(Team));
        var run = new BillRun(subscription);
        run.Run(Anchor);

        Assert.Empty(subscription.ScheduleItemChange([Item(Pro)], Prices, MidFirstPeriod, Ids()));
        run.RunEvery(TimeSpan.FromDays(1), MidFirstPeriod, Utc(2027, 3, 1));

        Assert.Equal([Team.PriceId, Pro.PriceId], run.Invoices.Select(i => Assert.Single(i.Lines).PriceId));
        Assert.Equal("Pro plan (monthly)", run.Invoices[1].Lines[0].Spec.Description);
        Assert.Equal([Pro.PriceId], subscription.CurrentItemsAt(Utc(2027, 3, 1)).Select(i => i.PriceId));
    }

    [Fact]
    public void A_second_change_before_the_renewal_replaces_the_first()
    {
        var subscription = StartedAt(Anchor, Item(Team), Item(Seats, 5));
        new BillRun(subscription).Run(Anchor);
        Assert.Empty(subscription.ScheduleItemChange([Item(Pro)], Prices, MidFirstPeriod, Ids()));

        Assert.Empty(subscription.ScheduleItemChange([Item(Team), Item(Seats, 2)], Prices, MidFirstPeriod.AddDays(1), Ids()));

        Assert.Equal([(Team.PriceId, 1m), (Seats.PriceId, 2m)], subscription.ItemsAt(1).Select(i => (i.PriceId, i.Quantity)));
        Assert.Equal([(Team.PriceId, 1m), (Seats.PriceId, 5m)], subscription.ItemsAt(0).Select(i => (i.PriceId, i.Quantity)));
        Assert.Equal(4, subscription.Items.Count);
        Assert.DoesNotContain(subscription.Items, i => i.PriceId == Pro.PriceId);
        Assert.Equal(3, subscription.Version);
    }

    [Fact]
    public void Asking_for_the_items_in_effect_withdraws_a_pending_change()
    {
        var subscription = StartedAt(Anchor, Item(Team), Item(Seats, 5));
        var original = subscription.Items.Select(i => i.Id).ToList();
        Assert.Empty(subscription.ScheduleItemChange([Item(Seats, 9)], Prices, MidFirstPeriod, Ids()));

        Assert.Empty(subscription.ScheduleItemChange([Item(Team), Item(Seats, 5)], Prices, MidFirstPeriod, Ids()));

        Assert.Null(subscription.ScheduledChangeAt(MidFirstPeriod));
        Assert.Equal(original, subscription.Items.Select(i => i.Id));
        Assert.All(subscription.Items, i => Assert.Null(i.EndsAfterPeriod));
        Assert.Equal(2, subscription.Version);
    }

    [Fact]
    public void A_change_to_what_is_already_scheduled_changes_nothing()
    {
        var subscription = StartedAt(Anchor, Item(Team));
        Assert.Empty(subscription.ScheduleItemChange([Item(Team, 3)], Prices, MidFirstPeriod, Ids()));
        var rows = subscription.Items.Select(i => i.Id).ToList();

        Assert.Empty(subscription.ScheduleItemChange([Item(Team, 3)], Prices, MidFirstPeriod, Ids()));
        Assert.Empty(subscription.ScheduleItemChange([Item(Team, 3)], Prices, Utc(2027, 3, 1), Ids()));

        Assert.Equal(rows, subscription.Items.Select(i => i.Id));
        Assert.Equal(1, subscription.Version);
    }

    [Fact]
    public void A_change_during_the_trial_is_what_the_first_invoice_bills()
    {
        var trialEnd = Utc(2027, 2, 14);
        var subscription = Create(Utc(2027, 1, 31), new SubscriptionTerms(TrialEnd: trialEnd), Item(Team));

        Assert.Empty(subscription.ScheduleItemChange([Item(Pro), Item(Seats, 4)], Prices, Utc(2027, 2, 1), Ids()));

        Assert.Equal(0, subscription.ChangeTakesEffectAt(Utc(2027, 2, 1)));
        Assert.Null(subscription.ScheduledChangeAt(Utc(2027, 2, 1)));
        Assert.Equal([Pro.PriceId, Seats.PriceId], subscription.CurrentItemsAt(Utc(2027, 2, 1)).Select(i => i.PriceId));
        var first = Assert.Single(new BillRun(subscription).Run(trialEnd));
        Assert.Equal([Pro.PriceId, Seats.PriceId], first.Lines.Select(l => l.PriceId));
        Assert.Equal(2, subscription.Items.Count);
    }

    [Fact]
    public void A_change_asked_while_the_bill_run_is_behind_still_bills_each_period_with_its_own_items()
    {
        var subscription = StartedAt(Anchor, Item(Seats, 5));
        var run = new BillRun(subscription);
        run.Run(Anchor);

        // Period 1 began on 28 February and is not invoiced yet: it keeps 5 seats, the change waits for period 2.
        Assert.Empty(subscription.ScheduleItemChange([Item(Seats, 7)], Prices, Utc(2027, 3, 5), Ids()));
        Assert.Equal(2, subscription.ChangeTakesEffectAt(Utc(2027, 3, 5)));
        Assert.Empty(subscription.ScheduleItemChange([Item(Seats, 9)], Prices, Utc(2027, 4, 5), Ids()));

        run.Run(Utc(2027, 5, 1));
        Assert.Equal([5m, 5m, 7m, 9m], run.Invoices.Select(i => Assert.Single(i.Lines).Spec.Quantity));
    }

    [Fact]
    public void A_change_exactly_at_a_renewal_waits_for_the_one_after()
    {
        var subscription = StartedAt(Anchor);

        Assert.Equal(1, subscription.ChangeTakesEffectAt(Anchor));
        Assert.Equal(2, subscription.ChangeTakesEffectAt(Utc(2027, 2, 28, 9)));
        Assert.Equal(1, subscription.ChangeTakesEffectAt(Utc(2027, 2, 28, 8, 59)));
    }

    [Fact]
    public void A_retired_price_already_on_the_subscription_may_stay_and_change_quantity()
    {
        var prices = new Dictionary<Guid, PriceTerms> { [Legacy.PriceId] = Legacy with { Archived = false }, [Seats.PriceId] = Seats };
        var (subscription, _) = Subscription.Create(Id(1), CustomerId, null, new SubscriptionTerms(), [Item(Legacy)], prices, Anchor, Ids());
        Assert.NotNull(subscription);

        Assert.Empty(subscription.ScheduleItemChange([Item(Legacy, 2), Item(Seats)], Prices, MidFirstPeriod, Ids()));
        Assert.Equal(
            "price_archived",
            Single(StartedAt(Anchor).ScheduleItemChange([Item(Team), Item(Legacy)], Prices, MidFirstPeriod, Ids()), "items[1].price_id").Code);
    }

    public static TheoryData<PriceTerms, string> RefusedPrices => new()
    {
        { TeamEuro, "currency_mismatch" },
        { TeamYearly, "recurrence_mismatch" },
        { Weekly, "recurrence_mismatch" },
        { Setup, "price_not_recurring" },
        { Legacy, "price_archived" },
        { Team with { PriceId = Id(999) }, "price_not_found" },
    };

    [Theory]
    [MemberData(nameof(RefusedPrices))]
    public void A_change_follows_the_rules_of_creation_in_the_subscriptions_currency_and_cycle(PriceTerms price, string code)
    {
        var subscription = StartedAt(Anchor, Item(Team));

        Assert.Equal(code, Single(subscription.ScheduleItemChange([Item(price)], Prices, MidFirstPeriod, Ids()), "items[0].price_id").Code);
        Assert.Equal(0, subscription.Version);
        Assert.Single(subscription.Items);
    }

    [Fact]
    public void A_change_refuses_bad_quantities_duplicates_and_empty_lists_by_field()
    {
        var subscription = StartedAt(Anchor, Item(Team));

        Assert.Equal("invalid_quantity", Single(subscription.ScheduleItemChange([Item(Team, 0)], Prices, MidFirstPeriod, Ids()), "items[0].quantity").Code);
        Assert.Equal("duplicate_price", Single(subscription.ScheduleItemChange([Item(Team), Item(Team, 2)], Prices, MidFirstPeriod, Ids()), "items[1].price_id").Code);
        Assert.Equal("invalid_items", Single(subscription.ScheduleItemChange([], Prices, MidFirstPeriod, Ids()), "items").Code);
        Assert.Equal(0, subscription.Version);
    }

    [Fact]
    public void A_subscription_that_is_ending_refuses_a_change_until_resumed()
    {
        var subscription = StartedAt(Anchor, Item(Team));
        Assert.Null(subscription.Cancel(MidFirstPeriod, atPeriodEnd: true));

        var refused = Assert.Single(subscription.ScheduleItemChange([Item(Team, 2)], Prices, MidFirstPeriod, Ids()));
        Assert.Equal((ViolationKind.Conflict, "subscription_ending"), (refused.Kind, refused.Code));

        Assert.Null(subscription.Resume(MidFirstPeriod));
        Assert.Empty(subscription.ScheduleItemChange([Item(Team, 2)], Prices, MidFirstPeriod, Ids()));
    }

    [Fact]
    public void A_change_pending_when_the_subscription_is_set_to_end_never_applies()
    {
        var subscription = StartedAt(Anchor, Item(Team));
        Assert.Empty(subscription.ScheduleItemChange([Item(Team, 2)], Prices, MidFirstPeriod, Ids()));

        Assert.Null(subscription.Cancel(MidFirstPeriod, atPeriodEnd: true));

        Assert.Null(subscription.ScheduledChangeAt(MidFirstPeriod));
        Assert.Equal([0], subscription.DuePeriods(Utc(2028, 1, 1)));
        Assert.Null(subscription.Resume(MidFirstPeriod.AddDays(1)));
        Assert.Equal(2m, subscription.ScheduledChangeAt(MidFirstPeriod.AddDays(1))?.Items[0].Quantity);
    }
}
