using System.Net;
using Folio.BillRuns;
using Folio.Tests.Subscriptions;
using Folio.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static Folio.Tests.Subscriptions.SubscriptionCalls;

namespace Folio.Tests.BillRuns;

public sealed class HourlyBillRunApp : FolioApp
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { [BillRunSchedule.Setting] = "1h" };
}

public sealed class BillRunScheduleTests(HourlyBillRunApp app) : IClassFixture<HourlyBillRunApp>
{
    private readonly HttpClient _admin = app.Admin();

    [Fact]
    public async Task An_hourly_schedule_runs_at_start_then_on_each_tick_of_the_clock_and_invoices_a_period_once()
    {
        await WaitForRuns(1);
        var customer = (await app.Books().Organization()).Str("id");
        var start = app.Clock.GetUtcNow().AddMinutes(30);
        await _admin.Subscribe(customer, await _admin.RecurringPrice(), extra: new { start_at = Time(start) });
        Assert.Empty(await Invoices(customer));

        app.Clock.Advance(TimeSpan.FromHours(1));
        await WaitForRuns(2);

        var invoice = Assert.Single(await Invoices(customer));
        Assert.Equal((0, "open", Time(app.Clock.GetUtcNow())), (invoice.GetProperty("subscription_period").GetInt32(), invoice.Str("status"), invoice.Str("issued_at")));

        app.Clock.Advance(TimeSpan.FromHours(1));
        await WaitForRuns(3);
        Assert.Single(await Invoices(customer));
        Assert.Equal(3, await app.Query(db => db.BillRuns.CountAsync()));
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData("off", null)]
    [InlineData("1h", 60)]
    [InlineData("15m", 15)]
    [InlineData("1d", 1440)]
    [InlineData("01:30:00", 90)]
    public void The_setting_is_off_or_an_interval(string? value, int? minutes)
    {
        Assert.True(BillRunSchedule.TryParse(value, out var every));
        Assert.Equal(minutes, every?.TotalMinutes is { } total ? (int)total : null);
    }

    [Theory]
    [InlineData("30s")]
    [InlineData("32d")]
    [InlineData("hourly")]
    [InlineData("-1h")]
    public void An_interval_too_short_too_long_or_unreadable_is_refused(string value) =>
        Assert.False(BillRunSchedule.TryParse(value, out _));

    private async Task<List<System.Text.Json.JsonElement>> Invoices(string customer) =>
        [.. (await _admin.GetAsync($"/v1/invoices?customer_id={customer}").Expect(HttpStatusCode.OK)).GetProperty("data").EnumerateArray()];

    private async Task WaitForRuns(int finished)
    {
        for (var waited = TimeSpan.Zero; waited < TimeSpan.FromSeconds(20); waited += TimeSpan.FromMilliseconds(50))
        {
            if (await app.Query(db => db.BillRuns.CountAsync(r => r.FinishedAt != null)) >= finished)
            {
                return;
            }

            await Task.Delay(50);
        }

        Assert.Fail($"The schedule did not finish {finished} bill runs.");
    }
}
