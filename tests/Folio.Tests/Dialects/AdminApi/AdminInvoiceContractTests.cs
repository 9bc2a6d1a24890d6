using System.Net;
using Folio.Tests.Support;

namespace Folio.Tests.Dialects.AdminApi;

/// <summary>The seed's documented request and the shape of its example answer.</summary>
public sealed class AdminInvoiceContractTests(FolioApp app) : IClassFixture<FolioApp>
{
    private readonly Books _books = app.Books();
    private readonly HttpClient _admin = app.Admin();

    [Fact]
    public async Task The_documented_request_answers_in_the_shape_of_the_seed_example()
    {
        var organization = (await _books.Organization("Jane Doe Robotics")).Str("id");
        await _admin.Patch($"/v1/customers/{organization}", new { phone = "+12125550123" }).Expect(HttpStatusCode.OK);
        var draft = await _books.DetailedDraft(organization, "USD", 30, new { description = "Arm", quantity = 2, unit_amount = 500, discount_amount = 100 });
        var invoice = await _books.Finalize(draft.Str("id"));

        // Exactly the seed's curl: the organization filter and a bearer admin key, nothing else.
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/admin/v1/invoices?organizationId={organization}");
        request.Headers.Authorization = new("Bearer", app.AdminKey);
        using var client = app.Client(null);
        var page = await client.SendAsync(request).Expect(HttpStatusCode.OK);

        // externalId and pullTime are a provider's facts: Folio's own ledger invoices were never pulled from one, so they are
        // null here (the item's externalId as well). The seed shows stateTime and the item's period as null itself.
        JsonShape.AssertSameShape(JsonShape.Fixture("admin-api-invoices.json"), page, "externalId", "pullTime");
        var listed = Assert.Single(page.Invoices());
        Assert.Equal(invoice.Str("id"), listed.Str("id"));
        Assert.Equal(invoice.Str("number"), listed.Str("number"));
        Assert.Equal("OPEN", listed.Str("state"));
        Assert.Equal(string.Empty, page.Str("nextPageToken"));
        Assert.False(page.TryGetProperty("previousPageToken", out _));

        var connection = listed.GetProperty("connection");
        Assert.Equal("01000000-0000-7000-8000-000000000001", connection.Str("id"));
        Assert.Equal("FOLIO", connection.Str("type"));
        Assert.Equal("ACTIVE", connection.Str("state"));
        Assert.Equal("BASIC", connection.Str("view"));
        Assert.Equal("Jane Doe Robotics", listed.GetProperty("account").Str("fullName"));
        Assert.Equal("+12125550123", listed.GetProperty("account").Str("phoneNumber"));
        Assert.Equal(["42 West St"], listed.GetProperty("account").GetProperty("address").GetProperty("lines").EnumerateArray().Select(l => l.GetString()));
        Assert.Equal("NY", listed.GetProperty("account").GetProperty("address").Str("state"));
        Assert.Equal("2026-02-01T00:00:00Z", listed.GetProperty("period").Str("startTime"));
        Assert.Equal(invoice.Str("issued_at"), listed.Str("effectiveTime"));
        Assert.Equal(invoice.Str("due_at"), listed.Str("dueTime"));
        Assert.Equal("Robot arm rental", listed.Str("description"));
        Assert.Equal(2, listed.GetProperty("items")[0].GetProperty("quantity").GetDecimal());
        Assert.Equal("10", listed.GetProperty("items")[0].Str("subtotalAmount"));
        Assert.Equal("1", listed.GetProperty("items")[0].Str("discountAmount"));
        Assert.False(listed.GetProperty("items")[0].GetProperty("proration").GetBoolean());
        Assert.Equal(0, listed.GetProperty("changes").GetArrayLength());
    }

    [Fact]
    public async Task An_invoice_by_id_is_the_one_the_list_shows_in_the_view_asked()
    {
        var organization = (await _books.Organization()).Str("id");
        var invoice = await _books.Open(organization);
        var listed = Assert.Single((await _admin.AdminPage($"organizationId={organization}")).Invoices());

        var fetched = await _admin.AdminInvoice(invoice.Str("id"));
        Assert.Equal(listed.ToString(), fetched.ToString());

        var full = await _admin.AdminInvoice(invoice.Str("id"), "view=FULL");
        Assert.Equal("FULL", full.GetProperty("connection").Str("view"));
        Assert.Equal(listed.Str("totalAmount"), full.Str("totalAmount"));
        Assert.Equal(listed.GetProperty("items").GetArrayLength(), full.GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task An_unknown_id_or_an_invoice_outside_the_owners_named_is_not_found()
    {
        var organization = (await _books.Organization()).Str("id");
        var other = (await _books.Organization("Globex")).Str("id");
        var user = (await _books.User(organization)).Str("id");
        var invoice = (await _books.Open(user)).Str("id");

        await _admin.AdminGet(Guid.NewGuid().ToString()).ExpectProblem(HttpStatusCode.NotFound, "invoice_not_found");
        await _admin.AdminGet("in_4QPqKvtqkpJzP7").ExpectProblem(HttpStatusCode.NotFound, "invoice_not_found");
        await _admin.AdminGet(invoice, $"organizationId={other}").ExpectProblem(HttpStatusCode.NotFound, "invoice_not_found");
        await _admin.AdminGet(invoice, $"userId={organization}").ExpectProblem(HttpStatusCode.NotFound, "invoice_not_found");
        await _admin.AdminGet(invoice, "userId=usr_123").ExpectProblem(HttpStatusCode.BadRequest, "invalid_user_id", "userId");
        await _admin.AdminGet(invoice, "view=COMPACT").ExpectProblem(HttpStatusCode.BadRequest, "invalid_view", "view");
        Assert.Equal(invoice, (await _admin.AdminInvoice(invoice, $"organizationId={organization}&userId={user}")).Str("id"));
    }
}
