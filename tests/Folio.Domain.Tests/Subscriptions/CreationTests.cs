using Folio.Domain.Catalog;
using Folio.Domain.Subscriptions;
using static Folio.Domain.Tests.Subscriptions.Fixture;
using PriceTerms = Folio.Domain.Subscriptions.PriceTerms;

namespace Folio.Domain.Tests.Subscriptions;

public sealed class CreationTests
{
    private static readonly DateTimeOffset Now = new(2027, 1, 31, 9, 15, 42, 500, TimeSpan.Zero);
    private static readonly DateTimeOffset NowToTheSecond = new(2027, 1, 31, 9, 15, 42, TimeSpan.Zero);

    [Fact]
    public void A_subscription_without_dates_starts_now_and_bills_from_now()
    {
        var subscription = Create(Now, new SubscriptionTerms(DaysUntilDue: 14), Item(Team), Item(Seats, 12));

        Assert.Equal(NowToTheSecond, subscription.StartAt);
        Assert.Equal(NowToTheSecond, subscription.BillingAnchor);
        Assert.Null(subscription.TrialEnd);
        Assert.Equal("USD", subscription.Currency);
        Assert.Equal(Recurrence.Monthly, subscription.Recurrence);
        Assert.Equal(SubscriptionStatus.Active, subscription.Status);
        Assert.Equal(0, subscription.NextPeriodIndex);
        Assert.Equal(NowToTheSecond, subscription.NextBillAt);
        Assert.Equal(14, subscription.DaysUntilDue);
        Assert.Equal(Now, subscription.CreatedAt);
        Assert.Equal(0, subscription.Version);
        Assert.Equal([(Team.PriceId, 1m, 0), (Seats.PriceId, 12m, 1)], subscription.ItemsAt(0).Select(i => (i.PriceId, i.Quantity, i.Position)));
        Assert.All(subscription.Items, i => Assert.Equal((subscription.Id, 0, (int?)null), (i.SubscriptionId, i.EffectiveFromPeriod, i.EndsAfterPeriod)));
        Assert.Equal([0], subscription.DuePeriods(Now));
    }

    [Fact]
    public void Dates_are_kept_in_utc_to_the_second()
    {
        var start = new DateTimeOffset(2027, 3, 1, 8, 0, 0, 999, TimeSpan.FromHours(2));
        var subscription = Create(Utc(2027, 3, 1), new SubscriptionTerms(StartAt: start, TrialEnd: start.AddDays(7)), Item(Team));

        Assert.Equal(new DateTimeOffset(2027, 3, 1, 6, 0, 0, TimeSpan.Zero), subscription.StartAt);
        Assert.Equal(TimeSpan.Zero, subscription.StartAt.Offset);
        Assert.Equal(new DateTimeOffset(2027, 3, 8, 6, 0, 0, TimeSpan.Zero), subscription.BillingAnchor);
    }

    [Fact]
    public void An_anchor_may_be_anywhere_in_the_first_interval_after_the_start()
    {
        var start = Utc(2027, 1, 31, 9);
        Assert.Equal(Utc(2027, 2, 28, 8, 59), Create(start, new SubscriptionTerms(BillingAnchor: Utc(2027, 2, 28, 8, 59)), Item(Team)).BillingAnchor);
        Assert.Equal(start, Create(start, new SubscriptionTerms(BillingAnchor: start), Item(Team)).BillingAnchor);

        var (_, violations) = TryCreate(start, new SubscriptionTerms(BillingAnchor: Utc(2027, 2, 28, 9)), Item(Team));
        Assert.Equal("invalid_billing_anchor", Single(violations, "billing_anchor").Code);
    }

    [Fact]
    public void With_a_trial_the_anchor_is_counted_from_the_trial_end()
    {
        var start = Utc(2027, 1, 1);
        var trialEnd = Utc(2027, 1, 15);
        Assert.Equal(Utc(2027, 2, 14), Create(start, new SubscriptionTerms(TrialEnd: trialEnd, BillingAnchor: Utc(2027, 2, 14)), Item(Team)).BillingAnchor);

        AssertRefused(new SubscriptionTerms(StartAt: start, TrialEnd: trialEnd, BillingAnchor: Utc(2027, 1, 14)), "billing_anchor", "invalid_billing_anchor");
        AssertRefused(new SubscriptionTerms(StartAt: start, TrialEnd: trialEnd, BillingAnchor: Utc(2027, 2, 15)), "billing_anchor", "invalid_billing_anchor");
    }

    [Fact]
    public void An_anchor_before_the_start_is_refused()
    {
        AssertRefused(new SubscriptionTerms(StartAt: Utc(2027, 2, 1), BillingAnchor: Utc(2027, 1, 31)), "billing_anchor", "invalid_billing_anchor");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(731)]
    public void A_trial_ends_after_the_start_and_within_730_days(int days)
    {
        var start = Utc(2027, 2, 1);
        AssertRefused(new SubscriptionTerms(StartAt: start, TrialEnd: start.AddDays(days)), "trial_end", "invalid_trial_end");
        Assert.Equal(start.AddDays(730), Create(Now, new SubscriptionTerms(StartAt: start, TrialEnd: start.AddDays(730)), Item(Team)).TrialEnd);
    }

    [Theory]
    [InlineData(-367)]
    [InlineData(3 * 366 + 1)]
    public void A_start_more_than_a_year_back_or_three_years_ahead_is_refused(int days)
    {
        AssertRefused(new SubscriptionTerms(StartAt: Now.AddDays(days)), "start_at", "invalid_start_at");
    }

    [Fact]
    public void A_backdated_start_bills_every_period_since_its_anchor_at_once()
    {
        var subscription = Create(Now, new SubscriptionTerms(StartAt: Utc(2026, 11, 15)), Item(Team));

        Assert.Equal([0, 1, 2], subscription.DuePeriods(Now));
    }

    [Fact]
    public void A_subscription_has_one_to_twenty_items()
    {
        Assert.Equal("invalid_items", Single(TryCreate(Now, new SubscriptionTerms()).Violations, "items").Code);

        var prices = Enumerable.Range(0, 21).Select(i => Team with { PriceId = Id(2000 + i) }).ToDictionary(p => p.PriceId);
        var items = prices.Keys.Select(id => new SubscriptionItemSpec(id)).ToList();
        Assert.Equal("invalid_items", Single(Subscription.Create(Id(1), CustomerId, null, new SubscriptionTerms(), items, prices, Now, Ids()).Violations, "items").Code);
        Assert.NotNull(Subscription.Create(Id(1), CustomerId, null, new SubscriptionTerms(), items[..20], prices, Now, Ids()).Subscription);
    }

    [Fact]
    public void A_null_item_is_refused()
    {
        Assert.Equal("invalid_item", Single(TryCreate(Now, new SubscriptionTerms(), Item(Team), null!).Violations, "items[1]").Code);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("1000000.0001")]
    [InlineData("0.00001")]
    public void A_quantity_is_above_zero_at_most_a_million_with_four_decimals(string quantity)
    {
        var (_, violations) = TryCreate(Now, new SubscriptionTerms(), Item(Team), Item(Seats, decimal.Parse(quantity, System.Globalization.CultureInfo.InvariantCulture)));

        var violation = Single(violations, "items[1].quantity");
        Assert.Equal(("invalid_quantity", ViolationKind.InvalidInput), (violation.Code, violation.Kind));
    }

    [Fact]
    public void A_fractional_quantity_up_to_four_decimals_is_kept()
    {
        Assert.Equal(2.5001m, Create(Now, new SubscriptionTerms(), Item(Seats, 2.5001m)).Items[0].Quantity);
    }

    public static TheoryData<PriceTerms, string, ViolationKind> RefusedPrices => new()
    {
        { Team with { PriceId = Id(999) }, "price_not_found", ViolationKind.Unprocessable },
        { Setup, "price_not_recurring", ViolationKind.Unprocessable },
        { Legacy, "price_archived", ViolationKind.Unprocessable },
        { TeamEuro, "currency_mismatch", ViolationKind.Unprocessable },
        { TeamYearly, "recurrence_mismatch", ViolationKind.Unprocessable },
        { Team, "duplicate_price", ViolationKind.InvalidInput },
    };

    [Theory]
    [MemberData(nameof(RefusedPrices))]
    public void A_price_that_does_not_fit_is_refused_on_its_item(PriceTerms price, string code, ViolationKind kind)
    {
        var (subscription, violations) = TryCreate(Now, new SubscriptionTerms(), Item(Team), Item(price));

        Assert.Null(subscription);
        var violation = Single(violations, "items[1].price_id");
        Assert.Equal((code, kind), (violation.Code, violation.Kind));
    }

    [Fact]
    public void Every_three_months_is_another_cycle_than_every_month()
    {
        var quarterly = Team with { PriceId = Id(950), Recurrence = new Recurrence(IntervalUnit.Month, 3) };
        var prices = new Dictionary<Guid, PriceTerms> { [Team.PriceId] = Team, [quarterly.PriceId] = quarterly };

        var (_, violations) = Subscription.Create(Id(1), CustomerId, null, new SubscriptionTerms(), [Item(Team), Item(quarterly)], prices, Now, Ids());

        Assert.Equal("recurrence_mismatch", Single(violations, "items[1].price_id").Code);
    }

    [Fact]
    public void The_first_usable_price_sets_the_currency_the_others_are_held_to()
    {
        var (_, violations) = TryCreate(Now, new SubscriptionTerms(), Item(Setup), Item(TeamEuro), Item(Team));

        Assert.Equal(
            [("items[0].price_id", "price_not_recurring"), ("items[2].price_id", "currency_mismatch")],
            violations.Select(v => (v.Field, v.Code)));
    }

    [Fact]
    public void A_price_that_no_invoice_would_accept_is_refused()
    {
        var badTax = Team with { PriceId = Id(960), TaxRate = 120m };
        var prices = new Dictionary<Guid, PriceTerms> { [badTax.PriceId] = badTax };

        var (_, violations) = Subscription.Create(Id(1), CustomerId, null, new SubscriptionTerms(), [Item(badTax)], prices, Now, Ids());

        Assert.Equal("invalid_price", Single(violations, "items[0].price_id").Code);
    }

    [Fact]
    public void Items_whose_period_total_cannot_be_represented_are_refused()
    {
        var prices = Enumerable.Range(0, 10).Select(i => Team with { PriceId = Id(3000 + i), UnitAmount = 1_000_000_000_000 }).ToDictionary(p => p.PriceId);
        var items = prices.Keys.Select(id => new SubscriptionItemSpec(id, 1_000_000)).ToList();

        var (_, violations) = Subscription.Create(Id(1), CustomerId, null, new SubscriptionTerms(), items, prices, Now, Ids());

        Assert.Equal("amount_too_large", Single(violations, "items").Code);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(3651)]
    public void Days_until_due_is_from_0_to_3650(int days)
    {
        AssertRefused(new SubscriptionTerms(DaysUntilDue: days), "days_until_due", "invalid_days_until_due");
    }

    [Fact]
    public void Every_problem_is_reported_at_once()
    {
        var (_, violations) = TryCreate(
            Now, new SubscriptionTerms(StartAt: Now.AddYears(-3), TrialEnd: Now.AddYears(-4), DaysUntilDue: -1), Item(Team, 0), Item(TeamEuro));

        Assert.Equal(
            ["items[0].quantity", "items[1].price_id", "start_at", "trial_end", "days_until_due"],
            violations.Select(v => v.Field));
    }

    private static void AssertRefused(SubscriptionTerms terms, string field, string code)
    {
        var (subscription, violations) = TryCreate(Now, terms, Item(Team));
        Assert.Null(subscription);
        var violation = Single(violations, field);
        Assert.Equal((code, ViolationKind.InvalidInput), (violation.Code, violation.Kind));
    }
}
