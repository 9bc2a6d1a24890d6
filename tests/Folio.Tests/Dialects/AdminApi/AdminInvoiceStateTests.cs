using System.Net;
using System.Text.Json;
using Folio.Tests.Support;

namespace Folio.Tests.Dialects.AdminApi;

/// <summary>state, stateReason, stateTime and paymentState for every state an invoice can be in.</summary>
public sealed class AdminInvoiceStateTests(FolioApp app) : IClassFixture<FolioApp>
{
    private readonly Books _books = app.Books();
    private readonly HttpClient _admin = app.Admin();

    private static readonly TimeSpan Later = TimeSpan.FromHours(5);

    private async Task<JsonElement> Admin(string invoiceId) => await _admin.AdminInvoice(invoiceId);

    private static void AssertState(JsonElement invoice, string state, string? reason, string paymentState, string? stateTime)
    {
        Assert.Equal(state, invoice.Str("state"));
        Assert.Equal(reason, invoice.GetProperty("stateReason").GetString());
        Assert.Equal(paymentState, invoice.Str("paymentState"));
        Assert.Equal(stateTime, invoice.GetProperty("stateTime").GetString());
    }

    [Fact]
    public async Task A_draft_is_in_its_state_since_it_was_created()
    {
        var customer = (await _books.Organization()).Str("id");
        var draft = await _books.Draft(customer);
        app.Clock.Advance(Later);
        await _admin.Patch($"/v1/invoices/{draft.Str("id")}", new { description = "Changed later" }).Expect(HttpStatusCode.OK);

        var invoice = await Admin(draft.Str("id"));
        AssertState(invoice, "DRAFT", null, "NONE", draft.Str("created_at"));
        Assert.NotEqual(invoice.Str("createTime"), invoice.Str("updateTime"));
        Assert.Equal(JsonValueKind.Null, invoice.GetProperty("number").ValueKind);
        Assert.Equal(JsonValueKind.Null, invoice.GetProperty("effectiveTime").ValueKind);
        Assert.Equal(JsonValueKind.Null, invoice.GetProperty("balance").ValueKind);
    }

    [Fact]
    public async Task An_open_invoice_is_open_since_it_was_issued_and_past_due_once_its_due_date_passes()
    {
        var customer = (await _books.Organization()).Str("id");
        var draft = await _books.DetailedDraft(customer, "USD", daysUntilDue: 3);
        app.Clock.Advance(Later);
        var open = await _books.Finalize(draft.Str("id"));

        AssertState(await Admin(open.Str("id")), "OPEN", null, "REQUIRES_PAYMENT", open.Str("issued_at"));
        app.Clock.Advance(TimeSpan.FromDays(4));
        AssertState(await Admin(open.Str("id")), "OPEN", "PAST_DUE", "REQUIRES_PAYMENT", open.Str("issued_at"));
    }

    [Fact]
    public async Task A_partially_paid_invoice_stays_open_and_requires_the_rest()
    {
        var customer = (await _books.Organization()).Str("id");
        var open = await _books.Open(customer);
        app.Clock.Advance(Later);
        await _books.Pay(open.Str("id"), 4_000);

        var invoice = await Admin(open.Str("id"));
        AssertState(invoice, "OPEN", null, "REQUIRES_PAYMENT", open.Str("issued_at"));
        Assert.Equal("40", invoice.Str("paidAmount"));
        Assert.Equal("60", invoice.Str("remainingDueAmount"));
    }

    [Fact]
    public async Task A_paid_invoice_is_paid_since_its_last_payment()
    {
        var customer = (await _books.Organization()).Str("id");
        var open = await _books.Open(customer);
        app.Clock.Advance(Later);
        var paid = (await _books.Pay(open.Str("id"), 10_000)).GetProperty("invoice");

        AssertState(await Admin(open.Str("id")), "PAID", null, "PAID", paid.Str("paid_at"));
        Assert.NotEqual(open.Str("issued_at"), paid.Str("paid_at"));
    }

    [Fact]
    public async Task A_void_invoice_requires_nothing()
    {
        var customer = (await _books.Organization()).Str("id");
        var open = await _books.Open(customer);
        app.Clock.Advance(Later);
        var voided = await _admin.Post($"/v1/invoices/{open.Str("id")}/void").Expect(HttpStatusCode.OK);

        var invoice = await Admin(open.Str("id"));
        AssertState(invoice, "VOID", null, "NONE", voided.Str("voided_at"));
        Assert.Equal("100", invoice.Str("remainingDueAmount"));
    }

    [Fact]
    public async Task An_uncollectible_invoice_still_requires_payment_and_is_never_past_due()
    {
        var customer = (await _books.Organization()).Str("id");
        var open = await _books.DetailedDraft(customer, "USD", daysUntilDue: 1);
        await _books.Finalize(open.Str("id"));
        app.Clock.Advance(TimeSpan.FromDays(2));
        var written = await _admin.Post($"/v1/invoices/{open.Str("id")}/mark_uncollectible").Expect(HttpStatusCode.OK);

        AssertState(await Admin(open.Str("id")), "UNCOLLECTIBLE", null, "REQUIRES_PAYMENT", written.Str("marked_uncollectible_at"));
    }

    [Fact]
    public async Task A_muted_invoice_is_in_the_state_of_its_books()
    {
        var customer = (await _books.Organization()).Str("id");
        var open = await _books.Open(customer);
        app.Clock.Advance(Later);
        await _admin.Post($"/v1/invoices/{open.Str("id")}/mute").Expect(HttpStatusCode.OK);

        var invoice = await Admin(open.Str("id"));
        AssertState(invoice, "OPEN", null, "REQUIRES_PAYMENT", open.Str("issued_at"));
        Assert.NotEqual(open.Str("updated_at"), invoice.Str("updateTime"));
    }
}
