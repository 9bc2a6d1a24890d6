using System.Net;
using Folio.Tests.Subscriptions;
using Folio.Tests.Support;

namespace Folio.Tests.Dialects;

/// <summary>The dialects' prev and next links start at the configured public address, whatever Host the client sends.</summary>
public sealed class PublicLinkTests(PublicLinkTests.App app) : IClassFixture<PublicLinkTests.App>
{
    public const string PublicUrl = "https://billing.example.com/folio";

    public sealed class App : FolioApp
    {
        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Folio:Api:PublicUrl"] = PublicUrl + "/" };
    }

    private readonly HttpClient _admin = app.Admin();

    private Task<HttpResponseMessage> GetAs(string host, string url)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Host = host;
        return _admin.SendAsync(request);
    }

    [Fact]
    public async Task Organization_billing_links_ignore_the_Host_header()
    {
        var organization = (await app.Books().Organization()).Str("id");
        await app.Books().Draft(organization);
        await app.Books().Draft(organization);
        var path = $"/v1/organizations/{organization}/billing/invoices";

        var first = await GetAs("evil.example", $"{path}?per_page=1").Expect(HttpStatusCode.OK);

        var next = first.GetProperty("next").GetString()!;
        Assert.StartsWith($"{PublicUrl}{path}?per_page=1&page=", next, StringComparison.Ordinal);
        var second = await GetAs("evil.example", next[PublicUrl.Length..]).Expect(HttpStatusCode.OK);
        Assert.StartsWith($"{PublicUrl}{path}?per_page=1&page=", second.GetProperty("prev").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invoice_details_links_ignore_the_Host_header()
    {
        var customer = (await app.Books().Organization()).Str("id");
        var subscription = (await _admin.Subscribe(customer, await _admin.RecurringPrice())).Str("id");

        var page = await GetAs("evil.example:8443", $"/api/v2/invoices?subscription_id={subscription}&offset=1").Expect(HttpStatusCode.OK);

        Assert.Equal($"{PublicUrl}/api/v2/invoices?subscription_id={subscription}&limit=100&offset=0", page.GetProperty("previous").GetString());
    }
}
