using System.Buffers.Text;
using System.Net;
using System.Text.Json;
using Folio.Tests.Catalog;
using Folio.Tests.Dialects.AdminApi;
using Folio.Tests.Subscriptions;
using Folio.Tests.Support;

namespace Folio.Tests.Api;

/// <summary>
/// Page tokens are tamper-evident: a token works only on the list that returned it, with the same filters and a key of the
/// same scope. Anything else, including a token edited by hand or one of the old unsealed format, is a 400 problem with
/// the list's own code and field, never a 500 and never a page of something else.
/// </summary>
public sealed class PageTokenTests(FolioApp app) : IClassFixture<FolioApp>
{
    private readonly Books _books = app.Books();
    private readonly HttpClient _admin = app.Admin();

    private static async Task<JsonElement> Page(HttpClient client, string url) => await client.Get(url).Expect(HttpStatusCode.OK);

    private static async Task<string> NextToken(HttpClient client, string url)
    {
        var token = (await Page(client, url)).GetProperty("next_page_token").GetString();
        Assert.False(string.IsNullOrEmpty(token), $"{url} has no next page");
        return token!;
    }

    private static Task<JsonElement> Refused(HttpClient client, string url) =>
        client.Get(url).ExpectProblem(HttpStatusCode.BadRequest, "invalid_page_token", "page_token");

    /// <summary>The token with one character in its middle changed, as a client editing it by hand would.</summary>
    private static string Edited(string token)
    {
        var at = token.Length / 2;
        return token[..at] + (token[at] == 'A' ? 'B' : 'A') + token[(at + 1)..];
    }

    /// <summary>A token of the format Folio used before tokens were sealed: a version byte and a row id, in base64url.</summary>
    private static string OldFormat(string id) => Base64Url.EncodeToString([1, .. Guid.Parse(id).ToByteArray(bigEndian: true)]);

    private static string With(string url, string token) => $"{url}{(url.Contains('?', StringComparison.Ordinal) ? '&' : '?')}page_token={Uri.EscapeDataString(token)}";

    private async Task<(string Organization, string User)> OrganizationWithInvoices(string name = "Acme Robotics")
    {
        var organization = (await _books.Organization(name)).Str("id");
        var user = (await _books.User(organization)).Str("id");
        for (var n = 0; n < 3; n++)
        {
            await _books.Draft(organization);
            await _books.Open(user);
        }

        return (organization, user);
    }

    [Fact]
    public async Task An_invoice_token_works_only_with_its_filters_its_scope_and_its_list()
    {
        var (organization, user) = await OrganizationWithInvoices();
        var (other, _) = await OrganizationWithInvoices("Initech");
        var list = $"/v1/invoices?customer_id={organization}&limit=1";
        var token = await NextToken(_admin, list);

        Assert.Single((await Page(_admin, With(list, token))).GetProperty("data").EnumerateArray());
        // The page size is not a filter: the walk may go on with pages of another size.
        Assert.Equal(2, (await Page(_admin, With($"/v1/invoices?customer_id={organization}&limit=5", token))).GetProperty("data").GetArrayLength());

        foreach (var otherFilters in new[] { $"/v1/invoices?customer_id={other}", $"/v1/invoices?customer_id={user}", "/v1/invoices", $"/v1/invoices?customer_id={organization}&status=draft", $"/v1/invoices?customer_id={organization}&unpaid=false" })
        {
            await Refused(_admin, With(otherFilters, token));
        }

        await Refused(_admin, With(list, Edited(token)));
        await Refused(_admin, With(list, token[..^1]));
        await Refused(_admin, With(list, OldFormat((await Page(_admin, list)).GetProperty("data")[0].Str("id"))));
        await Refused(_admin, With(list, await NextToken(_admin, "/v1/customers?limit=1")));
        await Refused(_admin, With("/v1/customers?limit=1", token));
    }

    [Fact]
    public async Task An_invoice_token_of_one_organizations_key_is_refused_to_another_organization_and_to_an_admin()
    {
        var (organization, _) = await OrganizationWithInvoices();
        var (other, _) = await OrganizationWithInvoices("Initech");
        var key = app.Client(await _books.OrganizationKey(organization));
        var sameOrganization = app.Client(await _books.OrganizationKey(organization));
        var otherKey = app.Client(await _books.OrganizationKey(other));
        var token = await NextToken(key, "/v1/invoices?limit=2");

        // Three open invoices (drafts are not shown to an organization key): two on the first page, one on the second.
        Assert.Single((await Page(sameOrganization, With("/v1/invoices?limit=2", token))).GetProperty("data").EnumerateArray());
        await Refused(otherKey, With("/v1/invoices?limit=2", token));
        await Refused(_admin, With("/v1/invoices?limit=2", token));
        await Refused(key, With("/v1/invoices?limit=2", await NextToken(_admin, $"/v1/invoices?customer_id={organization}&limit=2")));
    }

    public static TheoryData<string> NativeLists => new()
    {
        "customers", "products", "prices", "subscriptions", "api_keys", "balance_transactions",
    };

    [Theory]
    [MemberData(nameof(NativeLists))]
    public async Task Every_native_list_refuses_a_token_of_other_filters_an_edited_one_and_one_of_another_list(string list)
    {
        var (url, otherFilters) = await Rows(list);
        var token = await NextToken(_admin, url);

        Assert.Single((await Page(_admin, With(url, token))).GetProperty("data").EnumerateArray());
        await Refused(_admin, With(otherFilters, token));
        await Refused(_admin, With(url, Edited(token)));
        await Refused(_admin, With(url, "A" + token));
        var (organization, _) = await OrganizationWithInvoices();
        await Refused(_admin, With(url, await NextToken(_admin, $"/v1/invoices?customer_id={organization}&limit=1")));
    }

    /// <summary>A list of <paramref name="list"/> with at least two rows (one per page), and the same list with other filters.</summary>
    private async Task<(string Url, string OtherFilters)> Rows(string list)
    {
        switch (list)
        {
            case "customers":
                await _books.Organization();
                await _books.Organization();
                return ("/v1/customers?limit=1", "/v1/customers?limit=1&kind=organization");
            case "products":
                await _admin.Product("Basic");
                await _admin.Product("Pro");
                return ("/v1/products?limit=1", "/v1/products?limit=1&active=true");
            case "prices":
                var product = (await _admin.Product()).Str("id");
                await _admin.Price(product);
                await _admin.Price(product, "EUR");
                return ($"/v1/prices?product_id={product}&limit=1", "/v1/prices?limit=1");
            case "subscriptions":
                var customer = (await _books.Organization()).Str("id");
                await _admin.Subscribe(customer, await _admin.RecurringPrice());
                await _admin.Subscribe(customer, await _admin.RecurringPrice());
                return ($"/v1/subscriptions?customer_id={customer}&limit=1", $"/v1/subscriptions?customer_id={customer}&limit=1&status=active");
            case "api_keys":
                var organization = (await _books.Organization()).Str("id");
                await _books.OrganizationKey(organization);
                // The only scope that lists keys is the admin one, and the list has no filter: another list stands in.
                return ("/v1/api_keys?limit=1", "/v1/products?limit=1");
            default:
                var holder = (await _books.Organization()).Str("id");
                await _admin.Post($"/v1/customers/{holder}/balance_transactions", new { amount = 5_000, currency = "USD", type = "grant" }).Expect(HttpStatusCode.Created);
                await _admin.Post($"/v1/customers/{holder}/balance_transactions", new { amount = 1_000, currency = "USD", type = "grant" }).Expect(HttpStatusCode.Created);
                var otherHolder = (await _books.Organization()).Str("id");
                return ($"/v1/customers/{holder}/balance_transactions?limit=1", $"/v1/customers/{otherHolder}/balance_transactions?limit=1");
        }
    }

    [Fact]
    public async Task An_organization_billing_link_works_only_for_its_organization_and_scope()
    {
        var (organization, _) = await OrganizationWithInvoices();
        var (other, _) = await OrganizationWithInvoices("Initech");
        var key = app.Client(await _books.OrganizationKey(organization));
        string Path(string id) => $"/v1/organizations/{id}/billing/invoices";
        var next = (await Page(_admin, $"{Path(organization)}?per_page=1")).Str("next");
        var page = Uri.UnescapeDataString(next[(next.IndexOf("&page=", StringComparison.Ordinal) + 6)..]);

        Assert.Single((await Page(_admin, next)).GetProperty("data").EnumerateArray());
        Assert.Equal(3, (await Page(_admin, $"{Path(organization)}?per_page=3&page={Uri.EscapeDataString(page)}")).GetProperty("data").GetArrayLength());
        foreach (var (client, url) in new[]
        {
            (_admin, $"{Path(other)}?page={Uri.EscapeDataString(page)}"),
            (key, $"{Path(organization)}?page={Uri.EscapeDataString(page)}"),
            (_admin, $"{Path(organization)}?page={Uri.EscapeDataString(Edited(page))}"),
            (_admin, $"{Path(organization)}?page={Uri.EscapeDataString(await NextToken(_admin, $"/v1/customers?limit=1"))}"),
        })
        {
            await client.Get(url).ExpectProblem(HttpStatusCode.BadRequest, "invalid_page", "page");
        }

        await Refused(_admin, With($"/v1/invoices?limit=1", page));
    }

    [Fact]
    public async Task An_admin_api_token_edited_or_of_another_list_is_refused_as_invalid()
    {
        var (organization, _) = await OrganizationWithInvoices();
        var token = (await _admin.AdminPage($"organizationId={organization}&pageSize=1")).Str("nextPageToken");
        var billing = (await Page(_admin, $"/v1/organizations/{organization}/billing/invoices?per_page=1")).Str("next");
        var billingToken = Uri.UnescapeDataString(billing[(billing.IndexOf("&page=", StringComparison.Ordinal) + 6)..]);

        Assert.Single((await _admin.AdminPage($"organizationId={organization}&pageSize=1&pageToken={Uri.EscapeDataString(token)}")).Invoices());
        foreach (var refused in new[] { Edited(token), billingToken, await NextToken(_admin, $"/v1/invoices?customer_id={organization}&limit=1"), OldFormat(Guid.NewGuid().ToString()) })
        {
            await _admin.AdminList($"organizationId={organization}&pageToken={Uri.EscapeDataString(refused)}").ExpectProblem(HttpStatusCode.BadRequest, "invalid_page_token", "pageToken");
        }

        await Refused(_admin, With("/v1/invoices?limit=1", token));
    }

    [Fact]
    public async Task Tokens_are_opaque_and_of_a_reasonable_length()
    {
        var (organization, _) = await OrganizationWithInvoices();
        var native = await NextToken(_admin, $"/v1/invoices?customer_id={organization}&limit=1");
        var admin = (await _admin.AdminPage($"organizationId={organization}&pageSize=1&orderBy=dueTime%20asc,createTime%20desc")).Str("nextPageToken");
        var ids = (await Page(_admin, $"/v1/invoices?customer_id={organization}&limit=1")).GetProperty("data")[0].Str("id");

        Assert.InRange(native.Length, 100, 140);
        Assert.InRange(admin.Length, 100, 170);
        Assert.True(Base64Url.IsValid(native));
        Assert.DoesNotContain(Base64Url.EncodeToString(Guid.Parse(ids).ToByteArray(bigEndian: true))[..10], native, StringComparison.Ordinal);
        Assert.NotEqual(native, await NextToken(_admin, $"/v1/invoices?customer_id={organization}&limit=1"));
    }
}
