using System.Net;
using System.Net.Http.Headers;
using Folio.Tests.Catalog;
using Folio.Tests.Subscriptions;
using Folio.Tests.Support;

namespace Folio.Tests.Cli;

public sealed class BillRunCommandTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("folio-bill-run-").FullName;

    private string Database => Path.Combine(_directory, "books.db");

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    [SqliteFact]
    public async Task The_cli_bill_run_invoices_the_due_periods_once_and_reports_them()
    {
        var key = (await FolioProcess.Run(_directory, "keys", "create", "--admin", "--database", Database)).Output.Trim();
        await using var server = FolioProcess.Start(_directory, "serve", "--urls", "http://127.0.0.1:0", "--database", Database);
        using var client = new HttpClient { BaseAddress = new Uri(await server.WaitUntilListening()) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        var customer = (await new Books(client).Organization()).Str("id");
        var price = await client.RecurringPrice(15_00);
        var subscription = (await client.Subscribe(customer, price, extra: new { start_at = SubscriptionCalls.Time(DateTimeOffset.UtcNow.AddDays(-40)) })).Str("id");

        var future = await FolioProcess.Run(_directory, "bill-run", "--as-of", "2999-01-01T00:00:00Z", "--database", Database);
        Assert.Equal((1, true), (future.ExitCode, future.Error.Contains("future", StringComparison.Ordinal)));

        var run = await FolioProcess.Run(_directory, "bill-run", "--database", Database);
        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Matches(@"due 2, invoiced 2, skipped 0, failed 0", run.Output);
        var again = await FolioProcess.Run(_directory, "bill-run", "--database", Database);
        Assert.Matches(@"due 0, invoiced 0, skipped 0, failed 0", again.Output);

        var invoices = await client.InvoicesOf(customer);
        Assert.Equal([0, 1], invoices.Select(i => i.GetProperty("subscription_period").GetInt32()));
        Assert.All(invoices, i => Assert.Equal((subscription, "open"), (i.Str("subscription_id"), i.Str("status"))));
        await client.Get($"/v1/subscriptions/{subscription}").Expect(HttpStatusCode.OK);
    }
}
