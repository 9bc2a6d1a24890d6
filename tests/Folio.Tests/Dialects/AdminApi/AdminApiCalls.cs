using System.Net;
using System.Text.Json;
using Folio.Tests.Support;

namespace Folio.Tests.Dialects.AdminApi;

/// <summary>Calls of the admin dialect, as its SDK makes them.</summary>
internal static class AdminApiCalls
{
    public static Task<HttpResponseMessage> AdminList(this HttpClient client, string query) =>
        client.GetAsync(new Uri($"/admin/v1/invoices?{query}", UriKind.Relative));

    public static Task<JsonElement> AdminPage(this HttpClient client, string query) => client.AdminList(query).Expect(HttpStatusCode.OK);

    public static Task<HttpResponseMessage> AdminGet(this HttpClient client, string invoiceId, string query = "") =>
        client.GetAsync(new Uri($"/admin/v1/invoices/{invoiceId}{(query.Length == 0 ? string.Empty : "?" + query)}", UriKind.Relative));

    public static Task<JsonElement> AdminInvoice(this HttpClient client, string invoiceId, string query = "") =>
        client.AdminGet(invoiceId, query).Expect(HttpStatusCode.OK);

    public static List<JsonElement> Invoices(this JsonElement page) => [.. page.GetProperty("invoices").EnumerateArray()];

    public static List<string> InvoiceIds(this JsonElement page) => [.. page.Invoices().Select(i => i.Str("id"))];

    /// <summary>A draft with the header fields the seed shows (description, service period) and a due date in days.</summary>
    public static Task<JsonElement> DetailedDraft(this Books books, string customerId, string currency = "USD", int daysUntilDue = 30, params object[] items) =>
        books.Client.Post("/v1/invoices", new
        {
            customer_id = customerId,
            currency,
            description = "Robot arm rental",
            period_start = "2026-02-01T00:00:00Z",
            period_end = "2026-03-01T00:00:00Z",
            days_until_due = daysUntilDue,
            items = items.Length == 0 ? [new { description = "Rental", unit_amount = 10_000 }] : items,
        }).Expect(HttpStatusCode.Created);
}
