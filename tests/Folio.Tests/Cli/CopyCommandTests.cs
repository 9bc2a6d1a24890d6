using System.Net;
using System.Net.Http.Headers;
using Folio.Tests.Subscriptions;
using Folio.Tests.Support;

namespace Folio.Tests.Cli;

public sealed class CopyCommandTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("folio-copy-").FullName;

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task A_copy_serves_the_same_books_to_the_same_keys_and_a_second_copy_is_refused()
    {
        // From SQLite to the engine of the pass: a SQLite file, or PostgreSQL in the PostgreSQL pass.
        var source = Path.Combine(_directory, "books.db");
        await using var target = ProcessDatabase.In(_directory, "copy");
        var copy = target.Setting;
        var key = (await FolioProcess.Run(_directory, "demo", "--database", source)).Output.Trim().Split(' ')[^1];
        var subscriptions = await Subscribe(source, key);
        var billRun = await FolioProcess.Run(_directory, "bill-run", "--database", source);
        Assert.True(billRun.ExitCode == 0, billRun.Error);
        var billRunId = billRun.Output.Split(' ')[2];

        var copied = await FolioProcess.Run(_directory, "copy", "--to", copy, "--database", source);
        Assert.True(copied.ExitCode == 0, copied.Error);
        Assert.Contains("match the source", copied.Output, StringComparison.Ordinal);
        var again = await FolioProcess.Run(_directory, "copy", "--to", copy, "--database", source);
        Assert.Equal((1, true), (again.ExitCode, again.Error.Contains("empty", StringComparison.Ordinal)));

        Assert.Matches(@"[1-9]\d* subscriptions \([1-9]\d* items\) and [1-9]\d* bill runs", copied.Output);
        string[] paths = [
            "/v1/invoices?limit=100", "/v1/customers?limit=100&include_archived=true", "/v1/exchange_rates", "/v1/products?limit=100", "/v1/prices?limit=100",
            "/admin/v1/invoices?organizationId=", "/v1/subscriptions?limit=100", $"/v1/bill_runs/{billRunId}",
            .. subscriptions.SelectMany(s => new[] { $"/v1/subscriptions/{s}", $"/v1/subscriptions/{s}/upcoming_invoice" }),
        ];
        var original = await Read(source, key, paths);
        var moved = await Read(copy, key, paths);
        Assert.Equal(original, moved);
    }

    /// <summary>Three subscriptions of the first organization: one billed twice already, one with two items, one on trial.</summary>
    private async Task<List<string>> Subscribe(string database, string key)
    {
        await using var server = FolioProcess.Start(_directory, "serve", "--urls", "http://127.0.0.1:0", "--database", database);
        using var client = new HttpClient { BaseAddress = new Uri(await server.WaitUntilListening()) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        var organizations = await client.GetAsync(new Uri("/v1/customers?kind=organization&limit=100", UriKind.Relative)).Expect(HttpStatusCode.OK);
        var customer = organizations.GetProperty("data")[0].Str("id");
        var monthly = await client.RecurringPrice(29_00);
        var seats = await client.RecurringPrice(7_50, product: "Seats");
        var now = DateTimeOffset.UtcNow;
        return [
            (await client.Subscribe(customer, monthly, extra: new { start_at = SubscriptionCalls.Time(now.AddDays(-40)) })).Str("id"),
            (await client.Post("/v1/subscriptions", new { customer_id = customer, items = new object[] { new { price_id = monthly, quantity = 1 }, new { price_id = seats, quantity = 3.5m } } })
                .Expect(HttpStatusCode.Created)).Str("id"),
            (await client.Subscribe(customer, seats, 2, new { trial_end = SubscriptionCalls.Time(now.AddDays(14)) })).Str("id"),
        ];
    }

    private async Task<List<string>> Read(string database, string key, string[] paths)
    {
        await using var server = FolioProcess.Start(_directory, "serve", "--urls", "http://127.0.0.1:0", "--database", database);
        using var client = new HttpClient { BaseAddress = new Uri(await server.WaitUntilListening()) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        var organizations = await client.GetAsync(new Uri("/v1/customers?kind=organization&limit=100", UriKind.Relative)).Expect(HttpStatusCode.OK);
        var first = organizations.GetProperty("data")[0].Str("id");
        var bodies = new List<string>();
        foreach (var path in paths)
        {
            var response = await client.GetAsync(new Uri(path.EndsWith('=') ? path + first : path, UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            bodies.Add(await response.Content.ReadAsStringAsync());
        }

        return bodies;
    }
}
