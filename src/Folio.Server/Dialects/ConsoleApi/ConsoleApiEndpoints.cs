using Folio.Access;
using Folio.Api;
using Folio.BillingProfiles;
using Folio.Customers;
using Folio.Data;
using Folio.Domain.Customers;
using Folio.Invoices;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Folio.Dialects.ConsoleApi;

/// <summary>The console API dialect: an organization's unpaid invoices, each carrying the organization's account.</summary>
public static class ConsoleApiEndpoints
{
    public const string OrganizationParameter = "idOrganization";

    public static void MapConsoleApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/invoices").WithTags("Console API").RequireAuthorization().WithStandardProblems();
        group.MapGet("/nopaid", Unpaid).WithSummary("The unpaid invoices of an organization, oldest due date first")
            .WithDescription("An organization key answers for its own organization; an admin key names one with idOrganization.");
    }

    private static async Task<Results<Ok<List<ConsoleInvoice>>, ProblemHttpResult>> Unpaid(
        [FromQuery(Name = OrganizationParameter)] string? idOrganization, Caller caller, FolioReadDb db, TimeProvider clock, CancellationToken ct)
    {
        Guid? named = null;
        if (idOrganization is not null)
        {
            if (Ids.Parse(idOrganization) is not { } parsed)
            {
                return Problems.Invalid(OrganizationParameter, "invalid_parameter", $"{OrganizationParameter} is the id (a UUID) of an organization.");
            }

            named = parsed;
        }

        if ((named ?? caller.OrganizationId) is not { } organizationId)
        {
            return Problems.Invalid(OrganizationParameter, "organization_required", $"An admin key names the organization with ?{OrganizationParameter}=<id>.");
        }

        var organization = await db.Customers.AsNoTracking().VisibleTo(caller)
            .FirstOrDefaultAsync(c => c.Id == organizationId && c.Kind == CustomerKind.Organization, ct);
        if (organization is null)
        {
            return Problems.NotFound("organization_not_found");
        }

        var account = ConsoleOrganization.From(organization, await BillingSummary.Of(db, organization, clock.GetUtcNow(), ct));
        var invoices = await db.Invoices.AsNoTracking().VisibleTo(caller).Where(i => i.OrganizationId == organizationId).Unpaid()
            .OrderBy(i => i.DueAt).ThenBy(i => i.Id)
            .Select(ConsoleInvoice.Projection(account))
            .ToListAsync(ct);
        return TypedResults.Ok(invoices);
    }
}
