using Folio.Access;
using Folio.Api;
using Folio.Data;
using Folio.Domain.Catalog;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Folio.Catalog;

public static class ProductsEndpoints
{
    public static void MapProducts(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/v1/products").WithTags("Catalog").RequireAuthorization().WithStandardProblems();
        group.MapGet("/", List).WithSummary("List products, newest first")
            .WithDescription("Every key may read the catalog. Keyset-paginated: pass next_page_token back as page_token. active=true lists unarchived products, active=false archived ones.");
        group.MapGet("/{id}", Get).WithSummary("Get a product");

        var admin = group.MapGroup("/").RequireAuthorization(ApiKeyAuthentication.AdminPolicy);
        admin.MapPost("/", Create).WithSummary("Create a product");
        admin.MapPatch("/{id}", Update).WithSummary("Update a product's name, description or metadata")
            .WithDescription("Send If-Match with the ETag you read to refuse the change when someone else changed the product first (412).");
        admin.MapPost("/{id}/archive", Archive).WithSummary("Archive a product: its prices stay, but cannot be used for new lines, and it gets no new prices");
        admin.MapPost("/{id}/unarchive", Unarchive).WithSummary("Unarchive a product");
        admin.MapDelete("/{id}", Delete).WithSummary("Delete a product and its prices, while none of its prices is used")
            .WithDescription("A product with a used price stays in the books: 409 product_in_use; archive it instead.");
    }

    private static async Task<Results<Ok<Page<ProductResponse>>, ProblemHttpResult>> List(
        [AsParameters] ProductListQuery query, Caller caller, FolioReadDb db, PageTokens tokens, CancellationToken ct) =>
        Problems.Map(await ProductOperations.List(db, tokens, query.Binding(caller), query, ct), TypedResults.Ok);

    private static async Task<Results<Ok<ProductResponse>, ProblemHttpResult>> Get(string id, FolioReadDb db, HttpResponse response, CancellationToken ct)
    {
        var product = Ids.Parse(id) is { } productId ? await ProductOperations.Find(db, productId, ct) : null;
        return product is null ? Problems.NotFound("product_not_found") : Ok(response, product);
    }

    private static async Task<Results<Created<ProductResponse>, ProblemHttpResult>> Create(
        CreateProductRequest request, FolioDb db, TimeProvider clock, HttpResponse response, CancellationToken ct) =>
        Problems.Map(await ProductOperations.Create(db, clock, request, ct), product =>
        {
            ETags.Set(response, product.Version);
            return TypedResults.Created($"/v1/products/{product.Id}", ProductResponse.From(product));
        });

    private static async Task<Results<Ok<ProductResponse>, ProblemHttpResult>> Update(
        string id, UpdateProductRequest request, FolioDb db, TimeProvider clock, HttpRequest http, HttpResponse response, CancellationToken ct)
    {
        if (Ids.Parse(id) is not { } productId)
        {
            return Problems.NotFound("product_not_found");
        }

        if (!ETags.TryReadIfMatch(http, out var expectedVersion))
        {
            return ETags.InvalidIfMatch("product");
        }

        return Problems.Map(await ProductOperations.Update(db, clock, productId, request, expectedVersion, ct), product => Ok(response, product));
    }

    private static Task<Results<Ok<ProductResponse>, ProblemHttpResult>> Archive(string id, FolioDb db, TimeProvider clock, HttpResponse response, CancellationToken ct) =>
        Respond(response, id, productId => ProductOperations.Archive(db, clock, productId, ct));

    private static Task<Results<Ok<ProductResponse>, ProblemHttpResult>> Unarchive(string id, FolioDb db, TimeProvider clock, HttpResponse response, CancellationToken ct) =>
        Respond(response, id, productId => ProductOperations.Unarchive(db, clock, productId, ct));

    private static async Task<Results<NoContent, ProblemHttpResult>> Delete(string id, FolioDb db, CancellationToken ct) =>
        Ids.Parse(id) is { } productId
            ? Problems.Map(await ProductOperations.Delete(db, productId, ct), _ => TypedResults.NoContent())
            : Problems.NotFound("product_not_found");

    private static async Task<Results<Ok<ProductResponse>, ProblemHttpResult>> Respond(HttpResponse response, string id, Func<Guid, Task<Outcome<Product>>> change) =>
        Ids.Parse(id) is { } productId
            ? Problems.Map(await change(productId), product => Ok(response, product))
            : Problems.NotFound("product_not_found");

    private static Ok<ProductResponse> Ok(HttpResponse response, Product product)
    {
        ETags.Set(response, product.Version);
        return TypedResults.Ok(ProductResponse.From(product));
    }
}
