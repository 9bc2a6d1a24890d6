using Folio.Access;
using Folio.Api;
using Folio.Customers;
using Folio.Data;
using Folio.Domain.Credits;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Folio.Credits;

public static class CreditsEndpoints
{
    public static void MapCredits(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/v1/customers/{id}").WithTags("Credit balance").RequireAuthorization().WithStandardProblems();
        group.MapGet("/balance", Balance).WithSummary("A customer's credit balance, per currency");
        group.MapGet("/balance_transactions", List).WithSummary("A customer's credit ledger, newest first");
        group.MapPost("/balance_transactions", Create).RequireAuthorization(ApiKeyAuthentication.AdminPolicy)
            .WithSummary("Grant or adjust credit")
            .WithDescription("Finalization applies available credit in the invoice's currency to new invoices.");
    }

    private static async Task<Results<Ok<CustomerBalanceResponse>, ProblemHttpResult>> Balance(string id, Caller caller, FolioReadDb db, CancellationToken ct)
    {
        var customerId = Ids.Parse(id);
        if (customerId is null || !await db.Customers.VisibleTo(caller).AnyAsync(c => c.Id == customerId, ct))
        {
            return Problems.NotFound("customer_not_found");
        }

        var balances = await db.CreditTransactions.Where(t => t.CustomerId == customerId)
            .GroupBy(t => t.Currency)
            .Select(g => new CurrencyBalance(g.Key, g.Sum(t => t.Amount)))
            .ToListAsync(ct);
        return TypedResults.Ok(new CustomerBalanceResponse(customerId.Value, [.. balances.OrderBy(b => b.Currency, StringComparer.Ordinal)]));
    }

    private static async Task<Results<Ok<Page<BalanceTransactionResponse>>, ProblemHttpResult>> List(
        string id, Caller caller, FolioReadDb db, PageTokens tokens, [FromQuery(Name = "currency")] string? currency, [FromQuery(Name = "limit")] int? limit, [FromQuery(Name = "page_token")] string? pageToken, CancellationToken ct)
    {
        var customerId = Ids.Parse(id);
        if (customerId is null || !await db.Customers.VisibleTo(caller).AnyAsync(c => c.Id == customerId, ct))
        {
            return Problems.NotFound("customer_not_found");
        }

        var violations = Paging.Read(tokens, PageList.BalanceTransactions, Binding(caller, customerId.Value, currency), limit, pageToken, out var page);
        if (violations.Count > 0)
        {
            return Problems.From(violations);
        }

        var entries = db.CreditTransactions.AsNoTracking().Where(t => t.CustomerId == customerId);
        if (currency is not null)
        {
            entries = entries.Where(t => t.Currency == currency);
        }

        return TypedResults.Ok(await page.Newest(entries, NewestFirst, async (rows, ct) => (await rows.ToListAsync(ct)).ConvertAll(BalanceTransactionResponse.From), t => t.Id, ct));
    }

    private static readonly KeysetOrder<CreditTransaction> NewestFirst = KeysetOrder<CreditTransaction>.NewestFirst(t => t.Id);

    private static ulong Binding(Caller caller, Guid customerId, string? currency)
    {
        var binding = new PageBinding(stackalloc byte[128], PageList.BalanceTransactions, caller);
        binding.Add(customerId);
        binding.Add(currency);
        return binding.Finish();
    }

    private static async Task<Results<Created<BalanceTransactionResponse>, ProblemHttpResult>> Create(
        string id, CreateBalanceTransactionRequest request, FolioDb db, TimeProvider clock, CancellationToken ct)
    {
        if (Ids.Parse(id) is not { } customerId)
        {
            return Problems.NotFound("customer_not_found");
        }

        var outcome = await CreditLedger.RecordManualEntry(db, clock, customerId, request, ct);
        return Problems.Map(outcome, entry => TypedResults.Created($"/v1/customers/{customerId}/balance_transactions", BalanceTransactionResponse.From(entry)));
    }
}
