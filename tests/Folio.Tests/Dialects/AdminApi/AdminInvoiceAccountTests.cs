using System.Net;
using Folio.Tests.Support;

namespace Folio.Tests.Dialects.AdminApi;

/// <summary>The account an invoice is billed to: fixed at finalization, current on a draft.</summary>
public sealed class AdminInvoiceAccountTests(FolioApp app) : IClassFixture<FolioApp>
{
    private readonly Books _books = app.Books();
    private readonly HttpClient _admin = app.Admin();

    [Fact]
    public async Task A_finalized_invoice_keeps_the_address_it_was_issued_to_while_a_draft_follows_the_customer()
    {
        var customer = (await _admin.Post("/v1/customers", new
        {
            kind = "organization",
            name = "Initech",
            email = "ap@initech.example",
            phone = "+15125550100",
            address = new { line1 = "4120 Freidrich Ln", line2 = "Suite 200", city = "Austin", region = "TX", postal_code = "78744", country = "US" },
        }).Expect(HttpStatusCode.Created)).Str("id");
        var issued = (await _books.Open(customer)).Str("id");
        var draft = (await _books.Draft(customer)).Str("id");

        await _admin.Patch($"/v1/customers/{customer}", new
        {
            name = "Initech Holdings",
            email = "billing@initech.example",
            address = new { line1 = "1 Infinite Loop", line2 = "", city = "Cupertino", region = "CA", postal_code = "95014" },
        }).Expect(HttpStatusCode.OK);

        var kept = (await _admin.AdminInvoice(issued)).GetProperty("account");
        Assert.Equal("Initech", kept.Str("fullName"));
        Assert.Equal("ap@initech.example", kept.Str("email"));
        Assert.Equal("+15125550100", kept.Str("phoneNumber"));
        var keptAddress = kept.GetProperty("address");
        Assert.Equal(["4120 Freidrich Ln", "Suite 200"], keptAddress.GetProperty("lines").EnumerateArray().Select(l => l.GetString()));
        Assert.Equal("Austin", keptAddress.Str("city"));
        Assert.Equal("TX", keptAddress.Str("state"));
        Assert.Equal("78744", keptAddress.Str("postalCode"));
        Assert.Equal("US", keptAddress.Str("country"));

        var current = (await _admin.AdminInvoice(draft)).GetProperty("account");
        Assert.Equal("Initech Holdings", current.Str("fullName"));
        Assert.Equal("billing@initech.example", current.Str("email"));
        var currentAddress = current.GetProperty("address");
        Assert.Equal(["1 Infinite Loop"], currentAddress.GetProperty("lines").EnumerateArray().Select(l => l.GetString()));
        Assert.Equal("Cupertino", currentAddress.Str("city"));
        Assert.Equal("CA", currentAddress.Str("state"));

        // The list reads drafts' customers too, not only the single-invoice route.
        var listed = (await _admin.AdminPage($"organizationId={customer}")).Invoices().ToDictionary(i => i.Str("id"));
        Assert.Equal("Initech Holdings", listed[draft].GetProperty("account").Str("fullName"));
        Assert.Equal("Initech", listed[issued].GetProperty("account").Str("fullName"));
    }

    [Fact]
    public async Task A_customer_without_an_address_or_phone_has_them_null()
    {
        var user = (await _admin.Post("/v1/customers", new { kind = "user", name = "Ada Park" }).Expect(HttpStatusCode.Created)).Str("id");
        var account = (await _admin.AdminInvoice((await _books.Open(user)).Str("id"))).GetProperty("account");
        Assert.Equal("Ada Park", account.Str("fullName"));
        Assert.Equal(System.Text.Json.JsonValueKind.Null, account.GetProperty("email").ValueKind);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, account.GetProperty("phoneNumber").ValueKind);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, account.GetProperty("address").ValueKind);
    }
}
