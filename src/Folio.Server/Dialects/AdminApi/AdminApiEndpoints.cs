using Folio.Access;
using Folio.Api;
using Folio.Data;
using Folio.Invoices;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Folio.Dialects.AdminApi;

/// <summary>The seed's admin API: invoices of an organization or a user, for admin keys only.</summary>
public static class AdminApiEndpoints
{
    public static void MapAdminApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/admin/v1/invoices").WithTags("Admin API (dialect)")
            .RequireAuthorization(ApiKeyAuthentication.AdminPolicy)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        group.MapGet("/", List).WithSummary("List the invoices of an organization or a user")
            .WithDescription("organizationId or userId is required. Pass nextPageToken (or previousPageToken) back as pageToken with the same filters and orderBy.");
        group.MapGet("/{invoiceId}", Get).WithSummary("Get an invoice").ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<Results<Ok<AdminInvoiceList>, ProblemHttpResult>> List(
        [AsParameters] AdminInvoiceListQuery query, Caller caller, FolioReadDb db, PageTokens tokens, TimeProvider clock, CancellationToken ct)
    {
        var (criteria, violations) = AdminListCriteria.Read(query, caller, tokens);
        return criteria is null
            ? Problems.From(violations)
            : TypedResults.Ok(await AdminInvoicePages.List(db, caller, tokens, criteria, clock.GetUtcNow(), ct));
    }

    private static async Task<Results<Ok<AdminInvoice>, ProblemHttpResult>> Get(
        string invoiceId, [AsParameters] AdminInvoiceGetQuery query, Caller caller, FolioReadDb db, TimeProvider clock, CancellationToken ct)
    {
        var (criteria, violations) = AdminGetCriteria.Read(query);
        if (criteria is null)
        {
            return Problems.From(violations);
        }

        var invoice = Ids.Parse(invoiceId) is { } id ? await InvoiceQueries.Find(db, caller, id, ct) : null;
        if (invoice is null
            || (criteria.OrganizationId is { } organizationId && invoice.OrganizationId != organizationId)
            || (criteria.UserId is { } userId && invoice.CustomerId != userId))
        {
            return Problems.NotFound("invoice_not_found");
        }

        var rendered = await AdminInvoicePages.Render(db, [invoice], invoice.Items.ToLookup(item => item.InvoiceId), criteria.View, clock.GetUtcNow(), ct);
        return TypedResults.Ok(rendered[0]);
    }
}
