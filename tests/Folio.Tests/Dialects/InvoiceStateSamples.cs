using System.Net;
using Folio.Tests.Support;

namespace Folio.Tests.Dialects;

/// <summary>One invoice of a customer in each state a dialect has to render, keyed by the state's name.</summary>
public static class InvoiceStateSamples
{
    public static readonly string[] States = ["draft", "open", "past_due", "partially_paid", "paid", "void", "uncollectible", "muted"];

    /// <summary>Every invoice is USD 100.00; the past-due one fell due three days before <paramref name="now"/>.</summary>
    public static async Task<Dictionary<string, string>> Create(Books books, string customerId, DateTimeOffset now)
    {
        var admin = books.Client;
        var ids = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["draft"] = (await books.Draft(customerId)).Str("id"),
            ["open"] = (await books.Open(customerId)).Str("id"),
        };

        var lateDraft = await admin.Post("/v1/invoices", new
        {
            customer_id = customerId,
            currency = "USD",
            due_at = now.AddDays(-3),
            items = new[] { new { description = "Service", unit_amount = 10_000 } },
        }).Expect(HttpStatusCode.Created);
        var late = await books.Finalize(lateDraft.Str("id"));
        Assert.True(late.GetProperty("past_due").GetBoolean());
        ids["past_due"] = late.Str("id");

        ids["partially_paid"] = (await books.Open(customerId)).Str("id");
        await books.Pay(ids["partially_paid"], 4_000);
        ids["paid"] = (await books.Open(customerId)).Str("id");
        await books.Pay(ids["paid"], 10_000);
        ids["void"] = (await books.Open(customerId)).Str("id");
        await admin.Post($"/v1/invoices/{ids["void"]}/void").Expect(HttpStatusCode.OK);
        ids["uncollectible"] = (await books.Open(customerId)).Str("id");
        await admin.Post($"/v1/invoices/{ids["uncollectible"]}/mark_uncollectible").Expect(HttpStatusCode.OK);
        ids["muted"] = (await books.Open(customerId)).Str("id");
        await admin.Post($"/v1/invoices/{ids["muted"]}/mute").Expect(HttpStatusCode.OK);
        return ids;
    }
}
