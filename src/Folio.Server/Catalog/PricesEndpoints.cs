using Folio.Access;
using Folio.Api;
using Folio.Data;
using Folio.Domain.Catalog;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Folio.Catalog;

public static class PricesEndpoints
{
    public static void MapPrices(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/v1/prices").WithTags("Catalog").RequireAuthorization().WithStandardProblems();
        group.MapGet("/", List).WithSummary("List prices, newest first")
            .WithDescription("Every key may read the catalog. Keyset-paginated: pass next_page_token back as page_token. Filters (combined with AND): product_id, active (the price's own state), currency, type (one_time or recurring), lookup_key.");
        group.MapGet("/{id}", Get).WithSummary("Get a price");

        var admin = group.MapGroup("/").RequireAuthorization(ApiKeyAuthentication.AdminPolicy);
        admin.MapPost("/", Create).WithSummary("Create a price of a product")
            .WithDescription("currency, unit_amount, type, recurring, tax_rate and tax_inclusive never change afterwards: to charge differently, create a new price and archive the old one. " +
                "A product that is archived gets no new prices (422 product_archived). A lookup_key names one active price at a time (409 lookup_key_in_use); transfer_lookup_key: true moves it from the price that holds it.");
        admin.MapPatch("/{id}", Update).WithSummary("Update a price's nickname, lookup key or metadata")
            .WithDescription("The money terms cannot be changed (400 unknown_field). Send If-Match with the ETag you read to refuse the change when someone else changed the price first (412).");
        admin.MapPost("/{id}/archive", Archive).WithSummary("Archive a price: kept for the lines made from it, refused for new ones");
        admin.MapPost("/{id}/unarchive", Unarchive).WithSummary("Unarchive a price (409 lookup_key_in_use when another active price took its lookup key)");
        admin.MapDelete("/{id}", Delete).WithSummary("Delete a price while nothing uses it")
            .WithDescription("A price an invoice line was made from stays in the books: 409 price_in_use; archive it instead.");
    }

    private static async Task<Results<Ok<Page<PriceResponse>>, ProblemHttpResult>> List(
        [AsParameters] PriceListQuery query, Caller caller, FolioReadDb db, PageTokens tokens, CancellationToken ct) =>
        Problems.Map(await PriceOperations.List(db, tokens, query.Binding(caller), query, ct), TypedResults.Ok);

    private static async Task<Results<Ok<PriceResponse>, ProblemHttpResult>> Get(string id, FolioReadDb db, HttpResponse response, CancellationToken ct)
    {
        var price = Ids.Parse(id) is { } priceId ? await PriceOperations.Find(db, priceId, ct) : null;
        return price is null ? Problems.NotFound("price_not_found") : Ok(response, price);
    }

    private static async Task<Results<Created<PriceResponse>, ProblemHttpResult>> Create(
        CreatePriceRequest request, FolioDb db, TimeProvider clock, HttpResponse response, CancellationToken ct) =>
        Problems.Map(await PriceOperations.Create(db, clock, request, ct), price =>
        {
            ETags.Set(response, price.Version);
            return TypedResults.Created($"/v1/prices/{price.Id}", PriceResponse.From(price));
        });

    private static async Task<Results<Ok<PriceResponse>, ProblemHttpResult>> Update(
        string id, UpdatePriceRequest request, FolioDb db, TimeProvider clock, HttpRequest http, HttpResponse response, CancellationToken ct)
    {
        if (Ids.Parse(id) is not { } priceId)
        {
            return Problems.NotFound("price_not_found");
        }

        if (!ETags.TryReadIfMatch(http, out var expectedVersion))
        {
            return ETags.InvalidIfMatch("price");
        }

        return Problems.Map(await PriceOperations.Update(db, clock, priceId, request, expectedVersion, ct), price => Ok(response, price));
    }

    private static Task<Results<Ok<PriceResponse>, ProblemHttpResult>> Archive(string id, FolioDb db, TimeProvider clock, HttpResponse response, CancellationToken ct) =>
        Respond(response, id, priceId => PriceOperations.Archive(db, clock, priceId, ct));

    private static Task<Results<Ok<PriceResponse>, ProblemHttpResult>> Unarchive(string id, FolioDb db, TimeProvider clock, HttpResponse response, CancellationToken ct) =>
        Respond(response, id, priceId => PriceOperations.Unarchive(db, clock, priceId, ct));

    private static async Task<Results<NoContent, ProblemHttpResult>> Delete(string id, FolioDb db, CancellationToken ct) =>
        Ids.Parse(id) is { } priceId
            ? Problems.Map(await PriceOperations.Delete(db, priceId, ct), _ => TypedResults.NoContent())
            : Problems.NotFound("price_not_found");

    private static async Task<Results<Ok<PriceResponse>, ProblemHttpResult>> Respond(HttpResponse response, string id, Func<Guid, Task<Outcome<Price>>> change) =>
        Ids.Parse(id) is { } priceId
            ? Problems.Map(await change(priceId), price => Ok(response, price))
            : Problems.NotFound("price_not_found");

    private static Ok<PriceResponse> Ok(HttpResponse response, Price price)
    {
        ETags.Set(response, price.Version);
        return TypedResults.Ok(PriceResponse.From(price));
    }
}
