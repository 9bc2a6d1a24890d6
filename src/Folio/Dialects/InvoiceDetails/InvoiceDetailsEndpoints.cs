using Folio.Access;
using Folio.Api;
using Folio.Data;
using Folio.Invoices;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Folio.Dialects.InvoiceDetails;

/// <summary>One invoice by id, for admin keys sent as <c>X-SALESBRICKS-KEY</c> or <c>Authorization: Bearer</c>.</summary>
public static class InvoiceDetailsEndpoints
{
    public static void MapInvoiceDetails(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v2/invoices").WithTags("Invoice details")
            .RequireAuthorization(ApiKeyAuthentication.AdminPolicy).WithStandardProblems();
        group.MapGet("/{invoice_id}", Get).WithSummary("Get an invoice's details")
            .WithDescription("grand_total and remaining_amount are integers in the currency's minor units.");
    }

    private static async Task<Results<Ok<InvoiceDetailsResponse>, ProblemHttpResult>> Get(
        [FromRoute(Name = "invoice_id")] string invoiceId, Caller caller, FolioReadDb db, CancellationToken ct)
    {
        var id = Ids.Parse(invoiceId);
        var invoice = id is null ? null : await db.Invoices.AsNoTracking().VisibleTo(caller).FirstOrDefaultAsync(i => i.Id == id, ct);
        return invoice is null ? Problems.NotFound("invoice_not_found") : TypedResults.Ok(InvoiceDetailsResponse.From(invoice));
    }
}
