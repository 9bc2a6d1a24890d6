using System.Net;
using Folio.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Folio.Tests.Idempotency;

/// <summary>A key answers retries for 24 hours on the clock; then it is free again, and the clean-up removes its record.</summary>
public sealed class IdempotencyExpiryTests(FolioApp app) : IClassFixture<FolioApp>
{
    [Fact]
    public async Task After_a_day_the_key_is_a_new_request_and_the_clean_up_removes_the_records()
    {
        var name = $"Initech {Guid.NewGuid():N}";
        var key = Keyed.NewKey();
        using var first = await Keyed.Post(app.Admin(), "/v1/customers", Keyed.CustomerJson(name), key);
        app.Clock.Advance(TimeSpan.FromHours(23));
        using var retry = await Keyed.Post(app.Admin(), "/v1/customers", Keyed.CustomerJson(name), key);
        await Keyed.AssertReplayOf(first, retry);

        // Past the day, before the hourly clean-up has had a turn on the new time: the key is free all the same.
        app.Clock.Advance(TimeSpan.FromMinutes(59) + TimeSpan.FromSeconds(59));
        app.Clock.Advance(TimeSpan.FromSeconds(2));
        using var later = await Keyed.Post(app.Admin(), "/v1/customers", Keyed.CustomerJson(name), key);
        Assert.Equal(HttpStatusCode.Created, later.StatusCode);
        Assert.False(later.Replayed());
        Assert.Equal(2, await app.Query(db => db.Customers.CountAsync(c => c.Name == name)));

        // The record of that second request expires in its turn, and the hourly clean-up deletes it.
        app.Clock.Advance(TimeSpan.FromHours(25));
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (await app.Query(db => db.IdempotencyRecords.CountAsync(r => r.Key == key)) > 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        Assert.Equal(0, await app.Query(db => db.IdempotencyRecords.CountAsync(r => r.Key == key)));
    }
}
