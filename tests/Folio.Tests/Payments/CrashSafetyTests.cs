using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Folio.Tests.Support;

namespace Folio.Tests.Payments;

/// <summary>
/// A real server killed with SIGKILL in the middle of a stream of payments loses none it confirmed and books none twice,
/// on SQLite and, in the PostgreSQL pass, on PostgreSQL.
/// </summary>
public sealed class CrashSafetyTests : IDisposable
{
    private const int Invoices = 50;
    private const int Payments = 1_000;
    private const long InvoiceAmount = 100_00;
    private const long PaymentAmount = 1_00;

    private readonly string _directory = Directory.CreateTempSubdirectory("folio-crash-").FullName;

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task Every_payment_answered_201_survives_a_kill_and_every_invoice_still_balances()
    {
        await using var books = ProcessDatabase.In(_directory, "crash");
        var database = books.Setting;
        Assert.Equal(0, (await FolioProcess.Run(_directory, "migrate", "--database", database)).ExitCode);
        var key = (await FolioProcess.Run(_directory, "keys", "create", "--admin", "--database", database)).Output.Trim();

        var confirmed = new ConcurrentBag<(string Invoice, string Payment)>();
        List<string> invoices;
        var killAfter = Random.Shared.Next(100, 900);
        var server = FolioProcess.Start(_directory, "serve", "--urls", "http://127.0.0.1:0", "--database", database);
        await using (server)
        {
            using var client = Client(await server.WaitUntilListening(), key);
            var customer = (await new Books(client).Organization()).Str("id");
            invoices = [];
            for (var i = 0; i < Invoices; i++)
            {
                invoices.Add((await new Books(client).Open(customer, "USD", new { description = "Service", unit_amount = InvoiceAmount })).Str("id"));
            }

            var next = -1;
            var answered = 0;
            using var killed = new CancellationTokenSource();
            async Task Worker()
            {
                int index;
                while (!killed.IsCancellationRequested && (index = Interlocked.Increment(ref next)) < Payments)
                {
                    var invoice = invoices[index % Invoices];
                    try
                    {
                        using var response = await client.PostAsJsonAsync(
                            $"/v1/invoices/{invoice}/pay", new { amount = PaymentAmount, method = "card", reference = $"crash-{index}" }, killed.Token);
                        if (response.StatusCode == HttpStatusCode.Created)
                        {
                            var receipt = await response.Json();
                            confirmed.Add((invoice, receipt.GetProperty("payment").Str("id")));
                        }

                        if (Interlocked.Increment(ref answered) == killAfter)
                        {
                            // SIGKILL: no shutdown, no flush; requests in flight get no answer.
                            await server.DisposeAsync();
                            await killed.CancelAsync();
                        }
                    }
                    catch (Exception e) when (e is HttpRequestException or OperationCanceledException)
                    {
                        // No answer: the client cannot know whether this payment was booked, so the test does not count it.
                    }
                }
            }

            await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(Worker)));
            Assert.True(killed.IsCancellationRequested, "The server was never killed.");
        }

        Assert.True(confirmed.Count >= killAfter - 8, $"Only {confirmed.Count} payments were confirmed before the kill at {killAfter} answers.");

        await using var restarted = FolioProcess.Start(_directory, "serve", "--urls", "http://127.0.0.1:0", "--database", database);
        using var reader = Client(await restarted.WaitUntilListening(), key);
        var booked = new List<string>();
        var references = new List<string>();
        foreach (var invoice in invoices)
        {
            var state = await reader.GetAsync(new Uri($"/v1/invoices/{invoice}", UriKind.Relative)).Expect(HttpStatusCode.OK);
            var payments = (await reader.GetAsync(new Uri($"/v1/invoices/{invoice}/payments", UriKind.Relative)).Expect(HttpStatusCode.OK))
                .GetProperty("data").EnumerateArray().ToList();
            booked.AddRange(payments.Select(p => p.Str("id")));
            references.AddRange(payments.Select(p => p.Str("reference")));

            Assert.Equal(payments.Sum(p => p.Amount("amount")), state.Amount("amount_paid"));
            Assert.Equal(state.Amount("total"), state.Amount("amount_paid") + state.Amount("amount_remaining") + state.Amount("credit_applied"));
        }

        Assert.All(confirmed, c => Assert.Contains(c.Payment, booked));
        Assert.Equal(references.Count, references.Distinct(StringComparer.Ordinal).Count());
    }

    private static HttpClient Client(string url, string key)
    {
        var client = new HttpClient { BaseAddress = new Uri(url) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return client;
    }
}
