using System.Data.Common;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using Folio.Tests.Subscriptions;
using Folio.Tests.Support;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Folio.Tests.Cli;

public sealed class CopyCommandTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("folio-copy-").FullName;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
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
        var subscriptions = await Subscribe(source, key);
        var billRun = await FolioProcess.Run(_directory, "bill-run", "--database", source);
        Assert.True(billRun.ExitCode == 0, billRun.Error);
        var billRunId = billRun.Output.Split(' ')[2];

        var copied = await FolioProcess.Run(_directory, "copy", "--to", copy, "--database", source);
        Assert.True(copied.ExitCode == 0, copied.Error);
        Assert.Contains("match the source", copied.Output, StringComparison.Ordinal);
        var again = await FolioProcess.Run(_directory, "copy", "--to", copy, "--database", source);
        Assert.Equal((1, true), (again.ExitCode, again.Error.Contains("empty", StringComparison.Ordinal)));

        Assert.Matches(@"[1-9]\d* subscriptions \([1-9]\d* items\) and [1-9]\d* bill runs", copied.Output);
        string[] paths = [
            "/v1/invoices?limit=100", "/v1/customers?limit=100&include_archived=true", "/v1/exchange_rates", "/v1/products?limit=100", "/v1/prices?limit=100",
            "/admin/v1/invoices?organizationId=", "/v1/subscriptions?limit=100", $"/v1/bill_runs/{billRunId}",
            .. subscriptions.SelectMany(s => new[] { $"/v1/subscriptions/{s}", $"/v1/subscriptions/{s}/upcoming_invoice" }),
        ];
        var original = await Read(source, key, paths);
        var moved = await Read(copy, key, paths);
        Assert.Equal(original, moved);
    }

    [Fact]
    public async Task A_copy_of_books_holding_text_Folio_no_longer_accepts_is_refused_naming_each_value_and_writes_nothing()
    {
        // The same refusal into a SQLite file as into PostgreSQL: the rule is Folio's, not the target engine's.
        var source = Path.Combine(_directory, "books.db");
        await using var target = ProcessDatabase.In(_directory, "copy");
        Assert.Equal(0, (await FolioProcess.Run(_directory, "demo", "--database", source)).ExitCode);
        string[] refused = [
            await Spoil(source, "customers", "name", "substr(name, 1, 2) || char(0) || substr(name, 3)", at: 2),
            await Spoil(source, "invoice_items", "description", "char(0) || description", at: 0),
            await Spoil(source, "invoices", "bill_to_name", "'Bill' || char(0) || ' Payer'", at: 4),
            await Spoil(source, "products", "metadata", "'{\"plan\":\"pro' || char(0) || '\"}'", at: 12),
        ];

        var copy = await FolioProcess.Run(_directory, "copy", "--to", target.Setting, "--database", source);

        Assert.Equal(1, copy.ExitCode);
        Assert.Contains("Nothing was copied: 4 values in the source hold text", copy.Error, StringComparison.Ordinal);
        Assert.All(refused, line => Assert.Contains(line, copy.Error, StringComparison.Ordinal));
        Assert.DoesNotContain('\0', copy.Error);
        Assert.Equal([0, 0, 0, 0, 0, 0, 0], await Count(target.Setting, "customers", "invoices", "invoice_items", "payments", "products", "prices", "api_keys"));
    }

    [Fact]
    public async Task Once_the_refused_value_is_corrected_in_the_source_the_copy_goes_through()
    {
        var source = Path.Combine(_directory, "books.db");
        await using var target = ProcessDatabase.In(_directory, "copy");
        var key = (await FolioProcess.Run(_directory, "demo", "--database", source)).Output.Trim().Split(' ')[^1];
        var refused = await Spoil(source, "customers", "company", "'Acme' || char(0)", at: 4);
        var first = await FolioProcess.Run(_directory, "copy", "--to", target.Setting, "--database", source);
        Assert.Equal((1, true), (first.ExitCode, first.Error.Contains(refused, StringComparison.Ordinal)));

        // As the refusal advises: a PATCH of that object, with the server on the source.
        await using (var server = FolioProcess.Start(_directory, "serve", "--urls", "http://127.0.0.1:0", "--database", source))
        {
            using var client = new HttpClient { BaseAddress = new Uri(await server.WaitUntilListening()) };
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
            await client.Patch($"/v1/customers/{refused.Split(' ')[1]}", new { company = "Acme" }).Expect(HttpStatusCode.OK);
        }

        var second = await FolioProcess.Run(_directory, "copy", "--to", target.Setting, "--database", source);

        Assert.True(second.ExitCode == 0, second.Error);
        Assert.Contains("match the source", second.Output, StringComparison.Ordinal);
    }

    /// <summary>
    /// Sets one row's column to <paramref name="expression"/> with SQL, as books written before Folio refused the NUL
    /// character may hold it; returns the line the refusal names it by.
    /// </summary>
    private static async Task<string> Spoil(string database, string table, string column, string expression, int at)
    {
        var id = await Execute(database, $"UPDATE {table} SET {column} = {expression} WHERE id = (SELECT min(id) FROM {table}) RETURNING id");
        return $"{table} {Guid.Parse(id!)} {column}: U+0000 at {at}";
    }

    private static async Task<string?> Execute(string database, string sql)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = database, Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (string?)await command.ExecuteScalarAsync();
    }

    private static async Task<List<long>> Count(string database, params string[] tables)
    {
        await using DbConnection connection = FolioApp.OnPostgres
            ? new NpgsqlConnection(database)
            : new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = database, Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        var counts = new List<long>();
        foreach (var table in tables)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT count(*) FROM {table}";
            counts.Add(Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture));
        }

        return counts;
    }

    /// <summary>Three subscriptions of the first organization: one billed twice already, one with two items, one on trial.</summary>
    private async Task<List<string>> Subscribe(string database, string key)
    {
        await using var server = FolioProcess.Start(_directory, "serve", "--urls", "http://127.0.0.1:0", "--database", database);
        using var client = new HttpClient { BaseAddress = new Uri(await server.WaitUntilListening()) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        var organizations = await client.GetAsync(new Uri("/v1/customers?kind=organization&limit=100", UriKind.Relative)).Expect(HttpStatusCode.OK);
        var customer = organizations.GetProperty("data")[0].Str("id");
        var monthly = await client.RecurringPrice(29_00);
        var seats = await client.RecurringPrice(7_50, product: "Seats");
        var now = DateTimeOffset.UtcNow;
        return [
            (await client.Subscribe(customer, monthly, extra: new { start_at = SubscriptionCalls.Time(now.AddDays(-40)) })).Str("id"),
            (await client.Post("/v1/subscriptions", new { customer_id = customer, items = new object[] { new { price_id = monthly, quantity = 1 }, new { price_id = seats, quantity = 3.5m } } })
                .Expect(HttpStatusCode.Created)).Str("id"),
            (await client.Subscribe(customer, seats, 2, new { trial_end = SubscriptionCalls.Time(now.AddDays(14)) })).Str("id"),
        ];
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
