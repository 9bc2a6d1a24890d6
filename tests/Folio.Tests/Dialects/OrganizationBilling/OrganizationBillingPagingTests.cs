using System.Net;
using System.Text.Json;
using Folio.Tests.Support;

namespace Folio.Tests.Dialects.OrganizationBilling;

public sealed class OrganizationBillingPagingTests(FolioApp app) : IClassFixture<FolioApp>
{
    private readonly Books _books = app.Books();
    private readonly HttpClient _admin = app.Admin();

    private static string Path(string organizationId) => $"/v1/organizations/{organizationId}/billing/invoices";

    private async Task<JsonElement> Get(string url) => await _admin.GetAsync(new Uri(url, UriKind.RelativeOrAbsolute)).Expect(HttpStatusCode.OK);

    private static List<string> Ids(JsonElement page) => [.. page.GetProperty("data").EnumerateArray().Select(i => i.Str("id"))];

    private static string? Link(JsonElement page, string name) => page.GetProperty(name).GetString();

    private async Task<List<string>> Drafts(string customerId, int count)
    {
        var ids = new List<string>();
        for (var i = 0; i < count; i++)
        {
            ids.Add((await _books.Draft(customerId)).Str("id"));
        }

        return ids;
    }

    [Fact]
    public async Task Next_visits_every_invoice_once_newest_first_while_invoices_are_added_and_prev_walks_back_page_by_page()
    {
        var organization = (await _books.Organization()).Str("id");
        var created = await Drafts(organization, 23);

        var pages = new List<JsonElement>();
        var added = new List<string>();
        string? url = $"{Path(organization)}?per_page=5";
        while (url is not null)
        {
            var page = await Get(url);
            pages.Add(page);
            added.Add((await _books.Draft(organization)).Str("id"));
            url = Link(page, "next");
            // A test server listens nowhere and no public address is set: the links are relative to the server's root.
            Assert.True(url is null || url.StartsWith($"{Path(organization)}?per_page=5&page=", StringComparison.Ordinal), url);
        }

        Assert.Equal(5, pages.Count);
        Assert.Equal(Enumerable.Reverse(created), pages.SelectMany(Ids));
        Assert.Null(Link(pages[0], "prev"));
        Assert.All(pages, p => Assert.Equal(5, p.GetProperty("per_page").GetInt32()));

        var back = pages[^1];
        for (var i = pages.Count - 2; i >= 0; i--)
        {
            back = await Get(Link(back, "prev")!);
            Assert.Equal(Ids(pages[i]), Ids(back));
            Assert.Equal(Ids(pages[i + 1]), Ids(await Get(Link(back, "next")!)));
        }

        // Before what was the first page come the invoices added during the walk, and nothing before them.
        var newest = await Get(Link(back, "prev")!);
        Assert.Equal(Enumerable.Reverse(added), Ids(newest));
        Assert.Null(Link(newest, "prev"));
    }

    [Fact]
    public async Task A_page_holds_25_by_default_and_up_to_100_when_asked()
    {
        var organization = (await _books.Organization()).Str("id");
        var created = await Drafts(organization, 26);

        var first = await Get(Path(organization));
        Assert.Equal(25, first.GetProperty("per_page").GetInt32());
        Assert.Equal(Enumerable.Reverse(created).Take(25), Ids(first));
        Assert.Contains("per_page=25&", Link(first, "next"), StringComparison.Ordinal);
        var last = await Get(Link(first, "next")!);
        Assert.Equal([created[0]], Ids(last));
        Assert.Null(Link(last, "next"));

        var all = await Get($"{Path(organization)}?per_page=100");
        Assert.Equal(100, all.GetProperty("per_page").GetInt32());
        Assert.Equal(26, Ids(all).Count);
        Assert.Null(Link(all, "prev"));
        Assert.Null(Link(all, "next"));
    }

    [Fact]
    public async Task An_organization_without_invoices_has_an_empty_page_without_links()
    {
        var organization = (await _books.Organization()).Str("id");

        var page = await Get(Path(organization));

        Assert.Empty(Ids(page));
        Assert.Null(Link(page, "prev"));
        Assert.Null(Link(page, "next"));
    }

    [Theory]
    [InlineData("per_page=0", "invalid_per_page", "per_page")]
    [InlineData("per_page=101", "invalid_per_page", "per_page")]
    [InlineData("per_page=-5", "invalid_per_page", "per_page")]
    [InlineData("per_page=ten", "invalid_per_page", "per_page")]
    [InlineData("per_page=2.5", "invalid_per_page", "per_page")]
    [InlineData("page=nonsense", "invalid_page", "page")]
    [InlineData("page=", "invalid_page", "page")]
    [InlineData("page=AgABAQEBAQEBAQEBAQEBAQEB", "invalid_page", "page")]
    [InlineData("page=AQcBAQEBAQEBAQEBAQEBAQEB", "invalid_page", "page")]
    [InlineData("page=AQABAQEBAQEBAQEBAQEBAQE%21", "invalid_page", "page")]
    public async Task Bad_paging_parameters_are_refused_naming_the_parameter(string query, string code, string field)
    {
        var organization = (await _books.Organization()).Str("id");

        await _admin.GetAsync(new Uri($"{Path(organization)}?{query}", UriKind.Relative)).ExpectProblem(HttpStatusCode.BadRequest, code, field);
    }

    [Fact]
    public async Task A_page_token_of_the_native_list_is_not_a_page_token_here()
    {
        var organization = (await _books.Organization()).Str("id");
        await Drafts(organization, 2);
        var native = await Get($"/v1/invoices?customer_id={organization}&limit=1");

        await _admin.GetAsync(new Uri($"{Path(organization)}?page={native.Str("next_page_token")}", UriKind.Relative))
            .ExpectProblem(HttpStatusCode.BadRequest, "invalid_page", "page");
    }

    [Fact]
    public async Task Walking_to_the_end_and_back_to_the_start_sees_every_invoice_once_each_way()
    {
        var organization = (await _books.Organization()).Str("id");
        var created = await Drafts(organization, 12);

        var forward = new List<JsonElement>();
        string? url = $"{Path(organization)}?per_page=5";
        while (url is not null)
        {
            forward.Add(await Get(url));
            url = Link(forward[^1], "next");
        }

        var backward = new List<JsonElement> { forward[^1] };
        while (Link(backward[^1], "prev") is { } prev)
        {
            backward.Add(await Get(prev));
        }

        Assert.Equal(Enumerable.Reverse(created), forward.SelectMany(Ids));
        Assert.Equal(forward.Select(Ids), Enumerable.Reverse(backward).Select(Ids));
        var seenBack = backward.SelectMany(Ids).ToList();
        Assert.Equal(created.Count, seenBack.Count);
        Assert.Equal(created.Order(StringComparer.Ordinal), seenBack.Order(StringComparer.Ordinal));
    }
}
