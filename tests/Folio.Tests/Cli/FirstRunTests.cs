using System.Net;
using System.Net.Http.Headers;
using Folio.Tests.Support;

namespace Folio.Tests.Cli;

/// <summary>The README's first command, run as a new user runs it: a fresh directory, no configuration.</summary>
public sealed class FirstRunTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("folio-first-run-").FullName;

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    [SqliteFact]
    public async Task Serve_demo_creates_the_database_loads_the_demo_once_and_prints_a_working_admin_key()
    {
        string firstKey;
        int invoiceCount;
        await using (var server = FolioProcess.Start(_directory, "serve", "--demo", "--urls", "http://127.0.0.1:0"))
        {
            var url = await server.WaitUntilListening();
            firstKey = KeyFrom(await server.WaitForLine(l => l.StartsWith("Admin API key", StringComparison.Ordinal)));
            using var client = new HttpClient { BaseAddress = new Uri(url) };
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", firstKey);

            var page = await client.GetAsync(new Uri("/v1/invoices?limit=100", UriKind.Relative)).Expect(HttpStatusCode.OK);
            var invoices = page.GetProperty("data").EnumerateArray().ToList();
            invoiceCount = invoices.Count;
            Assert.Equal(
                new[] { "draft", "open", "paid", "uncollectible", "void" },
                invoices.Select(i => i.Str("status")).Distinct().Order(StringComparer.Ordinal));
            Assert.Equal(new[] { "BHD", "EUR", "JPY", "USD" }, invoices.Select(i => i.Str("currency")).Distinct().Order(StringComparer.Ordinal));
            Assert.Contains(invoices, i => i.GetProperty("past_due").GetBoolean());
            Assert.Contains(invoices, i => i.GetProperty("muted").GetBoolean());
            Assert.Contains(invoices, i => i.Str("status") == "open" && i.Amount("amount_paid") > 0 && i.Amount("amount_remaining") > 0);
            Assert.Contains(invoices, i => i.Amount("credit_applied") > 0);
            Assert.All(invoices, i => Assert.Equal(i.Amount("total") - i.Amount("credit_applied") - i.Amount("amount_paid"), i.Amount("amount_remaining")));
            Assert.True(File.Exists(Path.Combine(_directory, "data", "folio.db")));
        }

        await using (var again = FolioProcess.Start(_directory, "serve", "--demo", "--urls", "http://127.0.0.1:0"))
        {
            var url = await again.WaitUntilListening();
            var secondKey = KeyFrom(await again.WaitForLine(l => l.StartsWith("Admin API key", StringComparison.Ordinal)));
            Assert.NotEqual(firstKey, secondKey);
            using var client = new HttpClient { BaseAddress = new Uri(url) };
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secondKey);
            var page = await client.GetAsync(new Uri("/v1/invoices?limit=100", UriKind.Relative)).Expect(HttpStatusCode.OK);
            Assert.Equal(invoiceCount, page.GetProperty("data").GetArrayLength());

            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", firstKey);
            await client.GetAsync(new Uri("/v1/invoices", UriKind.Relative)).ExpectProblem(HttpStatusCode.Unauthorized, "api_key_invalid");
        }
    }

    private static string KeyFrom(string line) => line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[^1];
}
