using System.Net;
using System.Text.Json;
using Folio.Tests.Support;

namespace Folio.Tests.Invoices;

public sealed class InvoiceDraftTests(FolioApp app) : IClassFixture<FolioApp>
{
    private readonly Books _books = app.Books();
    private readonly HttpClient _admin = app.Admin();

    [Fact]
    public async Task A_draft_computes_lines_discounts_and_tax_to_the_minor_unit()
    {
        var customer = await _books.Organization();
        var invoice = await _books.Draft(customer.Str("id"), "USD",
            new { description = "Consulting", unit_amount = 15_000, quantity = 2.5, tax_rate = 20 },
            new { description = "Licence (VAT included)", unit_amount = 12_000, tax_rate = 20, tax_inclusive = true },
            new { description = "Setup", unit_amount = 5_000, discount_percent = 10 });

        Assert.Equal("draft", invoice.Str("status"));
        Assert.Equal(JsonValueKind.Null, invoice.GetProperty("number").ValueKind);
        var items = invoice.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(37_500, items[0].Amount("amount"));
        Assert.Equal(7_500, items[0].Amount("tax"));
        Assert.Equal(2_000, items[1].Amount("tax"));
        Assert.Equal(12_000, items[1].Amount("total"));
        Assert.Equal(500, items[2].Amount("discount"));
        Assert.Equal(54_500, invoice.Amount("subtotal"));
        Assert.Equal(500, invoice.Amount("discount"));
        Assert.Equal(9_500, invoice.Amount("tax"));
        Assert.Equal(54_500 - 500 + 7_500, invoice.Amount("total"));
        Assert.Equal(invoice.Amount("total") - 9_500, invoice.Amount("total_excluding_tax"));
        Assert.Equal(invoice.Amount("total"), invoice.Amount("amount_remaining"));
    }

    [Fact]
    public async Task An_invoice_discount_is_split_across_lines_without_losing_a_cent()
    {
        var customer = await _books.Organization();
        var created = await _admin.Post("/v1/invoices", new
        {
            customer_id = customer.Str("id"),
            currency = "USD",
            discount_amount = 100,
            items = new object[]
            {
                new { description = "A", unit_amount = 333 },
                new { description = "B", unit_amount = 333 },
                new { description = "C", unit_amount = 334, tax_rate = 10 },
            },
        }).Expect(HttpStatusCode.Created);

        var shares = created.GetProperty("items").EnumerateArray().Select(i => i.Amount("invoice_discount")).ToList();
        Assert.Equal(100, shares.Sum());
        Assert.Equal(100, created.Amount("discount"));
        Assert.Equal(1_000 - 100 + 30, created.Amount("total"));
    }

    [Fact]
    public async Task A_yen_invoice_has_no_minor_digits_and_a_dinar_invoice_has_three()
    {
        var customer = await _books.Organization();
        var yen = await _books.Draft(customer.Str("id"), "JPY", new { description = "Usage", unit_amount = 1_001, tax_rate = 10, tax_inclusive = true });
        Assert.Equal(91, yen.Amount("tax"));
        Assert.Equal(1_001, yen.Amount("total"));

        var dinar = await _books.Draft(customer.Str("id"), "BHD", new { description = "Hosting", unit_amount = 12_345, tax_rate = 10 });
        Assert.Equal(1_235, dinar.Amount("tax"));
        Assert.Equal(13_580, dinar.Amount("total"));
    }

    [Fact]
    public async Task A_draft_can_be_edited_line_by_line_and_deleted()
    {
        var customer = await _books.Organization();
        var draft = await _books.Draft(customer.Str("id"));
        var id = draft.Str("id");

        var added = await _admin.Post($"/v1/invoices/{id}/items", new { description = "Extra", unit_amount = 2_500, quantity = 2 }).Expect(HttpStatusCode.OK);
        Assert.Equal(15_000, added.Amount("total"));
        var extraId = added.GetProperty("items")[1].Str("id");

        var removed = await _admin.DeleteAsync(new Uri($"/v1/invoices/{id}/items/{extraId}", UriKind.Relative)).Expect(HttpStatusCode.OK);
        Assert.Equal(10_000, removed.Amount("total"));
        Assert.Single(removed.GetProperty("items").EnumerateArray());

        var updated = await _admin.Patch($"/v1/invoices/{id}", new { reference = "PO-42", days_until_due = 14 }).Expect(HttpStatusCode.OK);
        Assert.Equal("PO-42", updated.Str("reference"));
        Assert.Equal(14, updated.GetProperty("days_until_due").GetInt32());

        await _admin.DeleteAsync(new Uri($"/v1/invoices/{id}", UriKind.Relative)).Expect(HttpStatusCode.NoContent);
        await _admin.GetAsync(new Uri($"/v1/invoices/{id}", UriKind.Relative)).ExpectProblem(HttpStatusCode.NotFound, "invoice_not_found");
    }

    [Fact]
    public async Task Patching_items_replaces_every_line_and_recomputes_the_totals()
    {
        var customer = await _books.Organization();
        var draft = await _books.Draft(customer.Str("id"), "EUR",
            new { description = "Old A", unit_amount = 1_000 },
            new { description = "Old B", unit_amount = 2_000 });

        var patched = await _admin.Patch($"/v1/invoices/{draft.Str("id")}", new
        {
            discount_percent = 10,
            items = new object[] { new { description = "New", unit_amount = 5_000, quantity = 3, tax_rate = 19 } },
        }).Expect(HttpStatusCode.OK);

        var line = Assert.Single(patched.GetProperty("items").EnumerateArray());
        Assert.Equal("New", line.Str("description"));
        Assert.Equal(15_000, patched.Amount("subtotal"));
        Assert.Equal(1_500, patched.Amount("discount"));
        Assert.Equal(2_565, patched.Amount("tax"));
        Assert.Equal(16_065, patched.Amount("total"));
        var reread = await _admin.GetAsync(new Uri($"/v1/invoices/{draft.Str("id")}", UriKind.Relative)).Expect(HttpStatusCode.OK);
        Assert.Equal(patched.GetRawText(), reread.GetRawText());
    }

    [Fact]
    public async Task A_finalized_invoice_cannot_be_edited_or_deleted()
    {
        var customer = await _books.Organization();
        var open = await _books.Open(customer.Str("id"));
        var id = open.Str("id");

        await _admin.Patch($"/v1/invoices/{id}", new { reference = "late" }).ExpectProblem(HttpStatusCode.Conflict, "invoice_not_draft");
        await _admin.Post($"/v1/invoices/{id}/items", new { description = "late", unit_amount = 1 }).ExpectProblem(HttpStatusCode.Conflict, "invoice_not_draft");
        await _admin.DeleteAsync(new Uri($"/v1/invoices/{id}", UriKind.Relative)).ExpectProblem(HttpStatusCode.Conflict, "invoice_not_draft");

        var unchanged = await _admin.GetAsync(new Uri($"/v1/invoices/{id}", UriKind.Relative)).Expect(HttpStatusCode.OK);
        Assert.Equal(JsonValueKind.Null, unchanged.GetProperty("reference").ValueKind);
        Assert.Equal(open.GetProperty("version").GetInt32(), unchanged.GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task Invalid_lines_are_refused_with_the_field_at_fault_and_nothing_is_written()
    {
        var customer = await _books.Organization();
        var before = await _admin.GetAsync(new Uri($"/v1/invoices?customer_id={customer.Str("id")}", UriKind.Relative)).Expect(HttpStatusCode.OK);

        var problem = await _admin.Post("/v1/invoices", new
        {
            customer_id = customer.Str("id"),
            currency = "USD",
            items = new object[] { new { description = "ok", unit_amount = 100 }, new { description = "bad", unit_amount = 100, quantity = 1.23456 } },
        }).ExpectProblem(HttpStatusCode.BadRequest, "invalid_quantity", "items[1].quantity");
        Assert.Single(problem.GetProperty("errors").EnumerateArray());

        await _admin.Post("/v1/invoices", new { customer_id = customer.Str("id"), currency = "usd" }).ExpectProblem(HttpStatusCode.BadRequest, "invalid_currency", "currency");
        await _admin.Post("/v1/invoices", new { customer_id = customer.Str("id"), currency = "USD", items = new[] { new { description = "x", unit_amount = 100, tax_rate = 101 } } })
            .ExpectProblem(HttpStatusCode.BadRequest, "invalid_tax_rate", "items[0].tax_rate");
        await _admin.Post("/v1/invoices", new { customer_id = Guid.NewGuid(), currency = "USD" }).ExpectProblem(HttpStatusCode.UnprocessableEntity, "customer_not_found", "customer_id");

        var after = await _admin.GetAsync(new Uri($"/v1/invoices?customer_id={customer.Str("id")}", UriKind.Relative)).Expect(HttpStatusCode.OK);
        Assert.Equal(before.GetProperty("data").GetArrayLength(), after.GetProperty("data").GetArrayLength());
    }

    [Fact]
    public async Task Stale_if_match_is_refused_with_412_and_a_fresh_one_is_accepted()
    {
        var customer = await _books.Organization();
        var draft = await _books.Draft(customer.Str("id"));
        var id = draft.Str("id");
        var response = await _admin.GetAsync(new Uri($"/v1/invoices/{id}", UriKind.Relative));
        var etag = response.Headers.ETag!.Tag;

        using var first = new HttpRequestMessage(HttpMethod.Patch, $"/v1/invoices/{id}") { Content = System.Net.Http.Json.JsonContent.Create(new { reference = "first" }) };
        first.Headers.TryAddWithoutValidation("If-Match", etag);
        using var second = new HttpRequestMessage(HttpMethod.Patch, $"/v1/invoices/{id}") { Content = System.Net.Http.Json.JsonContent.Create(new { reference = "second" }) };
        second.Headers.TryAddWithoutValidation("If-Match", etag);

        await _admin.SendAsync(first).Expect(HttpStatusCode.OK);
        await _admin.SendAsync(second).ExpectProblem(HttpStatusCode.PreconditionFailed, "version_mismatch");
        var current = await _admin.GetAsync(new Uri($"/v1/invoices/{id}", UriKind.Relative)).Expect(HttpStatusCode.OK);
        Assert.Equal("first", current.Str("reference"));
    }
}
