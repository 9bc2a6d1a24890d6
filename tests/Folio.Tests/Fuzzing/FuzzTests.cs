using Folio.Tests.Support;
using Xunit.Abstractions;

namespace Folio.Tests.Fuzzing;

/// <summary>
/// Every operation of Folio's own OpenAPI document, sent valid and hostile requests generated from its schemas, with
/// every kind of key: Folio answers each with a success or a problem, never a 5xx, changes nothing when it refuses, and
/// its books still balance at the end. FOLIO_FUZZ_SEED and FOLIO_FUZZ_REQUESTS set the seed and the number of requests.
/// </summary>
public sealed class FuzzTests(FolioApp app, ITestOutputHelper output) : IClassFixture<FolioApp>
{
    /// <summary>How often, at the least, each operation is fuzzed in a run.</summary>
    private const int TimesEach = 10;

    [Fact]
    public async Task Folio_holds_under_generated_requests_to_every_operation()
    {
        var seed = FuzzSettings.Seed;
        output.WriteLine($"{FuzzSettings.SeedVariable}={seed} {FuzzSettings.RequestsVariable}={FuzzSettings.Requests} on {(FolioApp.OnPostgres ? "PostgreSQL" : "SQLite")}");
        var document = await OpenApiOperations.Read(app.Admin());
        var pools = new IdPools();
        var keys = await FuzzBooks.Seed(app, document, pools);

        var run = new FuzzRun(app, document, keys, pools, seed);
        var failures = await run.Send(FuzzSettings.Requests);
        var broken = await BooksInvariants.Broken(app);

        output.WriteLine(run.Summary);
        var report = FuzzFailure.Report(seed, failures, broken);
        output.WriteLine(report);
        Assert.True(failures.Count == 0 && broken.Count == 0, report);
    }

    [Fact]
    public async Task Every_operation_of_the_document_is_fuzzed_at_least_ten_times()
    {
        var document = await OpenApiOperations.Read(app.Admin());
        var schedule = FuzzRun.Schedule(document, FuzzSettings.Seed, FuzzSettings.Requests);
        var pools = new IdPools();

        // Generated against empty pools, every request still names its operation's method and route.
        var requests = schedule.Select((operation, index) => FuzzRun.Generate(document, pools, FolioApp.Start, FuzzSettings.Seed, index, operation)).ToList();

        var counts = requests.GroupBy(r => r.Operation.Key).ToDictionary(g => g.Key, g => g.Count());
        var short_ = document.All.Where(o => counts.GetValueOrDefault(o.Key) < TimesEach).Select(o => $"{o.Key} ({counts.GetValueOrDefault(o.Key)})").ToList();
        Assert.True(short_.Count == 0, $"Fuzzed fewer than {TimesEach} times in {FuzzSettings.Requests} requests (raise {FuzzSettings.RequestsVariable}): {string.Join(", ", short_)}");
        Assert.All(requests, r => Assert.StartsWith(r.Operation.Path.Split('{')[0], r.Url, StringComparison.Ordinal));
        Assert.Contains(document.All, o => o.Key == "PUT /v1/customers/{id}/billing_profile");
    }
}
