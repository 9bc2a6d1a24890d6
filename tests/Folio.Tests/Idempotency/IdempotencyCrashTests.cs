using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using Folio.Tests.Support;

namespace Folio.Tests.Idempotency;

/// <summary>
/// A real server killed in the middle of a stream of keyed payments: after a restart, sending every payment again with its
/// key books each exactly once, and a payment confirmed before the kill is replayed as it was confirmed. A payment in flight
/// at the kill was either committed with its key (replayed now) or not at all (booked now).
/// </summary>
public sealed class IdempotencyCrashTests : IDisposable
{
    private const int Invoices = 20;
    private const int Payments = 400;
    private const long PaymentAmount = 1_00;

    private readonly string _directory = Directory.CreateTempSubdirectory("folio-idempotency-crash-").FullName;

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task Retrying_every_payment_after_a_kill_books_each_once()
    {
        await using var books = ProcessDatabase.In(_directory, "crash");
        var database = books.Setting;
        Assert.Equal(0, (await FolioProcess.Run(_directory, "migrate", "--database", database)).ExitCode);
        var key = (await FolioProcess.Run(_directory, "keys", "create", "--admin", "--database", database)).Output.Trim();

        var confirmed = new ConcurrentDictionary<int, byte[]>();
        var invoices = new List<string>();
        var killAfter = Random.Shared.Next(50, 350);
        var server = FolioProcess.Start(_directory, "serve", "--urls", "http://127.0.0.1:0", "--database", database);
        await using (server)
        {
            using var client = Client(await server.WaitUntilListening(), key);
            var customer = (await new Books(client).Organization()).Str("id");
            for (var i = 0; i < Invoices; i++)
            {
                invoices.Add((await new Books(client).Open(customer, "USD", new { description = "Service", unit_amount = Payments * PaymentAmount })).Str("id"));
            }

            var next = -1;
            var answered = 0;
            using var killed = new CancellationTokenSource();
            async Task Worker()
            {
                int index;
                while (!killed.IsCancellationRequested && (index = Interlocked.Increment(ref next)) < Payments)
                {
                    try
                    {
                        using var response = await Pay(client, invoices, index, killed.Token);
                        if (response.StatusCode == HttpStatusCode.Created)
                        {
                            confirmed[index] = await response.Content.ReadAsByteArrayAsync(killed.Token);
                        }

                        if (Interlocked.Increment(ref answered) == killAfter)
                        {
                            // SIGKILL: requests in flight get no answer, whether or not they committed.
                            await server.DisposeAsync();
                            await killed.CancelAsync();
                        }
                    }
                    catch (Exception e) when (e is HttpRequestException or OperationCanceledException)
                    {
                        // No answer: the retry below finds out.
                    }
                }
            }

            await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(Worker)));
            Assert.True(killed.IsCancellationRequested, "The server was never killed.");
        }

        await using var restarted = FolioProcess.Start(_directory, "serve", "--urls", "http://127.0.0.1:0", "--database", database);
        using var retrier = Client(await restarted.WaitUntilListening(), key);
        for (var index = 0; index < Payments; index++)
        {
            using var response = await Pay(retrier, invoices, index, default);
            var body = await response.Content.ReadAsByteArrayAsync();
            Assert.True(response.StatusCode == HttpStatusCode.Created, $"Payment {index}: {(int)response.StatusCode} {System.Text.Encoding.UTF8.GetString(body)}");
            if (confirmed.TryGetValue(index, out var before))
            {
                Assert.True(response.Replayed(), $"Payment {index} was confirmed before the kill but booked again.");
                Assert.Equal(before, body);
            }
        }

        var references = new List<string>();
        foreach (var invoice in invoices)
        {
            var payments = (await retrier.GetAsync(new Uri($"/v1/invoices/{invoice}/payments", UriKind.Relative)).Expect(HttpStatusCode.OK)).GetProperty("data");
            references.AddRange(payments.EnumerateArray().Select(p => p.Str("reference")));
        }

        Assert.Equal(Payments, references.Count);
        Assert.Equal(Payments, references.Distinct().Count());
    }

    private static Task<HttpResponseMessage> Pay(HttpClient client, List<string> invoices, int index, CancellationToken cancellationToken)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/v1/invoices/{invoices[index % invoices.Count]}/pay")
        {
            Content = new StringContent($$"""{"amount":{{PaymentAmount}},"method":"card","reference":"crash-{{index}}"}""", System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("Idempotency-Key", $"payment-{index}");
        return client.SendAsync(request, cancellationToken);
    }

    private static HttpClient Client(string url, string key)
    {
        var client = new HttpClient { BaseAddress = new Uri(url) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return client;
    }
}
