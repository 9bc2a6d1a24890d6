using System.Net;
using System.Net.Http.Headers;
using Folio.Tests.Support;

namespace Folio.Tests.Cli;

public sealed class KeysCommandTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("folio-keys-").FullName;

    private string Database => Path.Combine(_directory, "books.db");

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    [SqliteFact]
    public async Task Keys_create_prints_only_the_secret_and_a_revocation_by_the_cli_reaches_a_running_server_within_seconds()
    {
        var migrate = await FolioProcess.Run(_directory, "migrate", "--database", Database);
        Assert.Equal(0, migrate.ExitCode);

        var created = await FolioProcess.Run(_directory, "keys", "create", "--admin", "--name", "ops", "--database", Database);
        Assert.Equal(0, created.ExitCode);
        var secret = created.Output.Trim();
        Assert.Matches("^folio_sk_[0-9A-Za-z]{40}$", secret);

        var listed = await FolioProcess.Run(_directory, "keys", "list", "--database", Database);
        Assert.Contains(secret[..17], listed.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, listed.Output, StringComparison.Ordinal);
        var keyId = listed.Output.Split('\n').Single(l => l.Contains("ops", StringComparison.Ordinal)).Split(' ')[0];

        await using var server = FolioProcess.Start(_directory, "serve", "--urls", "http://127.0.0.1:0", "--database", Database);
        using var client = new HttpClient { BaseAddress = new Uri(await server.WaitUntilListening()) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        await client.GetAsync(new Uri("/v1/customers", UriKind.Relative)).Expect(HttpStatusCode.OK);

        var revoked = await FolioProcess.Run(_directory, "keys", "revoke", keyId, "--database", Database);
        Assert.Equal(0, revoked.ExitCode);

        // A server remembers a verified key for Folio:Api:KeyCacheSeconds (5 s), so a revocation made by another process
        // reaches it within that time.
        var deadline = DateTime.UtcNow.AddSeconds(10);
        HttpStatusCode status;
        do
        {
            await Task.Delay(250);
            status = (await client.GetAsync(new Uri("/v1/customers", UriKind.Relative))).StatusCode;
        }
        while (status != HttpStatusCode.Unauthorized && DateTime.UtcNow < deadline);
        await client.GetAsync(new Uri("/v1/customers", UriKind.Relative)).ExpectProblem(HttpStatusCode.Unauthorized, "api_key_invalid");
    }

    [SqliteFact]
    public async Task Keys_create_needs_exactly_one_scope()
    {
        var neither = await FolioProcess.Run(_directory, "keys", "create", "--database", Database);
        Assert.NotEqual(0, neither.ExitCode);
        Assert.DoesNotContain(neither.Output.Split('\n'), l => l.StartsWith("folio_sk_", StringComparison.Ordinal));
        var unknownOrganization = await FolioProcess.Run(_directory, "keys", "create", "--organization", Guid.NewGuid().ToString(), "--database", Database);
        Assert.Equal(1, unknownOrganization.ExitCode);
        Assert.Contains("organization", unknownOrganization.Error, StringComparison.OrdinalIgnoreCase);
    }
}
