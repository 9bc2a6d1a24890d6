using System.Net;
using System.Net.Http.Headers;
using Folio.Tests.Support;

namespace Folio.Tests.Cli;

/// <summary>
/// A real server: its links come from where it listens (or its configured public address), never from the Host header,
/// and behind a proxy it believes forwarded headers only when told to.
/// </summary>
public sealed class PublicAddressTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("folio-public-address-").FullName;

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    private static async Task<(HttpClient Client, string Organization)> Books(FolioProcess server)
    {
        var url = await server.WaitUntilListening();
        var key = (await server.WaitForLine(l => l.StartsWith("Admin API key", StringComparison.Ordinal))).Split(' ')[^1];
        var client = new HttpClient { BaseAddress = new Uri(url) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        var books = new Books(client);
        var organization = (await books.Organization()).Str("id");
        await books.Draft(organization);
        await books.Draft(organization);
        return (client, organization);
    }

    private static async Task<string> NextLink(HttpClient client, string organization, Action<HttpRequestMessage> headers)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, $"/v1/organizations/{organization}/billing/invoices?per_page=1");
        headers(request);
        return (await client.SendAsync(request).Expect(HttpStatusCode.OK)).GetProperty("next").GetString()!;
    }

    [SqliteFact]
    public async Task Links_point_at_the_listening_address_and_a_forged_Host_changes_nothing()
    {
        await using var server = FolioProcess.Start(_directory, "serve", "--demo", "--urls", "http://127.0.0.1:0");
        var (client, organization) = await Books(server);
        using var _ = client;

        var next = await NextLink(client, organization, r => r.Headers.Host = "evil.example");

        Assert.StartsWith($"{client.BaseAddress!.GetLeftPart(UriPartial.Authority)}/v1/organizations/{organization}/billing/invoices?per_page=1&page=", next, StringComparison.Ordinal);
        await client.GetAsync(new Uri(next)).Expect(HttpStatusCode.OK);
    }

    [SqliteFact]
    public async Task Behind_a_proxy_the_public_url_makes_the_links_and_forwarded_addresses_reach_the_log()
    {
        var environment = new Dictionary<string, string> { ["Folio__Api__PublicUrl"] = "https://billing.example.com", ["Folio__Api__ForwardedHeaders"] = "true" };
        await using var server = FolioProcess.Start(_directory, environment, "serve", "--demo", "--urls", "http://127.0.0.1:0");
        var (client, organization) = await Books(server);
        using var _ = client;

        var next = await NextLink(client, organization, r =>
        {
            r.Headers.Host = "evil.example";
            r.Headers.Add("X-Forwarded-For", "203.0.113.7");
            r.Headers.Add("X-Forwarded-Host", "evil.example");
        });

        Assert.StartsWith($"https://billing.example.com/v1/organizations/{organization}/billing/invoices?per_page=1&page=", next, StringComparison.Ordinal);
        await server.WaitForLine(l => l.Contains("/billing/invoices 200", StringComparison.Ordinal) && l.Contains("client=203.0.113.7", StringComparison.Ordinal));
    }

    [SqliteFact]
    public async Task A_public_url_that_is_not_an_absolute_http_address_stops_the_server_at_start()
    {
        var (exitCode, output, error) = await FolioProcess.Run(_directory, "serve", "--urls", "http://127.0.0.1:0", "--Folio:Api:PublicUrl=billing.example.com");

        Assert.NotEqual(0, exitCode);
        Assert.Contains("Folio:Api:PublicUrl", output + error, StringComparison.Ordinal);
    }
}
