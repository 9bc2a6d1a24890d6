using System.Net;
using System.Net.Http.Json;
using Folio.Tests.Support;

namespace Folio.Tests.Data;

/// <summary>
/// Writers racing on the same books. SQLite queues them behind its write lock; PostgreSQL runs them side by side and must
/// lock what each one checks, so these run in both passes.
/// </summary>
public sealed class ConcurrentWriteTests(FolioApp app) : IClassFixture<FolioApp>
{
    private readonly Books _books = app.Books();
    private readonly HttpClient _admin = app.Admin();

    [Fact]
    public async Task Payments_on_a_hundred_distinct_invoices_at_once_all_succeed()
    {
        var customers = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            customers.Add((await _books.Organization($"Parallel {i}")).Str("id"));
        }

        var invoices = new List<string>();
        for (var i = 0; i < 100; i++)
        {
            invoices.Add((await _books.Open(customers[i % 4], "USD", new { description = "Thing", unit_amount = 1_000 + i })).Str("id"));
        }

        var responses = await Task.WhenAll(invoices.Select((id, i) => app.Admin().Post($"/v1/invoices/{id}/pay", new { amount = 1_000 + i })));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        foreach (var customer in customers)
        {
            var page = await _admin.GetAsync(new Uri($"/v1/invoices?customer_id={customer}&limit=100", UriKind.Relative)).Expect(HttpStatusCode.OK);
            Assert.All(page.GetProperty("data").EnumerateArray(), i =>
            {
                Assert.Equal("paid", i.Str("status"));
                Assert.Equal(0, i.Amount("amount_remaining"));
            });
        }
    }

    [Fact]
    public async Task Two_concurrent_edits_with_the_same_if_match_one_wins_and_the_other_gets_412()
    {
        var customer = (await _books.Organization()).Str("id");
        for (var round = 0; round < 10; round++)
        {
            var id = (await _books.Draft(customer)).Str("id");
            var read = await _admin.GetAsync(new Uri($"/v1/invoices/{id}", UriKind.Relative));
            var etag = read.Headers.ETag!.Tag;

            var responses = await Task.WhenAll(new[] { "first", "second" }.Select(reference =>
            {
                var request = new HttpRequestMessage(HttpMethod.Patch, $"/v1/invoices/{id}") { Content = JsonContent.Create(new { reference }) };
                request.Headers.TryAddWithoutValidation("If-Match", etag);
                return app.Admin().SendAsync(request);
            }));

            Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.OK));
            Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.PreconditionFailed));
            var winner = await Task.FromResult(responses.Single(r => r.StatusCode == HttpStatusCode.OK)).Expect(HttpStatusCode.OK);
            var current = await _admin.GetAsync(new Uri($"/v1/invoices/{id}", UriKind.Relative)).Expect(HttpStatusCode.OK);
            Assert.Equal(winner.Str("reference"), current.Str("reference"));
        }
    }

    [Fact]
    public async Task Two_invoices_finalized_at_once_never_both_use_the_same_credit()
    {
        for (var round = 0; round < 10; round++)
        {
            var customer = (await _books.Organization($"Credit {round}")).Str("id");
            await _admin.Post($"/v1/customers/{customer}/balance_transactions", new { amount = 1_000, currency = "USD", type = "grant" }).Expect(HttpStatusCode.Created);
            var drafts = new[] { (await _books.Draft(customer, "USD", new { description = "A", unit_amount = 1_000 })).Str("id"), (await _books.Draft(customer, "USD", new { description = "B", unit_amount = 1_000 })).Str("id") };

            var finalized = await Task.WhenAll(drafts.Select(id => app.Admin().Post($"/v1/invoices/{id}/finalize").Expect(HttpStatusCode.OK)));

            Assert.Equal([0L, 1_000L], finalized.Select(i => i.Amount("credit_applied")).Order());
            var balance = await _admin.GetAsync(new Uri($"/v1/customers/{customer}/balance", UriKind.Relative)).Expect(HttpStatusCode.OK);
            Assert.All(balance.GetProperty("balances").EnumerateArray(), b => Assert.Equal(0, b.Amount("amount")));
        }
    }

    [Fact]
    public async Task Two_debits_at_once_never_take_the_balance_below_zero()
    {
        for (var round = 0; round < 10; round++)
        {
            var customer = (await _books.Organization($"Debit {round}")).Str("id");
            await _admin.Post($"/v1/customers/{customer}/balance_transactions", new { amount = 100, currency = "USD", type = "grant" }).Expect(HttpStatusCode.Created);

            var responses = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ =>
                app.Admin().Post($"/v1/customers/{customer}/balance_transactions", new { amount = -60, currency = "USD", type = "adjustment" })));

            Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.Created));
            var balance = await _admin.GetAsync(new Uri($"/v1/customers/{customer}/balance", UriKind.Relative)).Expect(HttpStatusCode.OK);
            Assert.Equal(40, balance.GetProperty("balances")[0].Amount("amount"));
        }
    }

    [Fact]
    public async Task The_first_rate_of_a_currency_set_twice_at_once_is_set_once()
    {
        foreach (var currency in new[] { "CHF", "GBP", "SEK", "NOK", "DKK" })
        {
            var responses = await Task.WhenAll(new[] { 1.1m, 1.2m }.Select(rate =>
                app.Admin().PutAsJsonAsync($"/v1/exchange_rates/{currency}", new { usd_per_unit = rate })));

            Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
            var rates = await _admin.GetAsync(new Uri("/v1/exchange_rates", UriKind.Relative)).Expect(HttpStatusCode.OK);
            Assert.Single(rates.GetProperty("data").EnumerateArray(), r => r.Str("currency") == currency);
        }
    }
}
