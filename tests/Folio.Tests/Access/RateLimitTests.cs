using System.Net;
using Folio.ApiKeys;
using Folio.Tests.Support;

namespace Folio.Tests.Access;

/// <summary>
/// Budgets per key for reads and for writes, and per address for missing or wrong keys. The budgets here are tiny and
/// refill over an hour, so that a burst past them is refused whatever the machine's pace.
/// </summary>
public sealed class RateLimitTests(RateLimitTests.BudgetedApp app) : IClassFixture<RateLimitTests.BudgetedApp>
{
    private const int Reads = 5;
    private const int Writes = 3;
    private const int WrongKeys = 4;

    public sealed class BudgetedApp : FolioApp
    {
        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Folio:RateLimits:Enabled"] = "true",
            ["Folio:RateLimits:Reads"] = $"{Reads}",
            ["Folio:RateLimits:Writes"] = $"{Writes}",
            ["Folio:RateLimits:Window"] = "01:00:00",
            ["Folio:RateLimits:WrongKeys"] = $"{WrongKeys}",
            ["Folio:RateLimits:WrongKeyWindow"] = "01:00:00",
        };
    }

    [Fact]
    public async Task Reads_past_the_budget_are_refused_with_retry_after_and_writes_keep_their_own()
    {
        var client = app.Client(await NewKey());
        var answers = new List<HttpResponseMessage>();
        for (var i = 0; i < Reads * 3; i++)
        {
            answers.Add(await client.GetAsync(new Uri("/v1/customers", UriKind.Relative)));
        }

        Assert.True(answers.Count(a => a.StatusCode == HttpStatusCode.OK) <= Reads);
        await AssertRefused(answers.Last());

        // The reads are spent; the writes are not.
        await new Books(client).Organization();
    }

    [Fact]
    public async Task Writes_past_the_budget_are_refused_and_reads_keep_their_own()
    {
        var client = app.Client(await NewKey());
        var answers = new List<HttpResponseMessage>();
        for (var i = 0; i < Writes * 3; i++)
        {
            answers.Add(await client.Post("/v1/customers", new { kind = "organization", name = "Budget Co", email = "ap@budget.example" }));
        }

        Assert.True(answers.Count(a => a.StatusCode == HttpStatusCode.Created) <= Writes);
        await AssertRefused(answers.Last());
        await client.GetAsync(new Uri("/v1/customers", UriKind.Relative)).Expect(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_burst_of_wrong_keys_is_throttled_while_a_good_key_still_works()
    {
        var guesser = app.Client("folio_sk_" + new string('x', 40));
        var answers = new List<HttpResponseMessage>();
        for (var i = 0; i < WrongKeys * 3; i++)
        {
            answers.Add(await guesser.GetAsync(new Uri("/v1/invoices", UriKind.Relative)));
        }

        Assert.True(answers.Count(a => a.StatusCode == HttpStatusCode.Unauthorized) <= WrongKeys);
        await AssertRefused(answers.Last());

        await app.Client(await NewKey()).GetAsync(new Uri("/v1/invoices", UriKind.Relative)).Expect(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Health_is_never_limited()
    {
        var client = app.Client("folio_sk_" + new string('y', 40));
        for (var i = 0; i < WrongKeys * 3; i++)
        {
            await client.GetAsync(new Uri("/healthz", UriKind.Relative)).Expect(HttpStatusCode.OK);
        }
    }

    private async Task<string> NewKey() =>
        (await app.Query(db => ApiKeyOperations.Create(db, app.Clock, new CreateApiKeyRequest(ApiKeyScope.Admin, "budgeted"), default))).Value.Secret;

    private static async Task AssertRefused(HttpResponseMessage response)
    {
        await Task.FromResult(response).ExpectProblem(HttpStatusCode.TooManyRequests, "rate_limited");
        var retryAfter = Assert.Single(response.Headers.GetValues("Retry-After"));
        Assert.True(int.TryParse(retryAfter, out var seconds) && seconds >= 1, $"Retry-After: {retryAfter}");
    }
}
