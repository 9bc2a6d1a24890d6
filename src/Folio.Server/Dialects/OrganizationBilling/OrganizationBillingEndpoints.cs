using System.Globalization;
using Folio.Access;
using Folio.Api;
using Folio.Customers;
using Folio.Data;
using Folio.Domain;
using Folio.Domain.Customers;
using Folio.Invoices;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Folio.Dialects.OrganizationBilling;

/// <summary>An organization's invoices (its own and its users'), paged both ways with prev/next links.</summary>
public static class OrganizationBillingEndpoints
{
    public const int DefaultPerPage = 25;
    public const int MaxPerPage = 100;

    public static void MapOrganizationBilling(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/v1/organizations/{organizationId}/billing").WithTags("Organization billing").RequireAuthorization().WithStandardProblems();
        group.MapGet("/invoices", List).WithSummary("An organization's invoices, newest first")
            .WithDescription("Totals are in major units. Follow next and prev to walk the pages; page is an opaque token. The links are absolute when the server knows its public address (Folio:Api:PublicUrl, or the address it listens on), relative otherwise; never built from the request's Host.");
    }

    private static async Task<Results<Ok<BillingInvoicePage>, ProblemHttpResult>> List(
        string organizationId,
        [FromQuery(Name = "per_page")] string? perPage,
        [FromQuery(Name = "page")] string? page,
        Caller caller,
        FolioReadDb db,
        PublicLinks links,
        CancellationToken ct)
    {
        var id = Ids.Parse(organizationId);
        if (id is null || !await db.Customers.AsNoTracking().VisibleTo(caller).AnyAsync(c => c.Id == id && c.Kind == CustomerKind.Organization, ct))
        {
            return Problems.NotFound("organization_not_found");
        }

        var violations = new List<RuleViolation>();
        var size = DefaultPerPage;
        if (perPage is not null && !(int.TryParse(perPage, NumberStyles.None, CultureInfo.InvariantCulture, out size) && size is >= 1 and <= MaxPerPage))
        {
            violations.Add(RuleViolation.Invalid("per_page", "invalid_per_page", $"per_page is a whole number from 1 to {MaxPerPage}."));
        }

        KeysetCursor? cursor = null;
        if (page is not null && !BillingPageToken.TryDecode(page, out cursor))
        {
            violations.Add(RuleViolation.Invalid("page", "invalid_page", "page is not a token this list returned; follow the prev and next links."));
        }

        if (violations.Count > 0)
        {
            return Problems.From(violations);
        }

        var window = await db.Invoices.AsNoTracking().VisibleTo(caller).Where(i => i.OrganizationId == id).Window(cursor, size, ct);
        return TypedResults.Ok(new BillingInvoicePage(
            [.. window.Invoices.Select(BillingInvoice.From)], Link(links, id.Value, window.Newer, size), Link(links, id.Value, window.Older, size), size));
    }

    private static string? Link(PublicLinks links, Guid organizationId, KeysetCursor? cursor, int size) =>
        cursor is null
            ? null
            : links.To(
                $"/v1/organizations/{organizationId}/billing/invoices",
                QueryString.Create("per_page", size.ToString(CultureInfo.InvariantCulture)).Add("page", BillingPageToken.Encode(cursor)));
}
