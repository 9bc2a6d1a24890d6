using System.Net;
using Folio.Tests.Support;

namespace Folio.Tests.Credits;

public sealed class CreditBalanceTests(FolioApp app) : IClassFixture<FolioApp>
{
    private readonly Books _books = app.Books();
    private readonly HttpClient _admin = app.Admin();

    [Fact]
    public async Task The_ledger_records_grants_adjustments_and_applications_and_never_goes_below_zero()
    {
        var id = (await _books.Organization()).Str("id");
        await _admin.Post($"/v1/customers/{id}/balance_transactions", new { amount = 5_000, currency = "USD", type = "grant", description = "Welcome credit" }).Expect(HttpStatusCode.Created);
        await _admin.Post($"/v1/customers/{id}/balance_transactions", new { amount = -1_000, currency = "USD", type = "adjustment" }).Expect(HttpStatusCode.Created);
        await _admin.Post($"/v1/customers/{id}/balance_transactions", new { amount = -4_001, currency = "USD", type = "adjustment" })
            .ExpectProblem(HttpStatusCode.UnprocessableEntity, "insufficient_balance", "amount");
        await _admin.Post($"/v1/customers/{id}/balance_transactions", new { amount = -5, currency = "USD", type = "grant" }).ExpectProblem(HttpStatusCode.BadRequest, "invalid_amount", "amount");
        await _admin.Post($"/v1/customers/{id}/balance_transactions", new { amount = 5, currency = "USD", type = "overpayment" }).ExpectProblem(HttpStatusCode.BadRequest, "invalid_type", "type");

        var invoice = await _books.Open(id, "USD", new { description = "Small", unit_amount = 1_500 });
        Assert.Equal(1_500, invoice.Amount("credit_applied"));
        Assert.Equal("paid", invoice.Str("status"));

        var ledger = await _admin.GetAsync(new Uri($"/v1/customers/{id}/balance_transactions", UriKind.Relative)).Expect(HttpStatusCode.OK);
        var entries = ledger.GetProperty("data").EnumerateArray().ToList();
        Assert.Equal(["invoice_application", "adjustment", "grant"], entries.Select(e => e.Str("type")));
        Assert.Equal(invoice.Str("id"), entries[0].Str("invoice_id"));
        var balance = await _admin.GetAsync(new Uri($"/v1/customers/{id}/balance", UriKind.Relative)).Expect(HttpStatusCode.OK);
        Assert.Equal(2_500, balance.GetProperty("balances")[0].Amount("amount"));
        await _admin.GetAsync(new Uri($"/v1/customers/{Guid.NewGuid()}/balance", UriKind.Relative)).ExpectProblem(HttpStatusCode.NotFound, "customer_not_found");
    }
}
