using Folio.Access;
using Folio.Api;
using Folio.Customers;
using Folio.Data;
using Folio.Domain.Customers;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Folio.BillingProfiles;

/// <summary>The billing profile of a customer: the seller's settings, the account status, and (for organizations) a summary of the books.</summary>
public static class BillingProfilesEndpoints
{
    public static void MapBillingProfiles(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/v1/customers/{id}").WithTags("Billing profiles").RequireAuthorization().WithStandardProblems();
        group.MapGet("/billing_profile", Get).WithSummary("A customer's billing settings, status and, for an organization, its summary in US dollars");

        var admin = group.MapGroup("/").RequireAuthorization(ApiKeyAuthentication.AdminPolicy);
        admin.MapPut("/billing_profile", Replace).WithSummary("Replace a customer's billing settings")
            .WithDescription("A field left out goes back to its default. Amounts are US cents.");
        admin.MapPost("/suspend", Suspend).WithSummary("Suspend an account, with a reason");
        admin.MapPost("/reactivate", Reactivate).WithSummary("Make a suspended account active again");
    }

    private static async Task<Results<Ok<BillingProfileResponse>, ProblemHttpResult>> Get(string id, Caller caller, FolioReadDb db, TimeProvider clock, CancellationToken ct)
    {
        var customerId = Ids.Parse(id);
        var customer = customerId is null ? null : await db.Customers.AsNoTracking().VisibleTo(caller).FirstOrDefaultAsync(c => c.Id == customerId, ct);
        return customer is null ? Problems.NotFound("customer_not_found") : TypedResults.Ok(await Response(db, customer, clock, ct));
    }

    private static Task<Results<Ok<BillingProfileResponse>, ProblemHttpResult>> Replace(
        string id, BillingSettingsRequest request, FolioDb db, TimeProvider clock, CancellationToken ct) =>
        Respond(id, db, clock, customerId => BillingProfileOperations.Replace(db, clock, customerId, request, ct), ct);

    private static Task<Results<Ok<BillingProfileResponse>, ProblemHttpResult>> Suspend(string id, SuspendRequest request, FolioDb db, TimeProvider clock, CancellationToken ct) =>
        Respond(id, db, clock, customerId => BillingProfileOperations.Suspend(db, clock, customerId, request.Reason, ct), ct);

    private static Task<Results<Ok<BillingProfileResponse>, ProblemHttpResult>> Reactivate(string id, FolioDb db, TimeProvider clock, CancellationToken ct) =>
        Respond(id, db, clock, customerId => BillingProfileOperations.Reactivate(db, clock, customerId, ct), ct);

    private static async Task<Results<Ok<BillingProfileResponse>, ProblemHttpResult>> Respond(
        string id, FolioDb db, TimeProvider clock, Func<Guid, Task<Outcome<Customer>>> change, CancellationToken ct)
    {
        if (Ids.Parse(id) is not { } customerId)
        {
            return Problems.NotFound("customer_not_found");
        }

        var outcome = await change(customerId);
        if (!outcome.Succeeded)
        {
            return outcome.NotFoundCode is { } code ? Problems.NotFound(code) : Problems.From(outcome.Violations);
        }

        return TypedResults.Ok(await Response(db, outcome.Value!, clock, ct));
    }

    private static async Task<BillingProfileResponse> Response(FolioBooks db, Customer customer, TimeProvider clock, CancellationToken ct) =>
        BillingProfileResponse.From(
            customer, customer.Kind == CustomerKind.Organization ? await BillingSummary.Of(db, customer, clock.GetUtcNow(), ct) : null);
}
