using Folio.Access;
using Folio.Api;
using Folio.Data;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Folio.ExchangeRates;

public static class ExchangeRatesEndpoints
{
    public static void MapExchangeRates(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/v1/exchange_rates").WithTags("Exchange rates")
            .RequireAuthorization(ApiKeyAuthentication.AdminPolicy).WithStandardProblems();
        group.MapGet("/", List).WithSummary("The rates to US dollars in force, by currency");
        group.MapPut("/{currency}", Set).WithSummary("Set the rate of a currency to US dollars")
            .WithDescription("Invoices finalized from now on fix this rate; invoices already finalized keep theirs.");
        group.MapDelete("/{currency}", Remove).WithSummary("Remove a rate: invoices in that currency cannot be finalized until one is set");
    }

    private static async Task<Ok<ExchangeRateList>> List(FolioReadDb db, CancellationToken ct) =>
        TypedResults.Ok(new ExchangeRateList([.. (await ExchangeRateOperations.List(db, ct)).Select(ExchangeRateResponse.From)]));

    private static async Task<Results<Ok<ExchangeRateResponse>, ProblemHttpResult>> Set(
        string currency, SetExchangeRateRequest request, FolioDb db, TimeProvider clock, CancellationToken ct) =>
        ExchangeRateOperations.CheckCurrency(currency) is { } invalid
            ? Problems.From([invalid])
            : Problems.Map(await ExchangeRateOperations.Set(db, clock, currency, request.UsdPerUnit, ct), rate => TypedResults.Ok(ExchangeRateResponse.From(rate)));

    private static async Task<Results<NoContent, ProblemHttpResult>> Remove(string currency, FolioDb db, CancellationToken ct) =>
        await ExchangeRateOperations.Remove(db, currency, ct) ? TypedResults.NoContent() : Problems.NotFound("exchange_rate_not_found");
}
