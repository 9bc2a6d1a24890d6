using Folio.Tests.Support;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
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

        // Generated against empty pools, every request is still made, to its operation's route.
        var requests = schedule.Select((operation, index) => FuzzRun.Generate(document, pools, FolioApp.Start, FuzzSettings.Seed, index, operation)).ToList();

        var counts = requests.GroupBy(r => r.Operation.Key).ToDictionary(g => g.Key, g => g.Count());
        var seldom = document.All.Where(o => counts.GetValueOrDefault(o.Key) < TimesEach).Select(o => $"{o.Key} ({counts.GetValueOrDefault(o.Key)})").ToList();
        Assert.True(seldom.Count == 0, $"Fuzzed fewer than {TimesEach} times in {FuzzSettings.Requests} requests (raise {FuzzSettings.RequestsVariable}): {string.Join(", ", seldom)}");
        Assert.All(requests, r => Assert.StartsWith(r.Operation.Path.Split('{')[0], r.Url, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Every_route_the_server_maps_is_in_the_document_it_fuzzes()
    {
        var document = await OpenApiOperations.Read(app.Admin());
        var documented = document.All.Select(o => o.Key).ToHashSet();

        // Left out of the document on purpose: the redirect to the API reference, the reference and the document themselves.
        var routes = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<IExcludeFromDescriptionMetadata>() is not { ExcludeFromDescription: true })
            .Where(e => e.RoutePattern.RawText is { } pattern && !pattern.StartsWith("/openapi/", StringComparison.Ordinal) && !pattern.StartsWith("/docs", StringComparison.Ordinal))
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? []).Select(method => $"{method} /{e.RoutePattern.RawText!.Trim('/')}"))
            .ToList();

        Assert.NotEmpty(routes);
        Assert.All(routes, route => Assert.Contains(route, documented));
    }
}
