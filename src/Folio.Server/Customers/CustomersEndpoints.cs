using Folio.Access;
using Folio.Api;
using Folio.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Folio.Customers;

public static class CustomersEndpoints
{
    public static void MapCustomers(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/v1/customers").WithTags("Customers").RequireAuthorization().WithStandardProblems();
        group.MapGet("/", List).WithSummary("List customers, newest first");
        group.MapGet("/{id}", Get).WithSummary("Get a customer");

        var admin = group.MapGroup("/").RequireAuthorization(ApiKeyAuthentication.AdminPolicy);
        admin.MapPost("/", Create).WithSummary("Create a customer (an organization or a user)");
        admin.MapPatch("/{id}", Update).WithSummary("Update a customer");
        admin.MapPost("/{id}/archive", Archive).WithSummary("Archive a customer: kept in the books, no new invoices");
    }

    private static async Task<Results<Ok<Page<CustomerResponse>>, ProblemHttpResult>> List(
        [AsParameters] CustomerListQuery query, Caller caller, FolioReadDb db, PageTokens tokens, CancellationToken ct) =>
        Problems.Map(await CustomerOperations.List(db, caller, tokens, query, ct), TypedResults.Ok);

    private static async Task<Results<Ok<CustomerResponse>, ProblemHttpResult>> Get(string id, Caller caller, FolioReadDb db, CancellationToken ct)
    {
        var customerId = Ids.Parse(id);
        var customer = customerId is null ? null : await db.Customers.AsNoTracking().VisibleTo(caller).FirstOrDefaultAsync(c => c.Id == customerId, ct);
        return customer is null ? Problems.NotFound("customer_not_found") : TypedResults.Ok(CustomerResponse.From(customer));
    }

    private static async Task<Results<Created<CustomerResponse>, ProblemHttpResult>> Create(
        CreateCustomerRequest request, FolioDb db, TimeProvider clock, CancellationToken ct) =>
        Problems.Map(await CustomerOperations.Create(db, clock, request, ct), customer =>
            TypedResults.Created($"/v1/customers/{customer.Id}", CustomerResponse.From(customer)));

    private static async Task<Results<Ok<CustomerResponse>, ProblemHttpResult>> Update(
        string id, UpdateCustomerRequest request, FolioDb db, TimeProvider clock, CancellationToken ct) =>
        Ids.Parse(id) is { } customerId
            ? Problems.Map(await CustomerOperations.Update(db, clock, customerId, request, ct), customer => TypedResults.Ok(CustomerResponse.From(customer)))
            : Problems.NotFound("customer_not_found");

    private static async Task<Results<Ok<CustomerResponse>, ProblemHttpResult>> Archive(string id, FolioDb db, TimeProvider clock, CancellationToken ct) =>
        Ids.Parse(id) is { } customerId
            ? Problems.Map(await CustomerOperations.Archive(db, clock, customerId, ct), customer => TypedResults.Ok(CustomerResponse.From(customer)))
            : Problems.NotFound("customer_not_found");
}
