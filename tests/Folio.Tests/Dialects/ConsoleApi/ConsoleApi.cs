using System.Net;
using System.Text.Json;
using Folio.Tests.Support;

namespace Folio.Tests.Dialects.ConsoleApi;

/// <summary>Calls of the console API dialect and the books it reads, shared by its test classes.</summary>
internal static class ConsoleApi
{
    public static Task<HttpResponseMessage> GetUnpaid(this HttpClient client, string? organizationId = null) =>
        client.GetAsync(new Uri(organizationId is null ? "/invoices/nopaid" : $"/invoices/nopaid?idOrganization={Uri.EscapeDataString(organizationId)}", UriKind.Relative));

    public static async Task<List<JsonElement>> Unpaid(this HttpClient client, string? organizationId = null)
    {
        var body = await client.GetUnpaid(organizationId).Expect(HttpStatusCode.OK);
        Assert.Equal(JsonValueKind.Array, body.ValueKind);
        return [.. body.EnumerateArray()];
    }

    /// <summary>The organization object of the answer; the organization needs an unpaid invoice for the answer to carry it.</summary>
    public static async Task<JsonElement> Organization(this HttpClient admin, string organizationId) =>
        (await admin.Unpaid(organizationId))[0].GetProperty("organization");

    /// <summary>A finalized USD invoice of one line, due in <paramref name="days"/> days.</summary>
    public static async Task<JsonElement> OpenDueIn(this Books books, string customerId, int days, long amount = 10_000, string currency = "USD")
    {
        var draft = await books.Client.Post("/v1/invoices", new { customer_id = customerId, currency, days_until_due = days, items = new[] { new { description = "Service", unit_amount = amount } } })
            .Expect(HttpStatusCode.Created);
        return await books.Finalize(draft.Str("id"));
    }

    public static List<string> Ids(this IEnumerable<JsonElement> invoices) => [.. invoices.Select(i => i.Str("id"))];

    public static decimal Dollars(this JsonElement element, string name) => element.GetProperty(name).GetDecimal();

    public static DateTimeOffset? Time(this JsonElement element, string name) =>
        element.GetProperty(name).ValueKind == JsonValueKind.Null ? null : element.GetProperty(name).GetDateTimeOffset();
}
