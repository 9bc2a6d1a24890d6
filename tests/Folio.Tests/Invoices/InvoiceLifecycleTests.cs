using System.Net;
using System.Text.Json;
using Folio.Tests.Support;

namespace Folio.Tests.Invoices;

public sealed class InvoiceLifecycleTests(FolioApp app) : IClassFixture<FolioApp>
{
    private readonly Books _books = app.Books();
    private readonly HttpClient _admin = app.Admin();

    [Fact]
    public async Task Finalizing_numbers_the_invoice_and_fixes_its_dates()
    {
        var customer = await _books.Organization();
        var draft = await _books.Draft(customer.Str("id"));
        var open = await _books.Finalize(draft.Str("id"));

        Assert.Equal("open", open.Str("status"));
        Assert.Matches(@"^\d{4}-\d{4}$", open.Str("number"));
        var issued = open.GetProperty("issued_at").GetDateTimeOffset();
        Assert.Equal(issued.AddDays(30), open.GetProperty("due_at").GetDateTimeOffset());
        await _admin.Post($"/v1/invoices/{draft.Str("id")}/finalize").ExpectProblem(HttpStatusCode.Conflict, "invoice_not_draft");
    }

    [Fact]
    public async Task An_empty_draft_cannot_be_finalized()
    {
        var customer = await _books.Organization();
        var draft = await _admin.Post("/v1/invoices", new { customer_id = customer.Str("id"), currency = "EUR" }).Expect(HttpStatusCode.Created);
        await _admin.Post($"/v1/invoices/{draft.Str("id")}/finalize").ExpectProblem(HttpStatusCode.UnprocessableEntity, "invoice_has_no_items", "items");
        var still = await _admin.GetAsync(new Uri($"/v1/invoices/{draft.Str("id")}", UriKind.Relative)).Expect(HttpStatusCode.OK);
        Assert.Equal("draft", still.Str("status"));
    }

    [Fact]
    public async Task Finalization_applies_the_credit_balance_in_the_invoice_currency()
    {
        var customer = await _books.Organization();
        var id = customer.Str("id");
        await _admin.Post($"/v1/customers/{id}/balance_transactions", new { amount = 4_000, currency = "USD", type = "grant" }).Expect(HttpStatusCode.Created);
        await _admin.Post($"/v1/customers/{id}/balance_transactions", new { amount = 9_000, currency = "EUR", type = "grant" }).Expect(HttpStatusCode.Created);

        var invoice = await _books.Open(id, "USD");

        Assert.Equal(4_000, invoice.Amount("credit_applied"));
        Assert.Equal(4_000, invoice.Amount("starting_balance"));
        Assert.Equal(0, invoice.Amount("ending_balance"));
        Assert.Equal(6_000, invoice.Amount("amount_remaining"));
        var balance = await _admin.GetAsync(new Uri($"/v1/customers/{id}/balance", UriKind.Relative)).Expect(HttpStatusCode.OK);
        var balances = balance.GetProperty("balances").EnumerateArray().ToDictionary(b => b.Str("currency"), b => b.Amount("amount"));
        Assert.Equal(0, balances["USD"]);
        Assert.Equal(9_000, balances["EUR"]);
    }

    [Fact]
    public async Task Credit_that_covers_the_whole_invoice_pays_it_at_once()
    {
        var customer = await _books.Organization();
        var id = customer.Str("id");
        await _admin.Post($"/v1/customers/{id}/balance_transactions", new { amount = 25_000, currency = "USD", type = "grant" }).Expect(HttpStatusCode.Created);

        var invoice = await _books.Open(id, "USD");

        Assert.Equal("paid", invoice.Str("status"));
        Assert.Equal(0, invoice.Amount("amount_remaining"));
        Assert.Equal(invoice.Str("issued_at"), invoice.Str("paid_at"));
        Assert.Equal(15_000, invoice.Amount("ending_balance"));
    }

    [Fact]
    public async Task Voiding_returns_applied_credit_and_refuses_invoices_with_payments()
    {
        var customer = await _books.Organization();
        var id = customer.Str("id");
        await _admin.Post($"/v1/customers/{id}/balance_transactions", new { amount = 1_000, currency = "USD", type = "grant" }).Expect(HttpStatusCode.Created);
        var credited = await _books.Open(id);

        var voided = await _admin.Post($"/v1/invoices/{credited.Str("id")}/void").Expect(HttpStatusCode.OK);
        Assert.Equal("void", voided.Str("status"));
        Assert.NotEqual(JsonValueKind.Null, voided.GetProperty("voided_at").ValueKind);
        var balance = await _admin.GetAsync(new Uri($"/v1/customers/{id}/balance", UriKind.Relative)).Expect(HttpStatusCode.OK);
        Assert.Equal(1_000, balance.GetProperty("balances")[0].Amount("amount"));
        await _admin.Post($"/v1/invoices/{credited.Str("id")}/void").ExpectProblem(HttpStatusCode.Conflict, "invoice_not_voidable");

        var paidPart = await _books.Open(id);
        await _books.Pay(paidPart.Str("id"), 100);
        await _admin.Post($"/v1/invoices/{paidPart.Str("id")}/void").ExpectProblem(HttpStatusCode.Conflict, "invoice_has_payments");
        var draft = await _books.Draft(id);
        await _admin.Post($"/v1/invoices/{draft.Str("id")}/void").ExpectProblem(HttpStatusCode.Conflict, "invoice_not_voidable");
    }

    [Fact]
    public async Task An_uncollectible_invoice_can_still_be_paid()
    {
        var customer = await _books.Organization();
        var open = await _books.Open(customer.Str("id"));
        var id = open.Str("id");

        var written = await _admin.Post($"/v1/invoices/{id}/mark_uncollectible").Expect(HttpStatusCode.OK);
        Assert.Equal("uncollectible", written.Str("status"));
        await _admin.Post($"/v1/invoices/{id}/mark_uncollectible").ExpectProblem(HttpStatusCode.Conflict, "invoice_not_open");

        var receipt = await _books.Pay(id, 10_000);
        Assert.Equal("paid", receipt.GetProperty("invoice").Str("status"));
    }

    [Fact]
    public async Task Sending_records_the_time_and_a_muted_invoice_is_never_sent()
    {
        var customer = await _books.Organization();
        var open = await _books.Open(customer.Str("id"));
        var id = open.Str("id");

        app.Clock.Advance(TimeSpan.FromMinutes(5));
        var sent = await _admin.Post($"/v1/invoices/{id}/send").Expect(HttpStatusCode.OK);
        Assert.Equal(app.Clock.GetUtcNow(), sent.GetProperty("sent_at").GetDateTimeOffset());

        var muted = await _admin.Post($"/v1/invoices/{id}/mute").Expect(HttpStatusCode.OK);
        Assert.True(muted.GetProperty("muted").GetBoolean());
        await _admin.Post($"/v1/invoices/{id}/send").ExpectProblem(HttpStatusCode.Conflict, "invoice_muted");
        await _admin.Post($"/v1/invoices/{id}/unmute").Expect(HttpStatusCode.OK);
        await _admin.Post($"/v1/invoices/{id}/send").Expect(HttpStatusCode.OK);

        var draft = await _books.Draft(customer.Str("id"));
        await _admin.Post($"/v1/invoices/{draft.Str("id")}/send").ExpectProblem(HttpStatusCode.Conflict, "invoice_not_sendable");
    }

    [Fact]
    public async Task A_due_date_is_kept_to_the_second_it_is_shown_with_and_is_past_due_just_after_it()
    {
        var customer = await _books.Organization();
        var due = app.Clock.GetUtcNow().AddDays(3);
        var sent = due.AddMilliseconds(750).ToString("yyyy-MM-ddTHH:mm:ss.fffZ", System.Globalization.CultureInfo.InvariantCulture);
        var draft = await _admin.Post("/v1/invoices", new { customer_id = customer.Str("id"), currency = "USD", due_at = sent, items = new[] { new { description = "x", unit_amount = 100 } } })
            .Expect(HttpStatusCode.Created);
        var shown = draft.GetProperty("due_at").GetDateTimeOffset();
        Assert.Equal(new DateTimeOffset(due.Year, due.Month, due.Day, due.Hour, due.Minute, due.Second, TimeSpan.Zero), shown);
        await _books.Finalize(draft.Str("id"));

        app.Clock.SetUtcNow(shown);
        var atTheInstant = await _admin.GetAsync(new Uri($"/v1/invoices/{draft.Str("id")}", UriKind.Relative)).Expect(HttpStatusCode.OK);
        Assert.False(atTheInstant.GetProperty("past_due").GetBoolean());
        app.Clock.Advance(TimeSpan.FromSeconds(1));
        var after = await _admin.GetAsync(new Uri($"/v1/invoices/{draft.Str("id")}", UriKind.Relative)).Expect(HttpStatusCode.OK);
        Assert.True(after.GetProperty("past_due").GetBoolean());
    }

    [Fact]
    public async Task Past_due_follows_the_clock()
    {
        var customer = await _books.Organization();
        var draft = await _admin.Post("/v1/invoices", new { customer_id = customer.Str("id"), currency = "USD", days_until_due = 10, items = new[] { new { description = "x", unit_amount = 500 } } })
            .Expect(HttpStatusCode.Created);
        var id = draft.Str("id");
        await _books.Finalize(id);

        var onTime = await _admin.GetAsync(new Uri($"/v1/invoices/{id}", UriKind.Relative)).Expect(HttpStatusCode.OK);
        Assert.False(onTime.GetProperty("past_due").GetBoolean());

        app.Clock.Advance(TimeSpan.FromDays(13));
        var late = await _admin.GetAsync(new Uri($"/v1/invoices/{id}", UriKind.Relative)).Expect(HttpStatusCode.OK);
        Assert.True(late.GetProperty("past_due").GetBoolean());
        Assert.Equal(3, late.GetProperty("days_overdue").GetInt32());
        var pastDue = await _admin.GetAsync(new Uri($"/v1/invoices?past_due=true&customer_id={customer.Str("id")}", UriKind.Relative)).Expect(HttpStatusCode.OK);
        Assert.Equal(id, pastDue.GetProperty("data")[0].Str("id"));

        await _books.Pay(id, 500);
        var paid = await _admin.GetAsync(new Uri($"/v1/invoices/{id}", UriKind.Relative)).Expect(HttpStatusCode.OK);
        Assert.False(paid.GetProperty("past_due").GetBoolean());
        Assert.Equal(0, paid.GetProperty("days_overdue").GetInt32());
    }
}
