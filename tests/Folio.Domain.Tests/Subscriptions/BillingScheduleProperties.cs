using System.Globalization;
using Folio.Domain.Catalog;
using Folio.Domain.Invoicing;
using Folio.Domain.Money;
using Folio.Domain.Subscriptions;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using PriceTerms = Folio.Domain.Subscriptions.PriceTerms;

namespace Folio.Domain.Tests.Subscriptions;

/// <summary>
/// Random cycles, anchors, trials and bill runs at random moments: every period from the anchor is billed once, in
/// order, when it has begun, and nothing past the end of a canceled subscription.
/// </summary>
public sealed class BillingScheduleProperties
{
    private const int Runs = 300;

    [Property(MaxTest = Runs, Arbitrary = [typeof(ScheduleArbitraries)])]
    public void Billed_periods_are_contiguous_each_billed_once_and_cover_the_anchor_to_the_last_run(ScheduleCase schedule)
    {
        var (subscription, invoices, lastRun, canceledAt, _) = schedule.Simulate();
        var billed = invoices.Select(i => i.PeriodIndex).ToList();

        Assert.Equal(Enumerable.Range(0, billed.Count), billed);
        for (var i = 0; i < billed.Count; i++)
        {
            var period = subscription.Period(i);
            Assert.True(period.Start < period.End, $"Period {i} is empty.");
            Assert.Equal(i == 0 ? subscription.BillingAnchor : subscription.Period(i - 1).End, period.Start);
        }

        // Billing stops at the cancellation (at once), or after the period that contains it (at period end).
        var anchor = subscription.BillingAnchor;
        var stop = canceledAt is not { } canceled ? lastRun
            : schedule.CancelAtPeriodEnd ? canceled
            : canceled.AddTicks(-1);
        if (stop < anchor)
        {
            Assert.Empty(billed);
        }
        else
        {
            Assert.True(subscription.Period(billed.Count - 1).Contains(stop), $"The period of {stop:O} is not the last one billed.");
        }

        Assert.Equal(canceledAt is null ? subscription.PeriodStart(billed.Count) : null, subscription.NextBillAt);
        Assert.Empty(subscription.DuePeriods(lastRun));
    }

    [Property(MaxTest = Runs, Arbitrary = [typeof(ScheduleArbitraries)])]
    public void Due_periods_never_begin_after_as_of(ScheduleCase schedule, int hoursFromStart)
    {
        var (subscription, _, lastRun, _, _) = schedule.Simulate();
        var asOf = lastRun.AddHours(hoursFromStart % 5000);

        var due = subscription.DuePeriods(asOf);

        Assert.All(due, index => Assert.True(subscription.PeriodStart(index) <= asOf, $"Period {index} begins after {asOf:O}."));
        Assert.Equal(Enumerable.Range(subscription.NextPeriodIndex, due.Count), due);
        Assert.All(due, index => Assert.True(subscription.IsBillable(index)));
    }

    [Property(MaxTest = Runs, Arbitrary = [typeof(ScheduleArbitraries)])]
    public void Each_period_bills_the_items_of_the_last_change_asked_before_it_began(ScheduleCase schedule)
    {
        var (_, invoices, _, _, changes) = schedule.Simulate();

        foreach (var invoice in invoices)
        {
            var expected = changes.LastOrDefault(c => c.At < invoice.PeriodStart).Items ?? [Fixture.Item(Fixture.Team)];
            Assert.Equal(expected.Select(i => (i.PriceId, i.Quantity)), invoice.Lines.Select(l => (l.PriceId, l.Spec.Quantity)));
        }
    }

    [Property(MaxTest = Runs, Arbitrary = [typeof(ScheduleArbitraries)])]
    public void The_estimate_of_a_period_is_the_invoice_of_that_period_to_the_minor_unit(PricedCase priced)
    {
        var (subscription, violations) = Subscription.Create(
            Fixture.Id(1), Fixture.CustomerId, null, new SubscriptionTerms(), priced.Items, priced.Prices, Fixture.Utc(2027, 1, 31, 9), Fixture.Ids());
        Assert.Empty(violations);
        Assert.NotNull(subscription);

        var estimate = SubscriptionInvoice.For(subscription, priced.PeriodIndex, priced.Prices);
        var (invoice, refused) = Invoice.CreateDraft(
            Fixture.Id(2), subscription.CustomerId, null, Currency.Get(subscription.Currency), estimate.Header, estimate.Items, estimate.PeriodStart, Fixture.Ids());

        Assert.Empty(refused);
        Assert.NotNull(invoice);
        var totals = estimate.Calculate();
        Assert.Equal((totals.Subtotal, totals.Discount, totals.Tax, totals.Total), (invoice.Subtotal, invoice.Discount, invoice.Tax, invoice.Total));
        Assert.Equal(totals.Lines.Select(l => l.Total), invoice.Items.Select(i => i.Total));
        Assert.Equal(SubscriptionInvoice.For(subscription, priced.PeriodIndex, priced.Prices), estimate);
        Assert.All(estimate.Items, line => Assert.Equal((subscription.PeriodStart(priced.PeriodIndex), subscription.Period(priced.PeriodIndex).End), (line.PeriodStart!.Value, line.PeriodEnd!.Value)));
    }
}

/// <summary>
/// A subscription's cycle and dates, and the moments a bill run comes: <see cref="Steps"/> after a first run
/// <see cref="LeadIn"/> before the start. At step <see cref="CancelAtStep"/> (if any) it is canceled, at period end or at once.
/// </summary>
public sealed record ScheduleCase(
    Recurrence Recurrence,
    DateTimeOffset Start,
    TimeSpan Trial,
    int AnchorPermille,
    TimeSpan LeadIn,
    TimeSpan[] Steps,
    int? CancelAtStep,
    bool CancelAtPeriodEnd,
    ItemChange[] Changes)
{
    public Simulation Simulate()
    {
        var price = Fixture.Team with { Recurrence = Recurrence };
        var prices = new Dictionary<Guid, PriceTerms> { [price.PriceId] = price, [Fixture.Pro.PriceId] = Fixture.Pro with { Recurrence = Recurrence } };
        var trialEnd = Trial > TimeSpan.Zero ? Start + Trial : (DateTimeOffset?)null;
        var from = trialEnd ?? Start;
        var interval = Recurrence.PeriodEnd(from, 0) - from;
        var anchor = from + TimeSpan.FromSeconds(Math.Floor(interval.TotalSeconds * AnchorPermille / 1000));
        var (subscription, violations) = Subscription.Create(
            Fixture.Id(1), Fixture.CustomerId, null, new SubscriptionTerms(Start, trialEnd, anchor), [Fixture.Item(price)], prices, Start, Fixture.Ids());
        Assert.Empty(violations);
        Assert.NotNull(subscription);

        var invoices = new List<SubscriptionInvoice>();
        var accepted = new List<(DateTimeOffset At, SubscriptionItemSpec[] Items)>();
        DateTimeOffset? canceledAt = null;
        var asOf = Start - LeadIn;
        for (var step = -1; step < Steps.Length; step++)
        {
            if (step >= 0)
            {
                asOf += Steps[step];
            }

            if (step == CancelAtStep)
            {
                Assert.Null(subscription.Cancel(asOf, CancelAtPeriodEnd));
                canceledAt = asOf;
            }

            foreach (var change in Changes.Where(c => c.Step == step))
            {
                SubscriptionItemSpec[] items = change.Pro ? [Fixture.Item(price), Fixture.Item(Fixture.Pro, change.Quantity)] : [Fixture.Item(price, change.Quantity)];
                if (subscription.ScheduleItemChange(items, prices, asOf, Fixture.Ids()).Count == 0)
                {
                    accepted.Add((asOf, items));
                }
            }

            foreach (var index in subscription.DuePeriods(asOf))
            {
                Assert.True(subscription.PeriodStart(index) <= asOf, $"Period {index} is due at {asOf:O} but begins at {subscription.PeriodStart(index):O}.");
                invoices.Add(SubscriptionInvoice.For(subscription, index, prices));
                Assert.Null(subscription.MarkInvoiced(index, asOf));
            }
        }

        return new Simulation(subscription, invoices, asOf, canceledAt, accepted);
    }

    public override string ToString()
    {
        var cancel = CancelAtStep is { } step ? $"; canceled {(CancelAtPeriodEnd ? "at period end" : "at once")} at step {step}" : string.Empty;
        var changes = string.Join(", ", Changes.Select(c => string.Create(CultureInfo.InvariantCulture, $"{(c.Pro ? "pro" : "team")} × {c.Quantity} at step {c.Step}")));
        return string.Create(
            CultureInfo.InvariantCulture,
            $"every {Recurrence} from {Start:O}, trial {Trial}, anchor at {AnchorPermille}‰ of the first interval, runs from {LeadIn} before the start then after {string.Join(", ", Steps)}{cancel}; changes: {changes}");
    }
}

/// <summary>At step <see cref="Step"/>, before that step's bill run: the team plan × quantity, or the team plan and the pro plan × quantity.</summary>
public sealed record ItemChange(int Step, decimal Quantity, bool Pro);

public sealed record Simulation(
    Subscription Subscription,
    List<SubscriptionInvoice> Invoices,
    DateTimeOffset LastRun,
    DateTimeOffset? CanceledAt,
    List<(DateTimeOffset At, SubscriptionItemSpec[] Items)> Changes);

/// <summary>A subscription of 1 to 20 random prices in one currency, and a period to invoice.</summary>
public sealed record PricedCase(IReadOnlyDictionary<Guid, PriceTerms> Prices, SubscriptionItemSpec[] Items, int PeriodIndex)
{
    public override string ToString() => string.Join(
        Environment.NewLine,
        Items.Select(i => Prices[i.PriceId]).Zip(Items, (p, i) => string.Create(
            CultureInfo.InvariantCulture, $"{i.Quantity} × {p.UnitAmount} {p.Currency}, tax {p.TaxRate}%{(p.TaxInclusive ? " inclusive" : string.Empty)}")))
        + string.Create(CultureInfo.InvariantCulture, $"{Environment.NewLine}period {PeriodIndex}");
}

public static class ScheduleArbitraries
{
    public static Arbitrary<ScheduleCase> ScheduleCase()
    {
        var recurrence = Gen.OneOf(
            Gen.Choose(1, 45).Select(n => new Recurrence(IntervalUnit.Day, n)),
            Gen.Choose(1, 8).Select(n => new Recurrence(IntervalUnit.Week, n)),
            Gen.Choose(1, 12).Select(n => new Recurrence(IntervalUnit.Month, n)),
            Gen.Choose(1, 3).Select(n => new Recurrence(IntervalUnit.Year, n)));
        var start =
            from year in Gen.Choose(2026, 2030)
            from month in Gen.Choose(1, 12)
            from day in Gen.Frequency((2, Gen.Elements(28, 29, 30, 31)), (1, Gen.Choose(1, 27)))
            from hour in Gen.Choose(0, 23)
            from minute in Gen.Elements(0, 30, 59)
            from second in Gen.Choose(0, 59)
            select new DateTimeOffset(year, month, Math.Min(day, DateTime.DaysInMonth(year, month)), hour, minute, second, TimeSpan.Zero);
        var trial = Gen.Frequency(
            (2, Gen.Constant(TimeSpan.Zero)),
            (1, Gen.Choose(1, 60 * 24 * 60).Select(minutes => TimeSpan.FromMinutes(minutes))));
        var anchorPermille = Gen.Frequency((2, Gen.Constant(0)), (1, Gen.Choose(0, 999)));
        var step = Gen.Frequency(
            (2, Gen.Choose(1, 600).Select(minutes => TimeSpan.FromMinutes(minutes))),
            (3, Gen.Choose(1, 24 * 40).Select(hours => TimeSpan.FromHours(hours))),
            (1, Gen.Choose(1, 24 * 400).Select(hours => TimeSpan.FromHours(hours))));
        Gen<ItemChange> ChangeAt(int steps) =>
            from step in Gen.Choose(-1, steps - 1)
            from quantity in Gen.Choose(1, 4)
            from pro in Gen.Elements(false, true)
            select new ItemChange(step, quantity, pro);
        var schedule =
            from r in recurrence
            from s in start
            from t in trial
            from a in anchorPermille
            from leadIn in Gen.Choose(0, 72).Select(hours => TimeSpan.FromHours(hours))
            from steps in Gen.Choose(0, 40).SelectMany(count => Gen.ArrayOf(step, count))
            from cancel in Gen.Frequency((2, Gen.Constant<int?>(null)), (1, Gen.Choose(0, Math.Max(0, steps.Length - 1)).Select(i => (int?)i)))
            from atPeriodEnd in Gen.Elements(false, true)
            from changes in Gen.Choose(0, 6).SelectMany(count => Gen.ArrayOf(ChangeAt(steps.Length), count))
            select new ScheduleCase(r, s, t, a, leadIn, steps, steps.Length == 0 ? null : cancel, atPeriodEnd, changes);
        return Arb.From(schedule);
    }

    public static Arbitrary<PricedCase> PricedCase()
    {
        var quantity =
            from scale in Gen.Choose(0, 4)
            let factor = (int)Math.Pow(10, scale)
            from mantissa in Gen.Choose(1, 500 * factor)
            select new decimal(mantissa, 0, 0, false, (byte)scale);
        var rate = Gen.Frequency(
            (2, Gen.Elements(0m, 7.5m, 8.25m, 8.875m, 19m, 20m)),
            (1, Gen.Choose(0, 1_000_000).Select(r => r / 10_000m)));
        var price =
            from unitAmount in Gen.Frequency((3, Gen.Choose(0, 100_000)), (1, Gen.Choose(0, 1_000_000_000)))
            from taxRate in rate
            from inclusive in Gen.Elements(false, true)
            from nickname in Gen.Elements<string?>(null, "annual", "per seat")
            select (unitAmount, taxRate, inclusive, nickname);
        var priced =
            from currency in Gen.Elements("JPY", "USD", "BHD")
            from terms in Gen.Choose(1, 20).SelectMany(count => Gen.ArrayOf(price, count))
            from quantities in Gen.ArrayOf(quantity, terms.Length)
            from period in Gen.Choose(0, 40)
            let prices = terms.Select((t, i) => new PriceTerms(
                Fixture.Id(5000 + i), Fixture.Id(6000 + i), $"Product {i}", t.nickname, currency, t.unitAmount, Recurrence.Monthly, t.taxRate, t.inclusive, false)).ToArray()
            select new PricedCase(
                prices.ToDictionary(p => p.PriceId), [.. prices.Select((p, i) => new SubscriptionItemSpec(p.PriceId, quantities[i]))], period);
        return Arb.From(priced);
    }
}
