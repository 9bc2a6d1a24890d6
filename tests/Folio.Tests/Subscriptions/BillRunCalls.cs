using System.Net;
using System.Text.Json;
using Folio.Tests.Catalog;
using Folio.Tests.Support;

namespace Folio.Tests.Subscriptions;

public static class BillRunCalls
{
    public static Task<JsonElement> BillRun(this HttpClient admin, DateTimeOffset? asOf = null) =>
        admin.Post("/v1/bill_runs", asOf is { } at ? new { as_of = SubscriptionCalls.Time(at) } : new { }).Expect(HttpStatusCode.Created);

    /// <summary>The invoices of a customer, oldest first.</summary>
    public static async Task<List<JsonElement>> InvoicesOf(this HttpClient admin, string customerId)
    {
        var invoices = await admin.Walk($"/v1/invoices?customer_id={customerId}", 100);
        invoices.Reverse();
        return invoices;
    }

    public static string Date(this JsonElement element, string name) => element.Str(name)[..10];
}
