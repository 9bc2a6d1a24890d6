using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Folio.Tests.Subscriptions;
using Folio.Tests.Support;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Folio.Tests.Audit;

/// <summary>Every route that changes the books writes exactly one audit entry naming the key, with the action and its object.</summary>
public sealed class AuditRouteTests(FolioApp app) : IClassFixture<FolioApp>
{
    private readonly HttpClient _admin = app.Admin();
    private readonly Dictionary<string, string> _ids = [];

    /// <summary>A route, the action it records, how to call it, what to remember of its answer, and what it needs first (not counted).</summary>
    private sealed record Step(string Route, string Action, Func<Task<HttpResponseMessage>> Send, Action<JsonElement>? Remember = null, Func<Task>? Setup = null);

    private List<Step> Steps() =>
    [
        new("POST /v1/customers", "customer.create", () => _admin.Post("/v1/customers", new { kind = "organization", name = "Audited" }), r => _ids["customer"] = r.Str("id")),
        new("PATCH /v1/customers/{id}", "customer.update", () => _admin.Patch($"/v1/customers/{_ids["customer"]}", new { name = "Audited Inc" })),
        new("PUT /v1/customers/{id}/billing_profile", "customer.update_billing_profile", () => _admin.PutAsJsonAsync($"/v1/customers/{_ids["customer"]}/billing_profile", new { tier = "gold" })),
        new("POST /v1/customers/{id}/suspend", "customer.suspend", () => _admin.Post($"/v1/customers/{_ids["customer"]}/suspend", new { reason = "Testing" })),
        new("POST /v1/customers/{id}/reactivate", "customer.reactivate", () => _admin.Post($"/v1/customers/{_ids["customer"]}/reactivate")),
        new("POST /v1/customers/{id}/balance_transactions", "customer.adjust_balance",
            () => _admin.Post($"/v1/customers/{_ids["customer"]}/balance_transactions", new { amount = 100, currency = "EUR", type = "grant" })),
        new("POST /v1/invoices", "invoice.create",
            () => _admin.Post("/v1/invoices", new { customer_id = _ids["customer"], currency = "USD", items = new[] { new { description = "Work", unit_amount = 10_000 } } }),
            r => _ids["invoice"] = r.Str("id")),
        new("PATCH /v1/invoices/{id}", "invoice.update", () => _admin.Patch($"/v1/invoices/{_ids["invoice"]}", new { description = "Audited work" })),
        new("POST /v1/invoices/{id}/items", "invoice.add_item", () => _admin.Post($"/v1/invoices/{_ids["invoice"]}/items", new { description = "Extra", unit_amount = 500 }),
            r => _ids["item"] = r.GetProperty("items").EnumerateArray().Last().Str("id")),
        new("DELETE /v1/invoices/{id}/items/{itemId}", "invoice.remove_item", () => _admin.DeleteAsync($"/v1/invoices/{_ids["invoice"]}/items/{_ids["item"]}")),
        new("POST /v1/invoices/{id}/finalize", "invoice.finalize", () => _admin.Post($"/v1/invoices/{_ids["invoice"]}/finalize")),
        new("POST /v1/invoices/{id}/send", "invoice.send", () => _admin.Post($"/v1/invoices/{_ids["invoice"]}/send")),
        new("POST /v1/invoices/{id}/mute", "invoice.mute", () => _admin.Post($"/v1/invoices/{_ids["invoice"]}/mute")),
        new("POST /v1/invoices/{id}/unmute", "invoice.unmute", () => _admin.Post($"/v1/invoices/{_ids["invoice"]}/unmute")),
        new("POST /v1/invoices/{id}/pay", "invoice.pay", () => _admin.Post($"/v1/invoices/{_ids["invoice"]}/pay", new { amount = 100, method = "card" })),
        new("POST /v1/invoices/{id}/mark_uncollectible", "invoice.mark_uncollectible", () => _admin.Post($"/v1/invoices/{_ids["invoice"]}/mark_uncollectible")),
        new("POST /v1/invoices/{id}/void", "invoice.void", () => _admin.Post($"/v1/invoices/{_ids["voided"]}/void"),
            Setup: async () => _ids["voided"] = (await app.Books().Open(_ids["customer"])).Str("id")),
        new("DELETE /v1/invoices/{id}", "invoice.delete", () => _admin.DeleteAsync($"/v1/invoices/{_ids["deleted"]}"),
            Setup: async () => _ids["deleted"] = (await app.Books().Draft(_ids["customer"])).Str("id")),
        new("POST /v1/products", "product.create", () => _admin.Post("/v1/products", new { name = "Audited product" }), r => _ids["product"] = r.Str("id")),
        new("PATCH /v1/products/{id}", "product.update", () => _admin.Patch($"/v1/products/{_ids["product"]}", new { description = "Now described" })),
        new("POST /v1/products/{id}/archive", "product.archive", () => _admin.Post($"/v1/products/{_ids["product"]}/archive")),
        new("POST /v1/products/{id}/unarchive", "product.unarchive", () => _admin.Post($"/v1/products/{_ids["product"]}/unarchive")),
        new("POST /v1/prices", "price.create", () => _admin.Post("/v1/prices", new { product_id = _ids["product"], currency = "USD", unit_amount = 1_000 }), r => _ids["price"] = r.Str("id")),
        new("PATCH /v1/prices/{id}", "price.update", () => _admin.Patch($"/v1/prices/{_ids["price"]}", new { nickname = "Audited" })),
        new("POST /v1/prices/{id}/archive", "price.archive", () => _admin.Post($"/v1/prices/{_ids["price"]}/archive")),
        new("POST /v1/prices/{id}/unarchive", "price.unarchive", () => _admin.Post($"/v1/prices/{_ids["price"]}/unarchive")),
        new("DELETE /v1/prices/{id}", "price.delete", () => _admin.DeleteAsync($"/v1/prices/{_ids["price"]}")),
        new("DELETE /v1/products/{id}", "product.delete", () => _admin.DeleteAsync($"/v1/products/{_ids["product"]}")),
        new("POST /v1/subscriptions", "subscription.create",
            () => _admin.Post("/v1/subscriptions", new { customer_id = _ids["customer"], items = new[] { new { price_id = _ids["recurring"] } } }),
            r => _ids["subscription"] = r.Str("id"),
            async () => _ids["recurring"] = await _admin.RecurringPrice()),
        new("POST /v1/subscriptions/{id}/items", "subscription.change_items",
            () => _admin.Post($"/v1/subscriptions/{_ids["subscription"]}/items", new { items = new[] { new { price_id = _ids["recurring"], quantity = 2 } } })),
        new("POST /v1/subscriptions/{id}/cancel", "subscription.cancel", () => _admin.Post($"/v1/subscriptions/{_ids["subscription"]}/cancel", new { at_period_end = true })),
        new("POST /v1/subscriptions/{id}/resume", "subscription.resume", () => _admin.Post($"/v1/subscriptions/{_ids["subscription"]}/resume")),
        new("POST /v1/bill_runs", "bill_run.create", () => _admin.Post("/v1/bill_runs")),
        new("PUT /v1/exchange_rates/{currency}", "exchange_rate.set", () => _admin.PutAsJsonAsync("/v1/exchange_rates/CHF", new { usd_per_unit = 1.13m })),
        new("DELETE /v1/exchange_rates/{currency}", "exchange_rate.delete", () => _admin.DeleteAsync("/v1/exchange_rates/CHF")),
        new("POST /v1/api_keys", "api_key.create", () => _admin.Post("/v1/api_keys", new { scope = "admin", name = "second" }), r => _ids["key"] = r.Str("id")),
        new("POST /v1/api_keys/{id}/revoke", "api_key.revoke", () => _admin.Post($"/v1/api_keys/{_ids["key"]}/revoke")),
        new("POST /v1/customers/{id}/archive", "customer.archive", () => _admin.Post($"/v1/customers/{_ids["customer"]}/archive")),
        new("POST /v1/webhook_endpoints", "webhook_endpoint.create",
            () => _admin.Post("/v1/webhook_endpoints", new { url = "https://hooks.example.com/folio", enabled_events = new[] { "*" } }), r => _ids["endpoint"] = r.Str("id")),
        new("PATCH /v1/webhook_endpoints/{id}", "webhook_endpoint.update", () => _admin.Patch($"/v1/webhook_endpoints/{_ids["endpoint"]}", new { description = "Audited" })),
        new("POST /v1/webhook_endpoints/{id}/rotate_secret", "webhook_endpoint.rotate_secret",
            () => _admin.Post($"/v1/webhook_endpoints/{_ids["endpoint"]}/rotate_secret", new { previous_secret_expires_in = 0 })),
        new("POST /v1/events/{id}/redeliver", "event.redeliver", () => _admin.Post($"/v1/events/{_ids["event"]}/redeliver", new { endpoint_id = _ids["endpoint"] }),
            Setup: async () => _ids["event"] = (await _admin.GetAsync("/v1/events?limit=1").Expect(HttpStatusCode.OK)).GetProperty("data")[0].Str("id")),
        new("DELETE /v1/webhook_endpoints/{id}", "webhook_endpoint.delete", () => _admin.DeleteAsync($"/v1/webhook_endpoints/{_ids["endpoint"]}")),
    ];

    [Fact]
    public async Task Every_changing_route_writes_exactly_one_entry_naming_the_key()
    {
        var steps = Steps();
        var routes = app.Services.GetServices<EndpointDataSource>().SelectMany(s => s.Endpoints).OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? []).Select(m => $"{m} /{e.RoutePattern.RawText!.Trim('/')}"))
            .Where(r => !r.StartsWith("GET ", StringComparison.Ordinal) && !r.StartsWith("HEAD ", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);
        Assert.Equal(routes, steps.Select(s => s.Route).Order(StringComparer.Ordinal));

        var key = await app.Query(db => db.ApiKeys.SingleAsync(k => k.Name == "tests"));
        foreach (var step in steps)
        {
            if (step.Setup is { } setup)
            {
                await setup();
            }

            var before = await app.Query(db => db.AuditEvents.Where(e => e.ActorKeyId == key.Id).Select(e => e.Id).ToListAsync());
            var response = await step.Send();
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.IsSuccessStatusCode, $"{step.Route}: {(int)response.StatusCode} {body}");
            step.Remember?.Invoke(JsonDocument.Parse(body).RootElement);

            var entry = Assert.Single(await app.Query(db => db.AuditEvents.Where(e => e.ActorKeyId == key.Id && !before.Contains(e.Id)).ToListAsync()));
            Assert.Equal((step.Action, "api_key", "tests"), (entry.Action, entry.ActorType, entry.ActorName));
            Assert.Equal(step.Action.Split('.')[0], entry.ObjectType);
        }
    }

    [Fact]
    public async Task An_entry_says_which_fields_changed_before_and_after_and_the_list_filters_it()
    {
        var customer = (await _admin.Post("/v1/customers", new { kind = "organization", name = "Before" }).Expect(HttpStatusCode.Created)).Str("id");
        await _admin.Patch($"/v1/customers/{customer}", new { name = "After", address = new { city = "Oslo", country = "NO" } }).Expect(HttpStatusCode.OK);

        var page = await _admin.GetAsync($"/v1/audit_events?object_type=customer&object_id={customer}").Expect(HttpStatusCode.OK);
        var entries = page.GetProperty("data").EnumerateArray().ToList();
        Assert.Equal(["customer.update", "customer.create"], entries.Select(e => e.Str("action")));
        var update = entries[0];
        Assert.Equal(("api_key", "tests"), (update.GetProperty("actor").Str("type"), update.GetProperty("actor").Str("name")));
        var changed = Assert.Single(update.GetProperty("changes").EnumerateArray());
        Assert.Equal(("customer", customer, "updated"), (changed.Str("object_type"), changed.Str("object_id"), changed.Str("change")));
        var fields = changed.GetProperty("fields");
        Assert.Equal(("Before", "After"), (fields.GetProperty("name").Str("before"), fields.GetProperty("name").Str("after")));
        Assert.Equal("Oslo", fields.GetProperty("address_city").Str("after"));
        Assert.False(fields.TryGetProperty("created_at", out _));

        var created = entries[1].GetProperty("changes")[0].GetProperty("fields");
        Assert.Equal(JsonValueKind.Null, created.GetProperty("name").GetProperty("before").ValueKind);

        var keyId = update.GetProperty("actor").Str("key_id");
        var byKey = await _admin.GetAsync($"/v1/audit_events?actor={keyId}&limit=1").Expect(HttpStatusCode.OK);
        Assert.Equal(update.Str("id"), byKey.GetProperty("data")[0].Str("id"));
        Assert.Empty((await _admin.GetAsync($"/v1/audit_events?actor=cli&object_id={customer}").Expect(HttpStatusCode.OK)).GetProperty("data").EnumerateArray());
        await _admin.GetAsync("/v1/audit_events?actor=someone").ExpectProblem(HttpStatusCode.BadRequest, "invalid_actor", "actor");

        var organizationKey = app.Client(await app.Books().OrganizationKey(customer));
        await organizationKey.GetAsync("/v1/audit_events").ExpectProblem(HttpStatusCode.Forbidden, "admin_key_required");
    }

    [Fact]
    public async Task A_request_replayed_by_its_idempotency_key_changes_nothing_and_records_nothing_again()
    {
        async Task<HttpResponseMessage> Create()
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/customers") { Content = JsonContent.Create(new { kind = "organization", name = "Once" }) };
            request.Headers.Add("Idempotency-Key", "audit-once");
            return await _admin.SendAsync(request);
        }

        var first = await Create().Expect(HttpStatusCode.Created);
        await Create().Expect(HttpStatusCode.Created);
        var id = Guid.Parse(first.Str("id"));
        Assert.Equal(1, await app.Query(db => db.AuditEvents.CountAsync(e => e.ObjectId == id)));
        Assert.Equal(1, await app.Query(db => db.Events.CountAsync(e => e.ObjectId == id)));
    }

    [Fact]
    public async Task No_secret_is_in_the_audit_trail_the_events_or_the_logs()
    {
        var created = await _admin.Post("/v1/api_keys", new { scope = "admin", name = "secretive" }).Expect(HttpStatusCode.Created);
        var secret = created.Str("secret");
        await _admin.Post($"/v1/api_keys/{created.Str("id")}/revoke").Expect(HttpStatusCode.OK);
        var hash = await app.Query(db => db.ApiKeys.Where(k => k.Name == "secretive").Select(k => k.SecretHash).SingleAsync());
        string[] forbidden = [secret, Convert.ToHexString(hash), Convert.ToHexStringLower(hash), Convert.ToBase64String(hash)];

        var entries = await app.Query(db => db.AuditEvents.Select(e => e.Changes).ToListAsync());
        var events = await app.Query(db => db.Events.Select(e => e.Data).ToListAsync());
        var logs = app.Logs.Entries.Select(e => e.Message + string.Join(' ', e.Values.Values)).ToList();
        Assert.Contains(entries, e => e.Contains("secretive", StringComparison.Ordinal));
        foreach (var text in entries.Concat(events).Concat(logs))
        {
            Assert.DoesNotContain(forbidden, f => text.Contains(f, StringComparison.OrdinalIgnoreCase));
        }

        var keyEntry = await _admin.GetAsync($"/v1/audit_events?object_type=api_key&object_id={created.Str("id")}").Expect(HttpStatusCode.OK);
        Assert.All(keyEntry.GetProperty("data").EnumerateArray(), e => Assert.DoesNotContain("secret_hash", e.GetProperty("changes").GetRawText(), StringComparison.Ordinal));
    }
}
