using System.Net;
using System.Text.Json;
using Folio.Tests.Support;

namespace Folio.Tests.Dialects.OrganizationBilling;

public sealed class OrganizationBillingContractTests(FolioApp app) : IClassFixture<FolioApp>
{
    private readonly Books _books = app.Books();
    private readonly HttpClient _admin = app.Admin();

    private static Uri Path(string organizationId, string query = "") =>
        new($"/v1/organizations/{organizationId}/billing/invoices{query}", UriKind.Relative);

    private async Task<Dictionary<string, JsonElement>> ById(string organizationId)
    {
        var page = await _admin.GetAsync(Path(organizationId, "?per_page=100")).Expect(HttpStatusCode.OK);
        return page.GetProperty("data").EnumerateArray().ToDictionary(i => i.Str("id"), StringComparer.Ordinal);
    }

    [Fact]
    public async Task The_documented_request_answers_in_the_shape_of_the_seed_example()
    {
        var organization = (await _books.Organization()).Str("id");
        var draft = await _admin.Post("/v1/invoices", new { customer_id = organization, currency = "EUR", reference = "PO-7731", items = new[] { new { description = "Audit", unit_amount = 90_000 } } })
            .Expect(HttpStatusCode.Created);
        var invoice = await _books.Finalize(draft.Str("id"));
        var sentAt = app.Clock.GetUtcNow();
        await _admin.Post($"/v1/invoices/{invoice.Str("id")}/send").Expect(HttpStatusCode.OK);
        var key = await _books.OrganizationKey(organization);

        var page = await app.Client(key).GetAsync(Path(organization)).Expect(HttpStatusCode.OK);

        // A single page has no neighbours: prev and next are null only because there is nothing to link to.
        JsonShape.AssertSameShape(JsonShape.Fixture("organization-billing-invoices.json"), page, "prev", "next");
        var row = Assert.Single(page.GetProperty("data").EnumerateArray());
        Assert.Equal(invoice.Str("id"), row.Str("id"));
        Assert.Equal(invoice.Str("number"), row.Str("number"));
        Assert.Equal("PO-7731", row.Str("reference"));
        Assert.Equal("open", row.Str("status"));
        Assert.Equal("EUR", row.Str("currency"));
        Assert.Equal(invoice.Str("due_at"), row.Str("due_at"));
        Assert.Equal(sentAt, row.GetProperty("sent_at").GetDateTimeOffset());
        Assert.Equal(invoice.Str("created_at"), row.Str("created_at"));
        Assert.Equal(sentAt, row.GetProperty("updated_at").GetDateTimeOffset());
        Assert.EndsWith("Z", row.Str("updated_at"), StringComparison.Ordinal);
        Assert.Equal(25, page.GetProperty("per_page").GetInt32());
    }

    [Fact]
    public async Task Totals_are_exact_major_units_in_the_invoice_currency()
    {
        var organization = (await _books.Organization()).Str("id");
        var yen = await _books.Open(organization, "JPY", new { description = "Licence", unit_amount = 1_500 });
        var dollars = await _books.Open(organization, "USD", new { description = "Support", unit_amount = 10_000, tax_rate = 23.45 });
        var dinars = await _books.Open(organization, "BHD", new { description = "Hosting", unit_amount = 1_234_567 });

        var rows = await ById(organization);

        static string Raw(JsonElement row, string name) => row.GetProperty(name).GetRawText();
        Assert.Equal(("1500", "1500", "JPY"), (Raw(rows[yen.Str("id")], "total_excl_vat"), Raw(rows[yen.Str("id")], "total_incl_vat"), rows[yen.Str("id")].Str("currency")));
        Assert.Equal(("100", "123.45", "USD"), (Raw(rows[dollars.Str("id")], "total_excl_vat"), Raw(rows[dollars.Str("id")], "total_incl_vat"), rows[dollars.Str("id")].Str("currency")));
        Assert.Equal(("1234.567", "1234.567", "BHD"), (Raw(rows[dinars.Str("id")], "total_excl_vat"), Raw(rows[dinars.Str("id")], "total_incl_vat"), rows[dinars.Str("id")].Str("currency")));
    }

    [Fact]
    public async Task Every_state_shows_the_folio_status_and_a_draft_has_no_number()
    {
        var organization = (await _books.Organization()).Str("id");
        var ids = await InvoiceStateSamples.Create(_books, organization, app.Clock.GetUtcNow());

        var rows = await ById(organization);

        var expected = new Dictionary<string, string>
        {
            ["draft"] = "draft",
            ["open"] = "open",
            ["past_due"] = "open",
            ["partially_paid"] = "open",
            ["paid"] = "paid",
            ["void"] = "void",
            ["uncollectible"] = "uncollectible",
            ["muted"] = "open",
        };
        Assert.Equal(expected, InvoiceStateSamples.States.ToDictionary(s => s, s => rows[ids[s]].Str("status")));
        Assert.Equal(JsonValueKind.Null, rows[ids["draft"]].GetProperty("number").ValueKind);
        Assert.All(InvoiceStateSamples.States.Where(s => s != "draft"), s => Assert.StartsWith("2026-", rows[ids[s]].Str("number"), StringComparison.Ordinal));
        Assert.Equal(100m, rows[ids["partially_paid"]].GetProperty("total_incl_vat").GetDecimal());
    }

    [Fact]
    public async Task Sent_at_is_when_the_invoice_was_sent_and_null_while_unsent_or_muted()
    {
        var organization = (await _books.Organization()).Str("id");
        var sent = (await _books.Open(organization)).Str("id");
        var unsent = (await _books.Open(organization)).Str("id");
        var mutedAfterSending = (await _books.Open(organization)).Str("id");
        app.Clock.Advance(TimeSpan.FromMinutes(7));
        var sentAt = app.Clock.GetUtcNow();
        await _admin.Post($"/v1/invoices/{sent}/send").Expect(HttpStatusCode.OK);
        await _admin.Post($"/v1/invoices/{mutedAfterSending}/send").Expect(HttpStatusCode.OK);
        await _admin.Post($"/v1/invoices/{mutedAfterSending}/mute").Expect(HttpStatusCode.OK);

        var rows = await ById(organization);

        Assert.Equal(sentAt, rows[sent].GetProperty("sent_at").GetDateTimeOffset());
        Assert.Equal(sentAt, rows[sent].GetProperty("updated_at").GetDateTimeOffset());
        Assert.Equal(JsonValueKind.Null, rows[unsent].GetProperty("sent_at").ValueKind);
        Assert.Equal(JsonValueKind.Null, rows[mutedAfterSending].GetProperty("sent_at").ValueKind);
    }
}
