using System.Net;
using System.Net.Http.Headers;
using Folio.Tests.Support;

namespace Folio.Tests.Cli;

public sealed class CopyCommandTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("folio-copy-").FullName;

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task A_copy_serves_the_same_books_to_the_same_keys_and_a_second_copy_is_refused()
    {
        // From SQLite to the engine of the pass: a SQLite file, or PostgreSQL in the PostgreSQL pass.
        var source = Path.Combine(_directory, "books.db");
        await using var target = ProcessDatabase.In(_directory, "copy");
        var copy = target.Setting;
        var key = (await FolioProcess.Run(_directory, "demo", "--database", source)).Output.Trim().Split(' ')[^1];

        var copied = await FolioProcess.Run(_directory, "copy", "--to", copy, "--database", source);
        Assert.True(copied.ExitCode == 0, copied.Error);
        Assert.Contains("match the source", copied.Output, StringComparison.Ordinal);
        var again = await FolioProcess.Run(_directory, "copy", "--to", copy, "--database", source);
        Assert.Equal((1, true), (again.ExitCode, again.Error.Contains("empty", StringComparison.Ordinal)));

        string[] paths = ["/v1/invoices?limit=100", "/v1/customers?limit=100&include_archived=true", "/v1/exchange_rates", "/v1/products?limit=100", "/v1/prices?limit=100", "/admin/v1/invoices?organizationId="];
        var original = await Read(source, key, paths);
        var moved = await Read(copy, key, paths);
        Assert.Equal(original, moved);
    }

    private async Task<List<string>> Read(string database, string key, string[] paths)
    {
        await using var server = FolioProcess.Start(_directory, "serve", "--urls", "http://127.0.0.1:0", "--database", database);
        using var client = new HttpClient { BaseAddress = new Uri(await server.WaitUntilListening()) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        var organizations = await client.GetAsync(new Uri("/v1/customers?kind=organization&limit=100", UriKind.Relative)).Expect(HttpStatusCode.OK);
        var first = organizations.GetProperty("data")[0].Str("id");
        var bodies = new List<string>();
        foreach (var path in paths)
        {
            var response = await client.GetAsync(new Uri(path.EndsWith('=') ? path + first : path, UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            bodies.Add(await response.Content.ReadAsStringAsync());
        }

        return bodies;
    }
}
