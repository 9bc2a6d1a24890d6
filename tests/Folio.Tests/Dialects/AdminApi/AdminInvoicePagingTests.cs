using System.Net;
using System.Text.Json;
using Folio.Tests.Support;

namespace Folio.Tests.Dialects.AdminApi;

public sealed class AdminInvoicePagingTests(FolioApp app) : IClassFixture<FolioApp>
{
    private readonly Books _books = app.Books();
    private readonly HttpClient _admin = app.Admin();

    /// <summary>
    /// Ten invoices a minute apart: drafts (no due date) and finalized ones whose due dates do not follow their creation,
    /// some on the same day, so that every ordering differs and ties are met.
    /// </summary>
    private async Task<(string Organization, List<string> Created)> TenInvoices()
    {
        var organization = (await _books.Organization()).Str("id");
        var user = (await _books.User(organization)).Str("id");
        var created = new List<string>();
        int?[] daysUntilDue = [null, 30, 5, null, 30, 12, 5, null, 60, 12];
        foreach (var (days, n) in daysUntilDue.Select((d, n) => (d, n)))
        {
            var draft = await _books.DetailedDraft(n % 3 == 0 ? user : organization, "USD", days ?? 1);
            created.Add(days is null ? draft.Str("id") : (await _books.Finalize(draft.Str("id"))).Str("id"));
            app.Clock.Advance(TimeSpan.FromMinutes(1));
        }

        return (organization, created);
    }

    private async Task<(List<JsonElement> Seen, int Pages)> Walk(string query, Func<Task>? betweenPages = null)
    {
        var seen = new List<JsonElement>();
        var token = string.Empty;
        var pages = 0;
        do
        {
            var page = await _admin.AdminPage($"{query}&pageToken={Uri.EscapeDataString(token)}");
            seen.AddRange(page.Invoices());
            token = page.Str("nextPageToken");
            pages++;
            if (betweenPages is not null)
            {
                await betweenPages();
            }
        }
        while (token.Length > 0 && pages < 100);

        return (seen, pages);
    }

    [Theory]
    [InlineData("")]
    [InlineData("createTime desc")]
    [InlineData("createTime asc")]
    [InlineData("dueTime")]
    [InlineData("dueTime desc")]
    [InlineData("dueTime asc,createTime desc")]
    public async Task Walking_the_pages_visits_every_invoice_once_in_order_while_invoices_are_added(string orderBy)
    {
        var (organization, created) = await TenInvoices();
        var user = (await _books.User(organization, "Late Joiner")).Str("id");
        var inserted = 0;
        async Task Insert()
        {
            // New drafts and finalized invoices land at both ends of every ordering while the walk goes on.
            var draft = await _books.DetailedDraft(inserted % 2 == 0 ? user : organization, "USD", inserted % 2 == 0 ? 1 : 90);
            if (inserted++ % 3 != 0)
            {
                await _books.Finalize(draft.Str("id"));
            }

            app.Clock.Advance(TimeSpan.FromMinutes(1));
        }

        var (seen, pages) = await Walk($"organizationId={organization}&pageSize=3&orderBy={Uri.EscapeDataString(orderBy)}", Insert);

        var ids = seen.Select(i => i.Str("id")).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.All(created, id => Assert.Contains(id, ids));
        Assert.True(pages >= 4, $"10 invoices in pages of 3 take at least 4 pages, not {pages}.");

        var sorts = (orderBy.Length == 0 ? "createTime desc" : orderBy).Split(',').Select(s => s.Trim().Split(' ')).ToList();
        for (var n = 1; n < seen.Count; n++)
        {
            Assert.True(InOrder(seen[n - 1], seen[n], sorts), $"{orderBy}: invoice {n} is out of order.");
        }
    }

    [Fact]
    public async Task The_default_order_is_newest_first()
    {
        var (organization, created) = await TenInvoices();
        var (seen, _) = await Walk($"organizationId={organization}&pageSize=4");
        Assert.Equal(Enumerable.Reverse(created), seen.Select(i => i.Str("id")));
    }

    [Fact]
    public async Task Drafts_come_after_every_dated_invoice_by_due_time_ascending_and_before_them_descending()
    {
        var (organization, _) = await TenInvoices();
        var ascending = (await Walk($"organizationId={organization}&pageSize=4&orderBy=dueTime%20asc")).Seen;
        var descending = (await Walk($"organizationId={organization}&pageSize=4&orderBy=dueTime%20desc")).Seen;
        Assert.Equal(["OPEN", "OPEN", "OPEN", "OPEN", "OPEN", "OPEN", "OPEN", "DRAFT", "DRAFT", "DRAFT"], ascending.Select(i => i.Str("state")));
        Assert.Equal(["DRAFT", "DRAFT", "DRAFT"], descending.Take(3).Select(i => i.Str("state")));
        Assert.Equal(ascending.Select(i => i.Str("id")).Reverse(), descending.Select(i => i.Str("id")));
    }

    [Fact]
    public async Task Previous_page_tokens_are_absent_on_the_first_page_empty_after_it_and_lead_back()
    {
        var (organization, _) = await TenInvoices();
        var query = $"organizationId={organization}&pageSize=3";
        var first = await _admin.AdminPage(query);
        var second = await _admin.AdminPage($"{query}&pageToken={first.Str("nextPageToken")}");
        var third = await _admin.AdminPage($"{query}&pageToken={second.Str("nextPageToken")}");
        var fourth = await _admin.AdminPage($"{query}&pageToken={third.Str("nextPageToken")}");

        Assert.False(first.TryGetProperty("previousPageToken", out _));
        Assert.Equal(string.Empty, second.Str("previousPageToken"));
        Assert.NotEqual(string.Empty, third.Str("previousPageToken"));
        Assert.Single(fourth.Invoices());
        Assert.Equal(string.Empty, fourth.Str("nextPageToken"));

        var backToThird = await _admin.AdminPage($"{query}&pageToken={fourth.Str("previousPageToken")}");
        var backToSecond = await _admin.AdminPage($"{query}&pageToken={backToThird.Str("previousPageToken")}");
        var backToFirst = await _admin.AdminPage($"{query}&pageToken={backToSecond.Str("previousPageToken")}");
        Assert.Equal(third.InvoiceIds(), backToThird.InvoiceIds());
        Assert.Equal(second.InvoiceIds(), backToSecond.InvoiceIds());
        Assert.Equal(string.Empty, backToSecond.Str("previousPageToken"));
        Assert.Equal(first.InvoiceIds(), backToFirst.InvoiceIds());
        Assert.False(backToFirst.TryGetProperty("previousPageToken", out _));
        Assert.Equal(third.InvoiceIds(), (await _admin.AdminPage($"{query}&pageToken={backToSecond.Str("nextPageToken")}")).InvoiceIds());
    }

    [Fact]
    public async Task Page_size_defaults_to_20_and_is_coerced_to_100()
    {
        var organization = (await _books.Organization()).Str("id");
        for (var n = 0; n < 101; n++)
        {
            await _books.Draft(organization);
        }

        Assert.Equal(20, (await _admin.AdminPage($"organizationId={organization}")).Invoices().Count);
        Assert.Equal(100, (await _admin.AdminPage($"organizationId={organization}&pageSize=101")).Invoices().Count);
        var coerced = await _admin.AdminPage($"organizationId={organization}&pageSize=99999999999999999999");
        Assert.Equal(100, coerced.Invoices().Count);
        Assert.Single((await _admin.AdminPage($"organizationId={organization}&pageSize=100&pageToken={coerced.Str("nextPageToken")}")).Invoices());
        Assert.Equal(7, (await _admin.AdminPage($"organizationId={organization}&pageSize=007")).Invoices().Count);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("ten")]
    [InlineData("2.5")]
    public async Task A_page_size_below_1_or_not_a_number_is_refused(string pageSize)
    {
        await _admin.AdminList($"organizationId={Guid.NewGuid()}&pageSize={pageSize}").ExpectProblem(HttpStatusCode.BadRequest, "invalid_page_size", "pageSize");
    }

    [Fact]
    public async Task A_page_token_only_works_with_the_filters_and_order_that_produced_it()
    {
        var organization = (await _books.Organization()).Str("id");
        var user = (await _books.User(organization)).Str("id");
        for (var n = 0; n < 3; n++)
        {
            await _books.Draft(user);
        }

        var token = (await _admin.AdminPage($"organizationId={organization}&pageSize=1")).Str("nextPageToken");
        await _admin.AdminPage($"organizationId={organization}&pageSize=2&pageToken={token}&orderBy=createTime%20desc&view=FULL");
        foreach (var changed in new[] { $"userId={user}", $"organizationId={organization}&userId={user}", $"organizationId={Guid.NewGuid()}", $"organizationId={organization}&orderBy=createTime%20asc", $"organizationId={organization}&orderBy=dueTime%20desc" })
        {
            await _admin.AdminList($"{changed}&pageToken={token}").ExpectProblem(HttpStatusCode.BadRequest, "page_token_mismatch", "pageToken");
        }

        foreach (var malformed in new[] { "nonsense", "AQ", token[..^2], token + "AAAA", new string('A', 400) })
        {
            await _admin.AdminList($"organizationId={organization}&pageToken={malformed}").ExpectProblem(HttpStatusCode.BadRequest, "invalid_page_token", "pageToken");
        }
    }

    [Theory]
    [InlineData("amount desc")]
    [InlineData("createTime down")]
    [InlineData("createTime desc extra")]
    [InlineData("createTime,createTime desc")]
    [InlineData("createTime desc,")]
    [InlineData("create_time desc")]
    public async Task An_order_other_than_create_and_due_time_is_refused(string orderBy)
    {
        await _admin.AdminList($"organizationId={Guid.NewGuid()}&orderBy={Uri.EscapeDataString(orderBy)}").ExpectProblem(HttpStatusCode.BadRequest, "invalid_order_by", "orderBy");
    }

    [Theory]
    [InlineData("basic")]
    [InlineData("COMPACT")]
    public async Task A_view_other_than_basic_or_full_is_refused(string view)
    {
        await _admin.AdminList($"organizationId={Guid.NewGuid()}&view={view}").ExpectProblem(HttpStatusCode.BadRequest, "invalid_view", "view");
    }

    [Fact]
    public async Task The_connection_says_which_view_was_asked()
    {
        var organization = (await _books.Organization()).Str("id");
        await _books.Open(organization);
        Assert.Equal("BASIC", (await _admin.AdminPage($"organizationId={organization}")).Invoices()[0].GetProperty("connection").Str("view"));
        Assert.Equal("BASIC", (await _admin.AdminPage($"organizationId={organization}&view=BASIC")).Invoices()[0].GetProperty("connection").Str("view"));
        Assert.Equal("FULL", (await _admin.AdminPage($"organizationId={organization}&view=FULL")).Invoices()[0].GetProperty("connection").Str("view"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("dueTime asc,createTime desc")]
    public async Task Walking_to_the_end_and_back_to_the_start_sees_every_invoice_once_each_way(string orderBy)
    {
        var (organization, created) = await TenInvoices();
        var query = $"organizationId={organization}&pageSize=3&orderBy={Uri.EscapeDataString(orderBy)}";

        var forward = new List<JsonElement> { await _admin.AdminPage(query) };
        while (forward[^1].Str("nextPageToken") is { Length: > 0 } next)
        {
            forward.Add(await _admin.AdminPage($"{query}&pageToken={Uri.EscapeDataString(next)}"));
        }

        // previousPageToken is absent on the first page, and "" on the second: the first page is the list without a token.
        var backward = new List<JsonElement> { forward[^1] };
        while (backward[^1].TryGetProperty("previousPageToken", out var previous))
        {
            backward.Add(await _admin.AdminPage(previous.GetString() is { Length: > 0 } token ? $"{query}&pageToken={Uri.EscapeDataString(token)}" : query));
        }

        Assert.Equal(4, forward.Count);
        Assert.Equal(forward.Select(p => p.InvoiceIds()), Enumerable.Reverse(backward).Select(p => p.InvoiceIds()));
        foreach (var walk in new[] { forward, backward })
        {
            var ids = walk.SelectMany(p => p.InvoiceIds()).ToList();
            Assert.Equal(created.Order(StringComparer.Ordinal), ids.Order(StringComparer.Ordinal));
        }
    }

    /// <summary>Whether <paramref name="a"/> may come before <paramref name="b"/>: compared field by field, then by id.</summary>
    private static bool InOrder(JsonElement a, JsonElement b, List<string[]> sorts)
    {
        foreach (var sort in sorts)
        {
            var name = sort[0];
            var descending = sort.Length > 1 && sort[1] == "desc";
            var x = Time(a, name);
            var y = Time(b, name);
            if (x != y)
            {
                return descending ? x > y : x < y;
            }
        }

        var byId = string.CompareOrdinal(a.Str("id"), b.Str("id"));
        return sorts[^1].Length > 1 && sorts[^1][1] == "desc" ? byId > 0 : byId < 0;
    }

    private static DateTimeOffset Time(JsonElement invoice, string field) =>
        invoice.GetProperty(field).ValueKind == JsonValueKind.Null ? DateTimeOffset.MaxValue : invoice.GetProperty(field).GetDateTimeOffset();
}
