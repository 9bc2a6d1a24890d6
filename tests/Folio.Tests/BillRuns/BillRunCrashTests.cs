using System.Data.Common;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Folio.Tests.Catalog;
using Folio.Tests.Subscriptions;
using Folio.Tests.Support;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Folio.Tests.BillRuns;

/// <summary>
/// A real <c>folio bill-run</c> killed with SIGKILL part way, several times over, and then run to the end, leaves each due
/// period invoiced exactly once, gapless numbers and balanced books, on SQLite and, in the PostgreSQL pass, on PostgreSQL.
/// </summary>
public sealed class BillRunCrashTests : IDisposable
{
    private const int Customers = 20;
    private const int Subscriptions = 300;
    private const int Kills = 3;
    private const string PageSize = "1";

    private readonly string _directory = Directory.CreateTempSubdirectory("folio-bill-run-crash-").FullName;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task A_bill_run_killed_at_random_moments_is_finished_by_the_next_with_every_due_period_invoiced_once()
    {
        await using var books = ProcessDatabase.In(_directory, "billcrash");
        var database = books.Setting;
        Assert.Equal(0, (await FolioProcess.Run(_directory, "migrate", "--database", database)).ExitCode);
        var key = (await FolioProcess.Run(_directory, "keys", "create", "--admin", "--database", database)).Output.Trim();
        var asOf = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds());

        await using var server = FolioProcess.Start(_directory, "serve", "--urls", "http://127.0.0.1:0", "--database", database);
        using var client = new HttpClient { BaseAddress = new Uri(await server.WaitUntilListening()) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        var (subscriptions, creditCustomer) = await SetUp(client, asOf);
        var expected = subscriptions.Sum(s => s.Value);

        var total = 0;
        for (var kill = 0; kill < Kills; kill++)
        {
            // Somewhere early in the remaining work, never all of it. The run goes on only in short slices given to it, and
            // stands still while its progress is counted, so that a stalled test cannot let it finish unseen; most of the
            // work is left as headroom all the same, since a slice can stretch on a loaded machine.
            var before = await CountInvoices(database);
            var target = before + Random.Shared.Next(Math.Max(1, (expected - before) / 40), Math.Max(2, (expected - before) / 12));
            var run = StartPausedBillRun(database, asOf);
            try
            {
                var count = before;
                for (var restarts = 0; (count = await CountInvoices(database)) < target; run.RunFor(TimeSpan.FromMilliseconds(5)))
                {
                    if (run.HasExited && count == before && FolioApp.OnPostgres && restarts++ < 20)
                    {
                        // Refused while PostgreSQL had not yet let go of the killed run's lock (see RunToTheEnd).
                        await run.DisposeAsync();
                        await Task.Delay(250);
                        run = StartPausedBillRun(database, asOf);
                        continue;
                    }

                    Assert.False(run.HasExited, $"The bill run ended before it had invoiced {target} periods ({count} so far).");
                }
            }
            finally
            {
                await run.DisposeAsync(); // SIGKILL
            }

            total = await CountInvoices(database);
            Assert.InRange(total, target, expected - 1);
        }

        // The next run is not held up by the lock of the killed one, and finishes the work.
        var last = await RunToTheEnd(database, asOf);
        Assert.True(last.ExitCode == 0, last.Error + last.Output);
        Assert.Contains($"invoiced {expected - total}, skipped 0, failed 0", last.Output, StringComparison.Ordinal);

        var invoices = await client.Walk("/v1/invoices", 100);
        Assert.Equal(expected, invoices.Count);
        foreach (var (id, periods) in subscriptions)
        {
            var billed = invoices.Where(i => i.Str("subscription_id") == id).Select(i => i.GetProperty("subscription_period").GetInt32()).Order();
            Assert.Equal(Enumerable.Range(0, periods), billed);
            var subscription = await client.Get($"/v1/subscriptions/{id}").Expect(HttpStatusCode.OK);
            Assert.True(
                subscription.TimeOrNull("ended_at") is not null || DateTimeOffset.Parse(subscription.Str("next_bill_at"), CultureInfo.InvariantCulture) > asOf,
                $"Subscription {id} is still due: next_bill_at {subscription.TimeOrNull("next_bill_at")}.");
        }

        // Gapless, unique numbers: {yyyy}-{seq}, one sequence per year.
        foreach (var year in invoices.Select(i => i.Str("number")).GroupBy(n => n[..n.LastIndexOf('-')], StringComparer.Ordinal))
        {
            var sequence = year.Select(n => int.Parse(n[(n.LastIndexOf('-') + 1)..], CultureInfo.InvariantCulture)).Order().ToList();
            Assert.Equal(Enumerable.Range(1, sequence.Count), sequence);
        }

        Assert.All(invoices, i => Assert.Equal(i.Amount("total"), i.Amount("amount_paid") + i.Amount("credit_applied") + i.Amount("amount_remaining")));
        Assert.Contains(invoices, i => i.Amount("credit_applied") > 0);
        foreach (var customer in invoices.Select(i => i.Str("customer_id")).Distinct().Append(creditCustomer).Distinct())
        {
            var ledger = await client.Walk($"/v1/customers/{customer}/balance_transactions", 100);
            var balance = await client.Get($"/v1/customers/{customer}/balance").Expect(HttpStatusCode.OK);
            var balances = balance.GetProperty("balances").EnumerateArray().ToDictionary(b => b.Str("currency"), b => b.Amount("amount"), StringComparer.Ordinal);
            foreach (var currency in ledger.Select(e => e.Str("currency")).Distinct())
            {
                Assert.Equal(ledger.Where(e => e.Str("currency") == currency).Sum(e => e.Amount("amount")), balances.GetValueOrDefault(currency));
            }

            var applied = invoices.Where(i => i.Str("customer_id") == customer).Sum(i => i.Amount("credit_applied"));
            Assert.Equal(-applied, ledger.Where(e => e.Str("type") == "invoice_application").Sum(e => e.Amount("amount")));
        }
    }

    /// <summary>Subscriptions (id, periods due by <paramref name="asOf"/>) in USD, JPY and BHD, some months behind; one customer holds credit.</summary>
    private static async Task<(Dictionary<string, int> Subscriptions, string CreditCustomer)> SetUp(HttpClient client, DateTimeOffset asOf)
    {
        await client.PutAsJsonAsync("/v1/exchange_rates/JPY", new { usd_per_unit = 0.0065m }).Expect(HttpStatusCode.OK);
        await client.PutAsJsonAsync("/v1/exchange_rates/BHD", new { usd_per_unit = 2.65m }).Expect(HttpStatusCode.OK);
        var prices = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["USD"] = await client.RecurringPrice(49_00, "USD"),
            ["JPY"] = await client.RecurringPrice(4_900, "JPY"),
            ["BHD"] = await client.RecurringPrice(18_725, "BHD"),
        };
        var customers = new List<string>();
        for (var i = 0; i < Customers; i++)
        {
            customers.Add((await new Books(client).Organization($"Customer {i}")).Str("id"));
        }

        var creditCustomer = customers[0];
        await client.Post($"/v1/customers/{creditCustomer}/balance_transactions", new { amount = 500_00, currency = "USD", type = "grant", description = "Prepaid" })
            .Expect(HttpStatusCode.Created);

        var subscriptions = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < Subscriptions; i++)
        {
            var currency = (i % 10) switch { 3 => "JPY", 7 => "BHD", _ => "USD" };
            // One in five is three to five months behind; the others one or two periods.
            var start = asOf.AddDays(-(i % 5 == 0 ? Random.Shared.Next(70, 150) : Random.Shared.Next(0, 45))).AddMinutes(-Random.Shared.Next(1, 600));
            if (start.Day > 28)
            {
                // Month ends shift anchors; they have tests of their own.
                start = start.AddDays(28 - start.Day);
            }

            var created = await client.Subscribe(customers[i % Customers], prices[currency], extra: new { start_at = SubscriptionCalls.Time(start) });
            subscriptions[created.Str("id")] = Enumerable.Range(0, 12).Count(k => DateTimeOffset.Parse(SubscriptionCalls.Time(start), CultureInfo.InvariantCulture).AddMonths(k) <= asOf);
        }

        return (subscriptions, creditCustomer);
    }

    /// <summary>A bill run paused at once, that commits each subscription alone (pages of <see cref="PageSize"/>): kills land all along the work.</summary>
    private FolioProcess StartPausedBillRun(string database, DateTimeOffset asOf)
    {
        var run = FolioProcess.Start(
            _directory, new Dictionary<string, string> { ["Folio__BillRuns__BatchSize"] = PageSize }, "bill-run", "--as-of", SubscriptionCalls.Time(asOf), "--database", database);
        run.Pause();
        return run;
    }

    /// <summary>
    /// The run after a kill. On SQLite the lease of the killed process is taken over at once. On PostgreSQL the server
    /// lets go of the advisory lock once it sees the connection drop, which may take a moment: an operator who gets
    /// "in progress" then tries again, as this does.
    /// </summary>
    private async Task<(int ExitCode, string Output, string Error)> RunToTheEnd(string database, DateTimeOffset asOf)
    {
        for (var attempt = 0; ; attempt++)
        {
            var run = await FolioProcess.Run(_directory, "bill-run", "--as-of", SubscriptionCalls.Time(asOf), "--database", database);
            if (run.ExitCode != 1 || !FolioApp.OnPostgres || attempt == 20 || !run.Error.Contains("in progress", StringComparison.Ordinal))
            {
                return run;
            }

            await Task.Delay(250);
        }
    }

    private static async Task<int> CountInvoices(string database)
    {
        await using DbConnection connection = FolioApp.OnPostgres
            ? new NpgsqlConnection(database)
            : new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = database, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM invoices";
        return Convert.ToInt32(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }
}
