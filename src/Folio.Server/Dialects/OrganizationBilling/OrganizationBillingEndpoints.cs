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
        PageTokens tokens,
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

        var binding = Binding(caller, id.Value);
        PageCursor? cursor = null;
        if (page is not null && tokens.Read(page, PageList.OrganizationBillingInvoices, binding, 0, out cursor) != PageTokenReading.Read)
        {
            violations.Add(RuleViolation.Invalid("page", "invalid_page", "page is not a token this list returned; follow the prev and next links."));
        }

        if (violations.Count > 0)
        {
            return Problems.From(violations);
        }

        var invoices = db.Invoices.AsNoTracking().VisibleTo(caller).Where(i => i.OrganizationId == id);
        var window = await Keyset.Window(
            invoices, InvoiceQueries.NewestFirst, cursor, size, (rows, ct) => rows.Select(BillingInvoice.Projection).ToListAsync(ct), i => PagePosition.OfId(i.Id), ct, countBefore: 1);
        var rows = window.Rows;
        var prev = window.Before == 0 ? null : rows.Count > 0 ? PageCursor.Before(PagePosition.OfId(rows[0].Id)) : PageCursor.End;
        var next = !window.MoreAfter ? null : rows.Count > 0 ? PageCursor.After(PagePosition.OfId(rows[^1].Id)) : PageCursor.Start;
        return TypedResults.Ok(new BillingInvoicePage(rows, Link(links, tokens, binding, id.Value, prev, size), Link(links, tokens, binding, id.Value, next, size), size));
    }

    /// <summary>A page token of this list is bound to the organization and the caller's scope.</summary>
    private static ulong Binding(Caller caller, Guid organizationId)
    {
        var binding = new PageBinding(stackalloc byte[64], PageList.OrganizationBillingInvoices, caller);
        binding.Add(organizationId);
        return binding.Finish();
    }

    private static string? Link(PublicLinks links, PageTokens tokens, ulong binding, Guid organizationId, PageCursor? cursor, int size) =>
        cursor is null
            ? null
            : links.To(
                $"/v1/organizations/{organizationId}/billing/invoices",
                QueryString.Create("per_page", size.ToString(CultureInfo.InvariantCulture)).Add("page", tokens.Issue(PageList.OrganizationBillingInvoices, binding, cursor)));
}
