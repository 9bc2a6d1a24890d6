using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Folio.Tests.Support;

namespace Folio.Tests.Dialects;

/// <summary>
/// Each seed's documented request, run with curl exactly as the seed prints it, against a real <c>folio serve --demo</c>:
/// only the host, the sample ids and the key change. Each must answer 200 with JSON.
/// </summary>
public sealed class SeedRequestTests : IAsyncLifetime
{
    private static readonly string[] Hosts = ["https://api-console.apibricks.io", "https://api.pack.cloud", "https://api.salesbricks.com", "https://api.userhub.com"];

    private readonly string _directory = Directory.CreateTempSubdirectory("folio-seeds-").FullName;
    private FolioProcess? _server;
    private string _url = string.Empty;
    private string _adminKey = string.Empty;

    public async Task InitializeAsync()
    {
        _server = FolioProcess.Start(_directory, "serve", "--demo", "--urls", "http://127.0.0.1:0");
        _url = (await _server.WaitUntilListening()).TrimEnd('/');
        _adminKey = (await _server.WaitForLine(l => l.StartsWith("Admin API key", StringComparison.Ordinal))).Split(' ', StringSplitOptions.RemoveEmptyEntries)[^1];
    }

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    [Theory]
    [InlineData("000", JsonValueKind.Array)]
    [InlineData("001", JsonValueKind.Object)]
    [InlineData("002", JsonValueKind.Object)]
    [InlineData("003", JsonValueKind.Object)]
    public async Task The_seeds_documented_request_answers_200(string seed, JsonValueKind shape)
    {
        using var admin = new HttpClient { BaseAddress = new Uri(_url) };
        admin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", _adminKey);
        var organizations = await admin.GetAsync(new Uri("/v1/customers?kind=organization&limit=100", UriKind.Relative)).Expect(HttpStatusCode.OK);
        var acme = organizations.GetProperty("data").EnumerateArray().Single(c => c.Str("name") == "Acme Robotics").Str("id");
        var invoice = (await admin.GetAsync(new Uri($"/v1/invoices?customer_id={acme}&limit=1", UriKind.Relative)).Expect(HttpStatusCode.OK))
            .GetProperty("data")[0].Str("id");
        var organizationKey = (await admin.Post("/v1/api_keys", new { scope = "organization", organization_id = acme }).Expect(HttpStatusCode.Created)).Str("secret");

        var documented = File.ReadLines(Path.Combine(AppContext.BaseDirectory, "Dialects", "Fixtures", "seed-requests.txt"))
            .Single(l => l.StartsWith(seed + " ", StringComparison.Ordinal))[(seed.Length + 1)..];
        var command = Hosts.Aggregate(documented, (text, host) => text.Replace(host, _url, StringComparison.Ordinal))
            .Replace("{organizationId}", acme, StringComparison.Ordinal)
            .Replace("org_28seyVGVL1got6", acme, StringComparison.Ordinal)
            .Replace("{invoice_id}", invoice, StringComparison.Ordinal)
            .Replace("<api-key>", _adminKey, StringComparison.Ordinal);
        // 000 and 001 answer for the caller's organization: the seeds leave the key out of their examples.
        if (seed is "000" or "001")
        {
            command += $" -H \"Authorization: Bearer {organizationKey}\"";
        }

        var (status, body) = await Curl(command);

        Assert.True(status == "200", $"{command} answered {status}: {body}");
        Assert.Equal(shape, JsonDocument.Parse(body).RootElement.ValueKind);
    }

    private async Task<(string Status, string Body)> Curl(string command)
    {
        var bodyFile = Path.Combine(_directory, $"{Guid.NewGuid():N}.json");
        var info = new ProcessStartInfo("bash", ["-c", $"{command} --silent --output '{bodyFile}' --write-out '%{{http_code}}'"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment = { ["USERHUB_ADMIN_KEY"] = _adminKey },
        };
        using var process = Process.Start(info)!;
        var status = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (status.Trim(), File.Exists(bodyFile) ? await File.ReadAllTextAsync(bodyFile) : string.Empty);
    }
}
