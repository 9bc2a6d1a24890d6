using System.Net;
using Folio.Tests.Support;

namespace Folio.Tests.Payments;

public sealed class PaymentTests(FolioApp app) : IClassFixture<FolioApp>
{
    private readonly Books _books = app.Books();
    private readonly HttpClient _admin = app.Admin();

    [Fact]
    public async Task Partial_payments_reduce_the_remaining_amount_until_the_invoice_is_paid()
    {
        var customer = await _books.Organization();
        var invoice = await _books.Open(customer.Str("id"));
        var id = invoice.Str("id");

        var first = await _books.Pay(id, 3_000);
        Assert.Equal(3_000, first.GetProperty("payment").Amount("amount"));
        Assert.Equal(3_000, first.GetProperty("invoice").Amount("amount_paid"));
        Assert.Equal(7_000, first.GetProperty("invoice").Amount("amount_remaining"));
        Assert.Equal("open", first.GetProperty("invoice").Str("status"));

        app.Clock.Advance(TimeSpan.FromHours(1));
        var rest = await _books.Pay(id, 7_000);
        Assert.Equal("paid", rest.GetProperty("invoice").Str("status"));
        Assert.Equal(0, rest.GetProperty("invoice").Amount("amount_remaining"));
        Assert.Equal(app.Clock.GetUtcNow(), rest.GetProperty("invoice").GetProperty("paid_at").GetDateTimeOffset());

        var payments = await _admin.GetAsync(new Uri($"/v1/invoices/{id}/payments", UriKind.Relative)).Expect(HttpStatusCode.OK);
        Assert.Equal([3_000L, 7_000L], payments.GetProperty("data").EnumerateArray().Select(p => p.Amount("amount")));
        await _admin.Post($"/v1/invoices/{id}/pay", new { amount = 1 }).ExpectProblem(HttpStatusCode.Conflict, "invoice_not_payable");
    }

    [Fact]
    public async Task A_payment_above_the_remaining_amount_is_refused_and_changes_nothing()
    {
        var customer = await _books.Organization();
        var invoice = await _books.Open(customer.Str("id"));
        var id = invoice.Str("id");

        await _admin.Post($"/v1/invoices/{id}/pay", new { amount = 10_001 }).ExpectProblem(HttpStatusCode.UnprocessableEntity, "payment_exceeds_remaining", "amount");

        var unchanged = await _admin.GetAsync(new Uri($"/v1/invoices/{id}", UriKind.Relative)).Expect(HttpStatusCode.OK);
        Assert.Equal(0, unchanged.Amount("amount_paid"));
        var payments = await _admin.GetAsync(new Uri($"/v1/invoices/{id}/payments", UriKind.Relative)).Expect(HttpStatusCode.OK);
        Assert.Equal(0, payments.GetProperty("data").GetArrayLength());
    }

    [Fact]
    public async Task The_excess_of_a_payment_can_be_credited_to_the_customer_and_is_applied_to_the_next_invoice()
    {
        var customer = await _books.Organization();
        var invoice = await _books.Open(customer.Str("id"), "EUR");

        var receipt = await _books.Pay(invoice.Str("id"), 0, new { amount = 12_500, method = "bank_transfer", reference = "SEPA-1", credit_excess = true });
        Assert.Equal(2_500, receipt.GetProperty("payment").Amount("credited_to_balance"));
        Assert.Equal(10_000, receipt.GetProperty("payment").Amount("applied_to_invoice"));
        Assert.Equal("paid", receipt.GetProperty("invoice").Str("status"));

        var ledger = await _admin.GetAsync(new Uri($"/v1/customers/{customer.Str("id")}/balance_transactions", UriKind.Relative)).Expect(HttpStatusCode.OK);
        var entry = Assert.Single(ledger.GetProperty("data").EnumerateArray());
        Assert.Equal("overpayment", entry.Str("type"));
        Assert.Equal(2_500, entry.Amount("amount"));

        var next = await _books.Open(customer.Str("id"), "EUR");
        Assert.Equal(2_500, next.Amount("credit_applied"));
        Assert.Equal(7_500, next.Amount("amount_remaining"));
    }

    [Fact]
    public async Task Payments_are_validated_before_anything_is_written()
    {
        var customer = await _books.Organization();
        var invoice = await _books.Open(customer.Str("id"));
        var id = invoice.Str("id");

        await _admin.Post($"/v1/invoices/{id}/pay", new { amount = 0 }).ExpectProblem(HttpStatusCode.BadRequest, "invalid_amount", "amount");
        await _admin.Post($"/v1/invoices/{id}/pay", new { amount = 100, method = "barter" }).ExpectProblem(HttpStatusCode.BadRequest, "invalid_method", "method");
        await _admin.Post($"/v1/invoices/{id}/pay", new { amount = 100, received_at = app.Clock.GetUtcNow().AddDays(1) }).ExpectProblem(HttpStatusCode.BadRequest, "invalid_received_at", "received_at");
        await _admin.Post($"/v1/invoices/{id}/pay", new { amount = 10.5 }).ExpectProblem(HttpStatusCode.BadRequest, "invalid_json", "amount");
        await _admin.Post($"/v1/invoices/{Guid.NewGuid()}/pay", new { amount = 100 }).ExpectProblem(HttpStatusCode.NotFound, "invoice_not_found");
        var draft = await _books.Draft(customer.Str("id"));
        await _admin.Post($"/v1/invoices/{draft.Str("id")}/pay", new { amount = 100 }).ExpectProblem(HttpStatusCode.Conflict, "invoice_not_payable");

        var unchanged = await _admin.GetAsync(new Uri($"/v1/invoices/{id}", UriKind.Relative)).Expect(HttpStatusCode.OK);
        Assert.Equal(10_000, unchanged.Amount("amount_remaining"));
    }

    [Fact]
    public async Task Absurd_overpayments_are_refused_so_the_credit_ledger_always_adds_up()
    {
        var customer = await _books.Organization();
        var id = customer.Str("id");
        var first = await _books.Open(id, "EUR");
        await _admin.Post($"/v1/invoices/{first.Str("id")}/pay", new { amount = long.MaxValue, method = "card", credit_excess = true })
            .ExpectProblem(HttpStatusCode.BadRequest, "invalid_amount", "amount");

        const long Largest = 1_000_000_000_000_000;
        await _admin.Post($"/v1/invoices/{first.Str("id")}/pay", new { amount = Largest, method = "card", credit_excess = true }).Expect(HttpStatusCode.Created);
        var balance = await _admin.GetAsync(new Uri($"/v1/customers/{id}/balance", UriKind.Relative)).Expect(HttpStatusCode.OK);
        Assert.Equal(Largest - 10_000, balance.GetProperty("balances")[0].Amount("amount"));
        var next = await _books.Open(id, "EUR");
        Assert.Equal("paid", next.Str("status"));

        var other = (await _books.Organization("Nearly full")).Str("id");
        var open = await _books.Open(other, "EUR");
        await _admin.Post($"/v1/customers/{other}/balance_transactions", new { amount = long.MaxValue - 5_000, currency = "EUR", type = "grant" }).Expect(HttpStatusCode.Created);
        await _admin.Post($"/v1/invoices/{open.Str("id")}/pay", new { amount = 20_000, credit_excess = true })
            .ExpectProblem(HttpStatusCode.UnprocessableEntity, "balance_overflow", "amount");
        var unchanged = await _admin.GetAsync(new Uri($"/v1/invoices/{open.Str("id")}", UriKind.Relative)).Expect(HttpStatusCode.OK);
        Assert.Equal(0, unchanged.Amount("amount_paid"));
        await _admin.GetAsync(new Uri($"/v1/customers/{other}/balance", UriKind.Relative)).Expect(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Two_concurrent_payments_of_60_on_100_never_overpay()
    {
        var customer = await _books.Organization();
        for (var round = 0; round < 25; round++)
        {
            var invoice = await _books.Open(customer.Str("id"), "USD", new { description = "Thing", unit_amount = 100 });
            var id = invoice.Str("id");
            var responses = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => app.Admin().Post($"/v1/invoices/{id}/pay", new { amount = 60 })));

            Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.Created));
            Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.UnprocessableEntity));
            var after = await _admin.GetAsync(new Uri($"/v1/invoices/{id}", UriKind.Relative)).Expect(HttpStatusCode.OK);
            Assert.Equal(60, after.Amount("amount_paid"));
            Assert.Equal(40, after.Amount("amount_remaining"));
        }
    }
}
