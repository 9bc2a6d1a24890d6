using Folio.Domain.Numbering;

namespace Folio.Domain.Tests.Numbering;

public sealed class NumberPatternTests
{
    private static readonly DateTimeOffset March5 = new(2026, 3, 5, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(1, "2026-0001")]
    [InlineData(42, "2026-0042")]
    [InlineData(9999, "2026-9999")]
    [InlineData(12345, "2026-12345")]
    public void The_default_pattern_is_the_year_and_a_four_digit_sequence(long sequence, string expected)
    {
        var pattern = NumberPattern.Parse(NumberPattern.Default);

        Assert.Equal(expected, pattern.Format(March5, sequence));
    }

    [Fact]
    public void Year_and_month_placeholders_are_filled_in()
    {
        var pattern = NumberPattern.Parse("INV-{yy}{MM}-{seq}");

        Assert.Equal("INV-2603-7", pattern.Format(March5, 7));
        Assert.Equal("INV-2612-1234", pattern.Format(new DateTimeOffset(2026, 12, 31, 0, 0, 0, TimeSpan.Zero), 1234));
    }

    [Theory]
    [InlineData("{yyyy}-{seq:0000}", "2026")]
    [InlineData("{yy}/{seq}", "2026")]
    [InlineData("INV-{yy}{MM}-{seq}", "2026-03")]
    [InlineData("{yyyy}{MM}{seq:000}", "2026-03")]
    [InlineData("INV-{seq:000000}", "all")]
    [InlineData("{seq}", "all")]
    public void The_sequence_restarts_with_the_date_part_of_the_pattern(string text, string expectedPeriod)
    {
        Assert.Equal(expectedPeriod, NumberPattern.Parse(text).PeriodKey(March5));
    }

    [Fact]
    public void A_yearly_pattern_starts_a_new_period_on_the_first_of_January()
    {
        var pattern = NumberPattern.Parse(NumberPattern.Default);

        Assert.Equal("2025", pattern.PeriodKey(new DateTimeOffset(2025, 12, 31, 23, 59, 59, TimeSpan.Zero)));
        Assert.Equal("2026", pattern.PeriodKey(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero)));
        Assert.Equal("2026", pattern.PeriodKey(new DateTimeOffset(2026, 12, 31, 0, 0, 0, TimeSpan.Zero)));
    }

    [Theory]
    [InlineData("{yyyy}/{seq}")]
    [InlineData("{yyyy}-{MM}/{seq}")]
    public void The_number_and_its_period_agree_on_the_date_whatever_the_offset(string text)
    {
        // 00:30 on 1 January at UTC+2 is still 31 December in UTC: the number shows the period its sequence counts in.
        var pattern = NumberPattern.Parse(text);
        var issuedAt = new DateTimeOffset(2026, 1, 1, 0, 30, 0, TimeSpan.FromHours(2));

        Assert.Equal(pattern.PeriodKey(issuedAt) + "/1", pattern.Format(issuedAt, 1));
    }

    [Fact]
    public void A_month_without_a_year_is_refused_because_its_numbers_would_repeat_a_year_later()
    {
        // "{MM}-{seq}" would restart every month and give March 2027's first invoice "03-1" again, like March 2026's.
        Assert.False(NumberPattern.TryParse("{MM}-{seq}", out _, out var error));
        Assert.Contains("{MM}", error, StringComparison.Ordinal);
        Assert.True(NumberPattern.TryParse("{yy}{MM}-{seq}", out _, out _));
    }

    [Theory]
    [InlineData("INV-")]
    [InlineData("{yyyy}")]
    [InlineData("{seq}-{seq}")]
    [InlineData("{yyyy}-{seq}-{seq:00}")]
    [InlineData("{foo}-{seq}")]
    [InlineData("{YYYY}-{seq}")]
    [InlineData("{seq:00x0}")]
    [InlineData("INV-{seq}}")]
    [InlineData("INV-{{seq}")]
    [InlineData("{yyyy-{seq}")]
    [InlineData("{}-{seq}")]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public void Malformed_patterns_are_rejected_with_a_reason(string? text)
    {
        Assert.False(NumberPattern.TryParse(text, out _, out var error));
        Assert.False(string.IsNullOrWhiteSpace(error));
    }

    [Theory]
    [InlineData("{foo}-{seq}", "{foo}")]
    [InlineData("{yyyy}", "{seq}")]
    [InlineData("{seq}-{seq}", "exactly one {seq}")]
    [InlineData("INV-{seq}}", "Braces")]
    public void Rejection_messages_say_what_is_wrong(string text, string expectedInMessage)
    {
        Assert.False(NumberPattern.TryParse(text, out _, out var error));
        Assert.Contains(expectedInMessage, error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_pattern_is_at_most_100_characters()
    {
        Assert.True(NumberPattern.TryParse(new string('A', 95) + "{seq}", out _, out _));
        Assert.False(NumberPattern.TryParse(new string('A', 96) + "{seq}", out _, out _));
    }

    [Fact]
    public void Parse_throws_FormatException_with_the_reason()
    {
        var error = Assert.Throws<FormatException>(() => NumberPattern.Parse("{foo}-{seq}"));

        Assert.Contains("{foo}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_parsed_pattern_keeps_its_text()
    {
        Assert.True(NumberPattern.TryParse("INV-{yy}{MM}-{seq}", out var pattern, out var error));
        Assert.Equal(string.Empty, error);
        Assert.Equal("INV-{yy}{MM}-{seq}", pattern.Text);
        Assert.Equal("INV-{yy}{MM}-{seq}", pattern.ToString());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void Sequences_start_at_one(long sequence)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => NumberPattern.Parse(NumberPattern.Default).Format(March5, sequence));
    }
}
