using System.Net;
using System.Text.Json;

namespace Folio.Tests.Support;

/// <summary>Short ways to put facts in the books through the public API, as an admin.</summary>
public sealed class Books(HttpClient admin)
{
    public HttpClient Client => admin;

    public Task<JsonElement> Organization(string name = "Acme Robotics") =>
        admin.Post("/v1/customers", new { kind = "organization", name, email = "billing@acme.example", address = new { line1 = "42 West St", city = "Brooklyn", region = "NY", postal_code = "11222", country = "US" } })
            .Expect(HttpStatusCode.Created);

    public Task<JsonElement> User(string organizationId, string name = "Ada Park") =>
        admin.Post("/v1/customers", new { kind = "user", name, organization_id = organizationId, email = "ada@acme.example" }).Expect(HttpStatusCode.Created);

    public Task<JsonElement> Draft(string customerId, string currency = "USD", params object[] items) =>
        admin.Post("/v1/invoices", new { customer_id = customerId, currency, items = items.Length == 0 ? [new { description = "Service", unit_amount = 10_000 }] : items })
            .Expect(HttpStatusCode.Created);

    public Task<JsonElement> Finalize(string invoiceId) => admin.Post($"/v1/invoices/{invoiceId}/finalize").Expect(HttpStatusCode.OK);

    public async Task<JsonElement> Open(string customerId, string currency = "USD", params object[] items) =>
        await Finalize((await Draft(customerId, currency, items)).Str("id"));

    public Task<JsonElement> Pay(string invoiceId, long amount, object? extra = null) =>
        admin.Post($"/v1/invoices/{invoiceId}/pay", extra ?? new { amount, method = "bank_transfer" }).Expect(HttpStatusCode.Created);

    public async Task<string> OrganizationKey(string organizationId) =>
        (await admin.Post("/v1/api_keys", new { scope = "organization", organization_id = organizationId }).Expect(HttpStatusCode.Created)).Str("secret");
}
