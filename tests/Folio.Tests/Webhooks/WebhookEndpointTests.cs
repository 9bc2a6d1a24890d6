using System.Net;
using System.Text.Json;
using Folio.Tests.Support;

namespace Folio.Tests.Webhooks;

public sealed class WebhookEndpointTests(WebhookApp app) : IClassFixture<WebhookApp>
{
    private readonly HttpClient _admin = app.Admin();

    [Fact]
    public async Task An_endpoint_is_created_read_listed_changed_and_deleted_by_admin_keys_only()
    {
        var created = await _admin.Post("/v1/webhook_endpoints", new { url = "https://hooks.example.com/folio", enabled_events = new[] { "invoice.*", "customer.created" }, description = "ERP" })
            .Expect(HttpStatusCode.Created);
        var id = created.Str("id");
        Assert.Equal(("https://hooks.example.com/folio", "ERP", "enabled"), (created.Str("url"), created.Str("description"), created.Str("status")));
        Assert.Equal(new[] { "invoice.*", "customer.created" }, created.GetProperty("enabled_events").EnumerateArray().Select(e => e.GetString()));

        var changed = await _admin.Patch($"/v1/webhook_endpoints/{id}", new { enabled_events = new[] { "*" }, status = "disabled" }).Expect(HttpStatusCode.OK);
        Assert.Equal(("disabled", "by_request", "ERP"), (changed.Str("status"), changed.Str("disabled_reason"), changed.Str("description")));
        var again = await _admin.Patch($"/v1/webhook_endpoints/{id}", new { status = "enabled" }).Expect(HttpStatusCode.OK);
        Assert.Equal("enabled", again.Str("status"));

        var listed = await _admin.GetAsync("/v1/webhook_endpoints?limit=100").Expect(HttpStatusCode.OK);
        Assert.Contains(listed.GetProperty("data").EnumerateArray(), e => e.Str("id") == id);

        var organization = (await app.Books().Organization()).Str("id");
        var orgKey = app.Client(await app.Books().OrganizationKey(organization));
        Assert.Equal(HttpStatusCode.Forbidden, (await orgKey.GetAsync("/v1/webhook_endpoints")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await orgKey.Post("/v1/webhook_endpoints", new { url = "https://a.example.com", enabled_events = new[] { "*" } })).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await _admin.DeleteAsync($"/v1/webhook_endpoints/{id}")).StatusCode);
        await _admin.GetAsync($"/v1/webhook_endpoints/{id}").ExpectProblem(HttpStatusCode.NotFound, "webhook_endpoint_not_found");
    }

    [Theory]
    [InlineData("/hooks", "invoice.paid", "url", "invalid_url")]
    [InlineData("ftp://example.com/x", "invoice.paid", "url", "invalid_url")]
    [InlineData("https://user:pw@example.com/x", "invoice.paid", "url", "invalid_url")]
    [InlineData("https://example.com/x", "invoices.paid", "enabled_events[0]", "unknown_event_type")]
    [InlineData("https://example.com/x", "invoice", "enabled_events[0]", "unknown_event_type")]
    [InlineData("https://example.com/x", "**", "enabled_events[0]", "unknown_event_type")]
    public async Task Bad_input_is_refused_by_field_and_creates_nothing(string url, string events, string field, string code)
    {
        var before = await BooksFingerprint.Take(app);
        await _admin.Post("/v1/webhook_endpoints", new { url, enabled_events = new[] { events } }).ExpectProblem(HttpStatusCode.BadRequest, code, field);
        Assert.Empty((await BooksFingerprint.Take(app)).ChangedSince(before));
    }

    [Fact]
    public async Task Rotation_refuses_an_overlap_longer_than_the_setting()
    {
        var (id, _) = await app.Endpoint("https://hooks.example.com/rotate");
        await _admin.Post($"/v1/webhook_endpoints/{id}/rotate_secret", new { previous_secret_expires_in = (24 * 3600) + 1 })
            .ExpectProblem(HttpStatusCode.BadRequest, "invalid_previous_secret_expires_in", "previous_secret_expires_in");
        var rotated = await _admin.Post($"/v1/webhook_endpoints/{id}/rotate_secret", new { previous_secret_expires_in = 0 }).Expect(HttpStatusCode.OK);
        Assert.Equal(JsonValueKind.Null, rotated.GetProperty("previous_secret_expires_at").ValueKind);
    }
}
