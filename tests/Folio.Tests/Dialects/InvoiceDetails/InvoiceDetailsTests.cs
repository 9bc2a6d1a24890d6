using System.Net;
using System.Text.Json;
using Folio.Tests.Support;

namespace Folio.Tests.Dialects.InvoiceDetails;

public sealed class InvoiceDetailsTests(FolioApp app) : IClassFixture<FolioApp>
{
    private readonly Books _books = app.Books();
    private readonly HttpClient _admin = app.Admin();

    private static Uri Path(string invoiceId) => new($"/api/v2/invoices/{invoiceId}", UriKind.Relative);

    /// <summary>The seed's curl: the key in X-SALESBRICKS-KEY and no Authorization header.</summary>
    private Task<HttpResponseMessage> Curl(string invoiceId, string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, Path(invoiceId));
        request.Headers.Add("X-SALESBRICKS-KEY", key);
        return app.Client(null).SendAsync(request);
    }

    [Fact]
    public async Task The_documented_request_answers_a_paid_invoice_in_the_shape_of_the_seed_example()
    {
        var customer = (await _books.Organization()).Str("id");
        var issuedAt = app.Clock.GetUtcNow();
        var invoice = await _books.Open(customer, "USD", new { description = "Support", unit_amount = 10_000, tax_rate = 23.45 });
        app.Clock.Advance(TimeSpan.FromDays(2));
        var paidAt = app.Clock.GetUtcNow();
        await _books.Pay(invoice.Str("id"), 12_345);

        var details = await Curl(invoice.Str("id"), app.AdminKey).Expect(HttpStatusCode.OK);

        // An invoice made by hand belongs to no subscription.
        JsonShape.AssertSameShape(JsonShape.Fixture("invoice-details.json"), details, "subscription_id");
        Assert.Equal(invoice.Str("id"), details.Str("invoice_id"));
        Assert.Equal(JsonValueKind.Null, details.GetProperty("subscription_id").ValueKind);
        Assert.Equal(customer, details.Str("customer_id"));
        Assert.Equal(invoice.Str("number"), details.Str("invoice_number"));
        Assert.Equal(invoice.Str("due_at"), details.Str("due_at"));
        Assert.Equal(issuedAt, details.GetProperty("issued_at").GetDateTimeOffset());
        Assert.Equal(issuedAt, details.GetProperty("bill_at").GetDateTimeOffset());
        Assert.Equal("PAID", details.Str("status"));
        Assert.Equal(paidAt, details.GetProperty("fully_paid_at").GetDateTimeOffset());
        Assert.Equal(12_345, details.Amount("grand_total"));
        Assert.Equal(0, details.Amount("remaining_amount"));
        Assert.Equal("USD", details.Str("currency"));
        Assert.False(details.GetProperty("is_renewal_estimate").GetBoolean());
    }

    [Fact]
    public async Task An_unpaid_invoice_and_a_draft_leave_null_only_what_they_do_not_have_yet()
    {
        var customer = (await _books.Organization()).Str("id");
        var open = await _books.Open(customer);
        var draft = await _books.Draft(customer);

        var unpaid = await _admin.GetAsync(Path(open.Str("id"))).Expect(HttpStatusCode.OK);
        var unissued = await _admin.GetAsync(Path(draft.Str("id"))).Expect(HttpStatusCode.OK);

        // Unpaid: not fully paid yet.
        JsonShape.AssertSameShape(JsonShape.Fixture("invoice-details.json"), unpaid, "subscription_id", "fully_paid_at");
        Assert.Equal(JsonValueKind.Null, unpaid.GetProperty("fully_paid_at").ValueKind);
        // A draft has no number, no due date given here, and is neither issued nor scheduled to be.
        JsonShape.AssertSameShape(JsonShape.Fixture("invoice-details.json"), unissued, "subscription_id", "fully_paid_at", "invoice_number", "due_at", "bill_at", "issued_at");
        Assert.All(new[] { "invoice_number", "bill_at", "issued_at" }, name => Assert.Equal(JsonValueKind.Null, unissued.GetProperty(name).ValueKind));
        Assert.Equal(10_000, unissued.Amount("grand_total"));
    }

    [Fact]
    public async Task Every_state_maps_to_the_seed_status()
    {
        var customer = (await _books.Organization()).Str("id");
        var ids = await InvoiceStateSamples.Create(_books, customer, app.Clock.GetUtcNow());

        var statuses = new Dictionary<string, string>();
        foreach (var state in InvoiceStateSamples.States)
        {
            statuses[state] = (await _admin.GetAsync(Path(ids[state])).Expect(HttpStatusCode.OK)).Str("status");
        }

        var expected = new Dictionary<string, string>
        {
            ["draft"] = "DRAFT",
            ["open"] = "PENDING",
            ["past_due"] = "PENDING",
            ["partially_paid"] = "PENDING",
            ["paid"] = "PAID",
            ["void"] = "VOID",
            ["uncollectible"] = "UNCOLLECTIBLE",
            ["muted"] = "MUTED",
        };
        Assert.Equal(expected, statuses);
        Assert.Equal(6_000, (await _admin.GetAsync(Path(ids["partially_paid"])).Expect(HttpStatusCode.OK)).Amount("remaining_amount"));
    }

    [Fact]
    public async Task Muting_shows_on_every_unsettled_state_and_never_on_a_paid_or_void_one()
    {
        var customer = (await _books.Organization()).Str("id");
        var draft = (await _books.Draft(customer)).Str("id");
        var uncollectible = (await _books.Open(customer)).Str("id");
        await _admin.Post($"/v1/invoices/{uncollectible}/mark_uncollectible").Expect(HttpStatusCode.OK);
        var paid = (await _books.Open(customer)).Str("id");
        await _books.Pay(paid, 10_000);
        var voided = (await _books.Open(customer)).Str("id");
        await _admin.Post($"/v1/invoices/{voided}/void").Expect(HttpStatusCode.OK);
        foreach (var id in new[] { draft, uncollectible, paid, voided })
        {
            await _admin.Post($"/v1/invoices/{id}/mute").Expect(HttpStatusCode.OK);
        }

        async Task<string> Status(string id) => (await _admin.GetAsync(Path(id)).Expect(HttpStatusCode.OK)).Str("status");
        Assert.Equal(["MUTED", "MUTED", "PAID", "VOID"], [await Status(draft), await Status(uncollectible), await Status(paid), await Status(voided)]);
    }

    [Fact]
    public async Task Amounts_are_integers_in_minor_units()
    {
        var customer = (await _books.Organization()).Str("id");
        var yen = (await _books.Open(customer, "JPY", new { description = "Licence", unit_amount = 1_500 })).Str("id");
        var dollars = (await _books.Open(customer, "USD", new { description = "Support", unit_amount = 10_000, tax_rate = 23.45 })).Str("id");
        var dinars = (await _books.Open(customer, "BHD", new { description = "Hosting", unit_amount = 1_234_567 })).Str("id");
        await _books.Pay(dinars, 234_567);

        async Task<(string, string, string)> Figures(string id)
        {
            var details = await _admin.GetAsync(Path(id)).Expect(HttpStatusCode.OK);
            return (details.GetProperty("grand_total").GetRawText(), details.GetProperty("remaining_amount").GetRawText(), details.Str("currency"));
        }

        Assert.Equal(("1500", "1500", "JPY"), await Figures(yen));
        Assert.Equal(("12345", "12345", "USD"), await Figures(dollars));
        Assert.Equal(("1234567", "1000000", "BHD"), await Figures(dinars));
    }

    [Fact]
    public async Task Only_an_admin_key_may_ask_in_either_header_and_an_unknown_invoice_is_not_found()
    {
        var customer = (await _books.Organization()).Str("id");
        var invoice = (await _books.Open(customer)).Str("id");
        var organizationKey = await _books.OrganizationKey(customer);

        await _admin.GetAsync(Path(invoice)).Expect(HttpStatusCode.OK);
        await Curl(invoice, organizationKey).ExpectProblem(HttpStatusCode.Forbidden, "admin_key_required");
        await app.Client(organizationKey).GetAsync(Path(invoice)).ExpectProblem(HttpStatusCode.Forbidden, "admin_key_required");
        await app.Client(null).GetAsync(Path(invoice)).ExpectProblem(HttpStatusCode.Unauthorized, "api_key_missing");
        await Curl(invoice, "folio_sk_" + new string('x', 40)).ExpectProblem(HttpStatusCode.Unauthorized, "api_key_invalid");
        await _admin.GetAsync(Path(Guid.NewGuid().ToString())).ExpectProblem(HttpStatusCode.NotFound, "invoice_not_found");
        await Curl("not-an-invoice", app.AdminKey).ExpectProblem(HttpStatusCode.NotFound, "invoice_not_found");
    }
}
