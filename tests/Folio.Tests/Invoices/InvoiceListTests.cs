using System.Net;
using System.Text.Json;
using Folio.Tests.Support;

namespace Folio.Tests.Invoices;

public sealed class InvoiceListTests(FolioApp app) : IClassFixture<FolioApp>
{
    private readonly Books _books = app.Books();
    private readonly HttpClient _admin = app.Admin();

    private async Task<List<JsonElement>> List(string query)
    {
        var page = await _admin.GetAsync(new Uri($"/v1/invoices?{query}", UriKind.Relative)).Expect(HttpStatusCode.OK);
        return [.. page.GetProperty("data").EnumerateArray()];
    }

    [Fact]
    public async Task Filters_select_by_customer_status_unpaid_currency_and_dates()
    {
        var customer = (await _books.Organization()).Str("id");
        var draft = await _books.Draft(customer);
        var open = await _books.Open(customer);
        var paid = await _books.Open(customer, "EUR");
        await _books.Pay(paid.Str("id"), 10_000);
        var uncollectible = await _books.Open(customer);
        await _admin.Post($"/v1/invoices/{uncollectible.Str("id")}/mark_uncollectible").Expect(HttpStatusCode.OK);
        var voided = await _books.Open(customer);
        await _admin.Post($"/v1/invoices/{voided.Str("id")}/void").Expect(HttpStatusCode.OK);

        static List<string> Ids(List<JsonElement> rows) => [.. rows.Select(r => r.Str("id")).Order(StringComparer.Ordinal)];
        static List<string> Of(params JsonElement[] rows) => [.. rows.Select(r => r.Str("id")).Order(StringComparer.Ordinal)];

        Assert.Equal(5, (await List($"customer_id={customer}")).Count);
        Assert.Equal(Of(open, uncollectible), Ids(await List($"customer_id={customer}&unpaid=true")));
        Assert.Equal(Of(draft), Ids(await List($"customer_id={customer}&status=draft")));
        Assert.Equal(Of(paid, voided), Ids(await List($"customer_id={customer}&status=paid,void")));
        Assert.Equal(Of(paid), Ids(await List($"customer_id={customer}&currency=EUR")));
        var issued = open.GetProperty("due_at").GetDateTimeOffset();
        Assert.Equal(4, (await List($"customer_id={customer}&due_from={Uri.EscapeDataString(issued.AddDays(-1).ToString("O"))}")).Count);
        Assert.Empty(await List($"customer_id={customer}&created_to={Uri.EscapeDataString(FolioApp.Start.AddYears(-1).ToString("O"))}"));
    }

    [Fact]
    public async Task Pages_walk_every_invoice_once_newest_first_even_while_invoices_are_added()
    {
        var customer = (await _books.Organization()).Str("id");
        var created = new List<string>();
        for (var i = 0; i < 23; i++)
        {
            created.Add((await _books.Draft(customer)).Str("id"));
        }

        var seen = new List<string>();
        string? token = null;
        var pages = 0;
        do
        {
            var page = await _admin.GetAsync(new Uri($"/v1/invoices?customer_id={customer}&limit=5" + (token is null ? string.Empty : $"&page_token={token}"), UriKind.Relative)).Expect(HttpStatusCode.OK);
            seen.AddRange(page.GetProperty("data").EnumerateArray().Select(i => i.Str("id")));
            token = page.GetProperty("next_page_token").GetString();
            pages++;
            await _books.Draft(customer);
        }
        while (token is not null);

        Assert.Equal(5, pages);
        Assert.Equal(Enumerable.Reverse(created), seen);
    }

    [Fact]
    public async Task Bad_list_parameters_are_named_in_the_problem()
    {
        await _admin.GetAsync(new Uri("/v1/invoices?limit=0", UriKind.Relative)).ExpectProblem(HttpStatusCode.BadRequest, "invalid_limit", "limit");
        await _admin.GetAsync(new Uri("/v1/invoices?limit=101", UriKind.Relative)).ExpectProblem(HttpStatusCode.BadRequest, "invalid_limit", "limit");
        await _admin.GetAsync(new Uri("/v1/invoices?page_token=nonsense", UriKind.Relative)).ExpectProblem(HttpStatusCode.BadRequest, "invalid_page_token", "page_token");
        // A token of the right length with a character outside base64url's alphabet.
        await _admin.GetAsync(new Uri("/v1/invoices?page_token=AQGCRCAAGHDSKLOJ8MUMC5%21", UriKind.Relative)).ExpectProblem(HttpStatusCode.BadRequest, "invalid_page_token", "page_token");
        await _admin.GetAsync(new Uri("/v1/invoices?status=overdue", UriKind.Relative)).ExpectProblem(HttpStatusCode.BadRequest, "invalid_status", "status");
        await _admin.GetAsync(new Uri("/v1/invoices?currency=XYZ", UriKind.Relative)).ExpectProblem(HttpStatusCode.BadRequest, "invalid_currency", "currency");
        await _admin.GetAsync(new Uri("/v1/invoices?limit=ten", UriKind.Relative)).ExpectProblem(HttpStatusCode.BadRequest, "invalid_parameter", "limit");
    }

    [Fact]
    public async Task A_listed_invoice_reads_byte_for_byte_as_its_own_get()
    {
        var customer = (await _books.Organization()).Str("id");
        await _books.Draft(customer, "EUR", new { description = "Setup", unit_amount = 12_345, discount_percent = 12.5, tax_rate = 19 });
        var open = await _books.Open(customer, "JPY", new { description = "Seats", quantity = 2.5, unit_amount = 1_000 }, new { description = "Support", unit_amount = 300, tax_rate = 10, tax_inclusive = true });
        var paid = await _books.Open(customer);
        await _books.Pay(paid.Str("id"), 4_000);
        // Past due by now: past_due and days_overdue depend on the clock, and must too in a list.
        app.Clock.Advance(TimeSpan.FromDays(45));

        var page = await _admin.GetAsync(new Uri($"/v1/invoices?customer_id={customer}", UriKind.Relative)).Expect(HttpStatusCode.OK);
        var listed = page.GetProperty("data").EnumerateArray().ToList();
        Assert.Equal(3, listed.Count);
        Assert.Contains(listed, i => i.Str("id") == open.Str("id") && i.GetProperty("past_due").GetBoolean() && i.GetProperty("days_overdue").GetInt32() > 0);
        foreach (var invoice in listed)
        {
            var own = await _admin.GetAsync(new Uri($"/v1/invoices/{invoice.Str("id")}", UriKind.Relative));
            Assert.Equal(await own.Content.ReadAsStringAsync(), invoice.GetRawText());
        }
    }
}
