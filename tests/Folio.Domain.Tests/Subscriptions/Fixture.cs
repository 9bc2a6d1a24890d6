using Folio.Domain.Catalog;
using Folio.Domain.Subscriptions;
using PriceTerms = Folio.Domain.Subscriptions.PriceTerms;

namespace Folio.Domain.Tests.Subscriptions;

/// <summary>A small catalog and helpers to subscribe to it.</summary>
internal static class Fixture
{
    public static readonly PriceTerms Team = new(Id(1), Id(101), "Team plan", null, "USD", 4900, Recurrence.Monthly, 0m, false, false);
    public static readonly PriceTerms Seats = new(Id(2), Id(102), "Seats", "per seat", "USD", 1250, Recurrence.Monthly, 8.25m, false, false);
    public static readonly PriceTerms Pro = new(Id(3), Id(103), "Pro plan", "monthly", "USD", 9900, Recurrence.Monthly, 20m, true, false);
    public static readonly PriceTerms TeamYearly = Team with { PriceId = Id(4), UnitAmount = 49000, Recurrence = Recurrence.Yearly };
    public static readonly PriceTerms TeamEuro = Team with { PriceId = Id(5), Currency = "EUR" };
    public static readonly PriceTerms Setup = Team with { PriceId = Id(6), ProductName = "Setup", Recurrence = null };
    public static readonly PriceTerms Legacy = Team with { PriceId = Id(7), ProductName = "Legacy plan", Archived = true };
    public static readonly PriceTerms Weekly = Team with { PriceId = Id(8), ProductName = "Weekly box", UnitAmount = 2500, Recurrence = new Recurrence(IntervalUnit.Week, 1) };

    public static readonly IReadOnlyDictionary<Guid, PriceTerms> Prices =
        new[] { Team, Seats, Pro, TeamYearly, TeamEuro, Setup, Legacy, Weekly }.ToDictionary(p => p.PriceId);

    public static readonly Guid CustomerId = Id(1000);

    public static DateTimeOffset Utc(int year, int month, int day, int hour = 0, int minute = 0) => new(year, month, day, hour, minute, 0, TimeSpan.Zero);

    public static Guid Id(int n) => new(n, 0, 0, new byte[8]);

    public static SubscriptionItemSpec Item(PriceTerms price, decimal quantity = 1) => new(price.PriceId, quantity);

    private static int _lastId = 10_000;

    /// <summary>Fresh ids, never handed out twice in a test run.</summary>
    public static Func<Guid> Ids() => () => Id(Interlocked.Increment(ref _lastId));

    public static (Subscription? Subscription, IReadOnlyList<RuleViolation> Violations) TryCreate(
        DateTimeOffset now, SubscriptionTerms terms, params SubscriptionItemSpec[] items) =>
        Subscription.Create(Id(500), CustomerId, null, terms, items, Prices, now, Ids());

    public static Subscription Create(DateTimeOffset now, SubscriptionTerms terms, params SubscriptionItemSpec[] items)
    {
        var (subscription, violations) = TryCreate(now, terms, items);
        Assert.Empty(violations);
        return Assert.IsType<Subscription>(subscription);
    }

    /// <summary>A subscription with no trial that starts and bills at <paramref name="anchor"/>.</summary>
    public static Subscription StartedAt(DateTimeOffset anchor, params SubscriptionItemSpec[] items) =>
        Create(anchor, new SubscriptionTerms(), items.Length == 0 ? [Item(Team)] : items);

    public static RuleViolation Single(IReadOnlyList<RuleViolation> violations, string field)
    {
        var violation = Assert.Single(violations);
        Assert.Equal(field, violation.Field);
        return violation;
    }
}

/// <summary>What the bill run does with one subscription: invoice every due period, in order, and record each.</summary>
internal sealed class BillRun(Subscription subscription, IReadOnlyDictionary<Guid, PriceTerms>? prices = null)
{
    private readonly IReadOnlyDictionary<Guid, PriceTerms> _prices = prices ?? Fixture.Prices;

    public List<(DateTimeOffset IssuedAt, SubscriptionInvoice Invoice)> Issued { get; } = [];

    public IReadOnlyList<SubscriptionInvoice> Invoices => [.. Issued.Select(i => i.Invoice)];

    public IReadOnlyList<SubscriptionInvoice> Run(DateTimeOffset asOf)
    {
        var issued = new List<SubscriptionInvoice>();
        foreach (var index in subscription.DuePeriods(asOf))
        {
            var invoice = SubscriptionInvoice.For(subscription, index, _prices);
            Assert.Null(subscription.MarkInvoiced(index, asOf));
            issued.Add(invoice);
            Issued.Add((asOf, invoice));
        }

        return issued;
    }

    /// <summary>Runs every <paramref name="step"/> from <paramref name="from"/> to <paramref name="to"/> (inclusive).</summary>
    public void RunEvery(TimeSpan step, DateTimeOffset from, DateTimeOffset to)
    {
        for (var asOf = from; asOf <= to; asOf += step)
        {
            Run(asOf);
        }
    }
}
