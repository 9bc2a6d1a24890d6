using System.Net;
using Folio.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Folio.Tests.Idempotency;

/// <summary>Twenty requests at once with one key make one change; the others get its answer or 409.</summary>
public sealed class IdempotencyConcurrencyTests(FolioApp app) : IClassFixture<FolioApp>
{
    private const int Requests = 20;

    [Fact]
    public async Task Twenty_customers_at_once_with_one_key_create_one()
    {
        var name = $"Initech {Guid.NewGuid():N}";
        var key = Keyed.NewKey();
        var answers = await Together(() => Keyed.Post(app.Admin(), "/v1/customers", Keyed.CustomerJson(name), key));

        Assert.Equal(1, await app.Query(db => db.Customers.CountAsync(c => c.Name == name)));
        await AssertOneChangeAnswered(answers, HttpStatusCode.Created);
    }

    [Fact]
    public async Task Twenty_payments_at_once_with_one_key_pay_once()
    {
        var books = app.Books();
        var invoice = (await books.Open((await books.Organization()).Str("id"))).Str("id");
        var key = Keyed.NewKey();
        var answers = await Together(() => Keyed.Post(app.Admin(), $"/v1/invoices/{invoice}/pay", """{"amount":100,"method":"card"}""", key));

        var invoiceId = Guid.Parse(invoice);
        Assert.Equal(1, await app.Query(db => db.Payments.CountAsync(p => p.InvoiceId == invoiceId)));
        await AssertOneChangeAnswered(answers, HttpStatusCode.Created);
    }

    private static async Task<HttpResponseMessage[]> Together(Func<Task<HttpResponseMessage>> send)
    {
        using var start = new ManualResetEventSlim();
        var requests = Enumerable.Range(0, Requests).Select(_ => Task.Run(async () =>
        {
            start.Wait();
            return await send();
        })).ToArray();
        start.Set();
        return await Task.WhenAll(requests);
    }

    /// <summary>Exactly one first answer; every other is its replay, byte for byte, or 409 idempotency_key_in_use.</summary>
    private static async Task AssertOneChangeAnswered(HttpResponseMessage[] answers, HttpStatusCode status)
    {
        var first = Assert.Single(answers, a => a.StatusCode == status && !a.Replayed());
        foreach (var answer in answers.Where(a => a != first))
        {
            if (answer.StatusCode == HttpStatusCode.Conflict)
            {
                await Task.FromResult(answer).ExpectProblem(HttpStatusCode.Conflict, "idempotency_key_in_use", "Idempotency-Key");
            }
            else
            {
                await Keyed.AssertReplayOf(first, answer);
            }
        }
    }
}
