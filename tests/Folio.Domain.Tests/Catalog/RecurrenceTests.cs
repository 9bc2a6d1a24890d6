using Folio.Domain.Catalog;

namespace Folio.Domain.Tests.Catalog;

public sealed class RecurrenceTests
{
    private static DateTimeOffset Utc(int year, int month, int day, int hour = 0) => new(year, month, day, hour, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_month_end_anchor_clamps_to_shorter_months_and_comes_back()
    {
        var anchor = Utc(2027, 1, 31, 9);
        var starts = Enumerable.Range(0, 5).Select(i => Recurrence.Monthly.PeriodStart(anchor, i)).ToList();

        Assert.Equal([Utc(2027, 1, 31, 9), Utc(2027, 2, 28, 9), Utc(2027, 3, 31, 9), Utc(2027, 4, 30, 9), Utc(2027, 5, 31, 9)], starts);
    }

    [Fact]
    public void February_of_a_leap_year_has_its_29th()
    {
        Assert.Equal(Utc(2028, 2, 29), Recurrence.Monthly.PeriodStart(Utc(2028, 1, 31), 1));
        Assert.Equal(Utc(2029, 2, 28), Recurrence.Yearly.PeriodStart(Utc(2028, 2, 29), 1));
        Assert.Equal(Utc(2032, 2, 29), Recurrence.Yearly.PeriodStart(Utc(2028, 2, 29), 4));
    }

    [Theory]
    [InlineData(IntervalUnit.Day, 10, 2027, 1, 21)]
    [InlineData(IntervalUnit.Week, 2, 2027, 1, 25)]
    [InlineData(IntervalUnit.Month, 3, 2027, 4, 11)]
    [InlineData(IntervalUnit.Year, 2, 2029, 1, 11)]
    public void The_second_period_begins_one_interval_after_the_anchor(IntervalUnit unit, int count, int year, int month, int day)
    {
        Assert.Equal(Utc(year, month, day), new Recurrence(unit, count).PeriodStart(Utc(2027, 1, 11), 1));
    }

    [Fact]
    public void The_period_at_an_instant_contains_it()
    {
        var anchor = Utc(2027, 1, 31);
        Assert.Equal(0, Recurrence.Monthly.PeriodIndexAt(anchor, Utc(2026, 12, 1)));
        Assert.Equal(0, Recurrence.Monthly.PeriodIndexAt(anchor, Utc(2027, 2, 27)));
        Assert.Equal(1, Recurrence.Monthly.PeriodIndexAt(anchor, Utc(2027, 2, 28)));
        Assert.Equal(13, Recurrence.Monthly.PeriodIndexAt(anchor, Utc(2028, 3, 1)));
        for (var day = 0; day < 2000; day += 7)
        {
            var instant = anchor.AddDays(day).AddHours(5);
            var index = new Recurrence(IntervalUnit.Week, 3).PeriodIndexAt(anchor, instant);
            Assert.InRange(instant, new Recurrence(IntervalUnit.Week, 3).PeriodStart(anchor, index), new Recurrence(IntervalUnit.Week, 3).PeriodEnd(anchor, index).AddTicks(-1));
        }
    }

    [Theory]
    [InlineData(IntervalUnit.Month, 0)]
    [InlineData(IntervalUnit.Month, 37)]
    [InlineData(IntervalUnit.Year, 4)]
    [InlineData(IntervalUnit.Day, 1099)]
    [InlineData((IntervalUnit)9, 1)]
    public void Cycles_longer_than_three_years_or_of_unknown_units_are_refused(IntervalUnit unit, int count)
    {
        Assert.NotEmpty(new Recurrence(unit, count).Validate("recurring"));
    }

    [Fact]
    public void Periods_keep_the_anchor_time_in_utc()
    {
        var anchor = new DateTimeOffset(2027, 3, 15, 23, 30, 0, TimeSpan.FromHours(-5));
        var second = Recurrence.Monthly.PeriodStart(anchor, 1);
        Assert.Equal(TimeSpan.Zero, second.Offset);
        Assert.Equal(new DateTimeOffset(2027, 4, 16, 4, 30, 0, TimeSpan.Zero), second);
    }
}
