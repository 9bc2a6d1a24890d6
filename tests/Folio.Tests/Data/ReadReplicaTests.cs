using System.Net;
using Folio.Tests.Support;
using Npgsql;

namespace Folio.Tests.Data;

/// <summary>A server whose list and detail reads go to the hot standby that test.sh streams from the primary.</summary>
public sealed class StandbyReadsApp : FolioApp
{
    public const string StandbyVariable = "FOLIO_TEST_POSTGRES_STANDBY";

    public static string? Standby => Environment.GetEnvironmentVariable(StandbyVariable) is { Length: > 0 } standby ? standby : null;

    protected override IReadOnlyDictionary<string, string?> Settings =>
        OnPostgres && Standby is { } standby ? new Dictionary<string, string?> { ["FOLIO_DATABASE_READ"] = standby } : new Dictionary<string, string?>();
}

/// <summary>Runs only in the PostgreSQL pass with a standby: reads reach it, writes never do.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class StandbyFactAttribute : FactAttribute
{
    public StandbyFactAttribute()
    {
        if (StandbyReadsApp.Standby is null || !FolioApp.OnPostgres)
        {
            Skip = $"needs a PostgreSQL primary and a streaming standby ({FolioApp.PostgresVariable}, {StandbyReadsApp.StandbyVariable}; test.sh starts both)";
        }
    }
}

public sealed class ReadReplicaTests(StandbyReadsApp app) : IClassFixture<StandbyReadsApp>
{
    private readonly Books _books = app.Books();
    private readonly HttpClient _admin = app.Admin();

    [StandbyFact]
    public async Task Reads_come_from_the_standby_and_writes_from_the_primary()
    {
        var customer = (await _books.Organization()).Str("id");
        var first = (await _books.Draft(customer)).Str("id");
        // The standby replays this class's new database and its schema first: until then its reads fail.
        await Eventually(async () => (await _admin.GetAsync(new Uri($"/v1/invoices?customer_id={customer}", UriKind.Relative))).StatusCode == HttpStatusCode.OK
            && (await Ids(customer)).Contains(first));

        await Replay("pg_wal_replay_pause()");
        try
        {
            // While the standby stands still, writes (and what a write answers) still work: they go to the primary.
            var second = await _books.Open(customer);
            Assert.Equal("open", second.Str("status"));
            // Reads come from the standby, which has not seen the new invoice yet.
            Assert.DoesNotContain(second.Str("id"), await Ids(customer));
            await _admin.GetAsync(new Uri($"/v1/invoices/{second.Str("id")}", UriKind.Relative)).ExpectProblem(HttpStatusCode.NotFound, "invoice_not_found");

            await Replay("pg_wal_replay_resume()");
            await Eventually(async () => (await Ids(customer)).Contains(second.Str("id")));
        }
        finally
        {
            await Replay("pg_wal_replay_resume()");
        }
    }

    private async Task<List<string>> Ids(string customer)
    {
        var response = await _admin.GetAsync(new Uri($"/v1/invoices?customer_id={customer}", UriKind.Relative));
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{response.StatusCode}: {string.Join(" | ", app.Logs.Entries.Where(e => e.Level >= Microsoft.Extensions.Logging.LogLevel.Error).Select(e => e.Message))}");
        return [.. (await response.Json()).GetProperty("data").EnumerateArray().Select(i => i.Str("id"))];
    }

    private static async Task Replay(string function)
    {
        await using var standby = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(StandbyReadsApp.Standby) { Database = "postgres" }.ConnectionString);
        await standby.OpenAsync();
        await using var command = new NpgsqlCommand($"SELECT {function}", standby);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task Eventually(Func<Task<bool>> condition)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            if (await condition())
            {
                return;
            }

            await Task.Delay(100);
        }

        Assert.Fail("The standby did not catch up within 10 seconds.");
    }
}

/// <summary>A standby that does not answer: reads fall back to the primary.</summary>
public sealed class UnreachableStandbyApp : FolioApp
{
    // Port 1 on loopback: nothing listens there.
    protected override IReadOnlyDictionary<string, string?> Settings =>
        OnPostgres ? new Dictionary<string, string?> { ["FOLIO_DATABASE_READ"] = "Host=127.0.0.1;Port=1;Username=postgres;Timeout=2" } : new Dictionary<string, string?>();
}

public sealed class ReadFallbackTests(UnreachableStandbyApp app) : IClassFixture<UnreachableStandbyApp>
{
    [PostgresFact]
    public async Task Reads_fall_back_to_the_primary_when_no_standby_answers()
    {
        var books = app.Books();
        var customer = (await books.Organization()).Str("id");
        var invoice = (await books.Open(customer)).Str("id");

        var read = await app.Admin().GetAsync(new Uri($"/v1/invoices/{invoice}", UriKind.Relative)).Expect(HttpStatusCode.OK);
        Assert.Equal("open", read.Str("status"));
    }
}
