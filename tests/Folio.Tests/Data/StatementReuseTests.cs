using System.Net;
using Folio.Tests.Support;

namespace Folio.Tests.Data;

/// <summary>SQLite connections stay open between requests and reuse their compiled statements; answers must not change.</summary>
public sealed class StatementReuseTests(FolioApp app) : IClassFixture<FolioApp>
{
    private readonly Books _books = app.Books();
    private readonly HttpClient _admin = app.Admin();

    [SqliteFact]
    public async Task More_distinct_queries_than_a_connection_keeps_compiled_still_answer_right()
    {
        var customer = (await _books.Organization()).Str("id");
        var draft = (await _books.Draft(customer)).Str("id");
        var open = (await _books.Open(customer)).Str("id");
        var paid = (await _books.Open(customer)).Str("id");
        await _books.Pay(paid, 10_000);
        var voided = (await _books.Open(customer)).Str("id");
        await _admin.Post($"/v1/invoices/{voided}/void").Expect(HttpStatusCode.OK);

        // Filters that each change the SQL, 64 combinations x 3 unpaid modes = 192 statements; only a due-date range (bits 3
        // and 4) selects anything away: the draft, which has no due date yet.
        string[] noOps = ["currency=USD", "created_from=2000-01-01T00:00:00Z", "created_to=2100-01-01T00:00:00Z", "due_from=2000-01-01T00:00:00Z", "due_to=2100-01-01T00:00:00Z", "past_due=false"];
        for (var round = 0; round < 2; round++)
        {
            for (var mask = 0; mask < 1 << noOps.Length; mask++)
            {
                var filters = string.Concat(noOps.Where((_, bit) => (mask & (1 << bit)) != 0).Select(f => "&" + f));
                var byDue = (mask & 0b11000) != 0;
                Assert.Equal(byDue ? Sorted(open, paid, voided) : Sorted(draft, open, paid, voided), await Ids($"customer_id={customer}{filters}"));
                Assert.Equal(Sorted(open), await Ids($"customer_id={customer}{filters}&unpaid=true"));
                Assert.Equal(byDue ? Sorted(paid, voided) : Sorted(draft, paid, voided), await Ids($"customer_id={customer}{filters}&unpaid=false"));
            }
        }

        // Reads and writes interleaved with the reused statements: a payment inside its transaction, then plain reads.
        await _books.Pay(open, 4_000);
        var invoice = await _admin.GetAsync(new Uri($"/v1/invoices/{open}", UriKind.Relative)).Expect(HttpStatusCode.OK);
        Assert.Equal(6_000, invoice.GetProperty("amount_remaining").GetInt64());
    }

    private static List<string> Sorted(params string[] ids) => [.. ids.Order(StringComparer.Ordinal)];

    private async Task<List<string>> Ids(string query)
    {
        var page = await _admin.GetAsync(new Uri($"/v1/invoices?{query}", UriKind.Relative)).Expect(HttpStatusCode.OK);
        return [.. page.GetProperty("data").EnumerateArray().Select(i => i.Str("id")).Order(StringComparer.Ordinal)];
    }
}
