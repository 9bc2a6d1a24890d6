using System.Net;
using System.Net.Http.Headers;
using Folio.Tests.Support;
using Npgsql;

namespace Folio.Tests.Cli;

/// <summary>The real <c>folio</c> executable pointed at a PostgreSQL server by URI: it creates the database and its schema.</summary>
public sealed class PostgresMigrateTests : IAsyncLifetime
{
    private readonly string _directory = Directory.CreateTempSubdirectory("folio-postgres-cli-").FullName;
    private readonly string _database = $"folio_cli_{Guid.NewGuid():N}";

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        Directory.Delete(_directory, recursive: true);
        if (FolioApp.OnPostgres)
        {
            await using var server = new NpgsqlConnection(FolioApp.PostgresServer);
            await server.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_database} WITH (FORCE)", server);
            await drop.ExecuteNonQueryAsync();
        }
    }

    private async Task<long> KeysIn()
    {
        var books = new NpgsqlConnectionStringBuilder(FolioApp.PostgresServer) { Database = _database };
        await using var connection = new NpgsqlConnection(books.ConnectionString);
        await connection.OpenAsync();
        await using var count = new NpgsqlCommand("SELECT COUNT(*) FROM data_protection_keys", connection);
        return (long)(await count.ExecuteScalarAsync())!;
    }

    [PostgresFact]
    public async Task Migrate_by_uri_creates_the_database_then_keys_and_serve_use_it()
    {
        var server = new NpgsqlConnectionStringBuilder(FolioApp.PostgresServer);
        var uri = $"postgres://{Uri.EscapeDataString(server.Username ?? "postgres")}@{server.Host}:{server.Port}/{_database}";

        var first = await FolioProcess.Run(_directory, "migrate", "--database", uri);
        Assert.Equal(0, first.ExitCode);
        Assert.Contains("Applied", first.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("fail:", first.Output + first.Error, StringComparison.Ordinal);
        Assert.Equal(1, await KeysIn());
        var again = await FolioProcess.Run(_directory, "migrate", "--database", uri);
        Assert.Contains("The database is up to date.", again.Output, StringComparison.Ordinal);
        // The key ring's first key is made by the migration, once, so that servers started together share it.
        Assert.Equal(1, await KeysIn());

        var key = (await FolioProcess.Run(_directory, "keys", "create", "--admin", "--database", uri)).Output.Trim();
        Assert.Matches("^folio_sk_[0-9A-Za-z]{40}$", key);
        await using var serve = FolioProcess.Start(_directory, "serve", "--urls", "http://127.0.0.1:0", "--database", uri);
        using var client = new HttpClient { BaseAddress = new Uri(await serve.WaitUntilListening()) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        await client.GetAsync(new Uri("/readyz", UriKind.Relative)).Expect(HttpStatusCode.OK);
        await client.GetAsync(new Uri("/v1/invoices", UriKind.Relative)).Expect(HttpStatusCode.OK);
        Assert.False(File.Exists(Path.Combine(_directory, "data", "folio.db")), "a PostgreSQL setting must never fall back to a SQLite file");
    }
}
