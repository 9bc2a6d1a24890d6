using Folio.Access;
using Folio.Api;
using Folio.Data;
using Folio.Invoices;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Folio.Payments;

public static class PaymentsEndpoints
{
    public static void MapPayments(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/v1/invoices/{id}").WithTags("Payments").RequireAuthorization().WithStandardProblems();
        group.MapGet("/payments", List).WithSummary("List the payments of an invoice, oldest first");
        group.MapPost("/pay", Pay).RequireAuthorization(ApiKeyAuthentication.AdminPolicy)
            .WithSummary("Record a payment")
            .WithDescription("Partial payments are allowed. A payment above amount_remaining is refused with 422 unless credit_excess is true.");
    }

    private static async Task<Results<Created<PaymentReceipt>, ProblemHttpResult>> Pay(
        string id, PayInvoiceRequest request, FolioDb db, TimeProvider clock, CancellationToken ct)
    {
        if (Ids.Parse(id) is not { } invoiceId)
        {
            return Problems.NotFound("invoice_not_found");
        }

        var outcome = await RecordPayment.Run(db, clock, invoiceId, request, ct);
        return Problems.Map(outcome, result => TypedResults.Created(
            $"/v1/invoices/{invoiceId}/payments",
            new PaymentReceipt(PaymentResponse.From(result.Payment), InvoiceResponse.From(result.Invoice, clock.GetUtcNow()))));
    }

    private static async Task<Results<Ok<Page<PaymentResponse>>, ProblemHttpResult>> List(string id, Caller caller, FolioReadDb db, CancellationToken ct)
    {
        var invoiceId = Ids.Parse(id);
        if (invoiceId is null || !await db.Invoices.VisibleTo(caller).AnyAsync(i => i.Id == invoiceId, ct))
        {
            return Problems.NotFound("invoice_not_found");
        }

        var payments = await db.Payments.AsNoTracking().Where(p => p.InvoiceId == invoiceId).OrderBy(p => p.Id).ToListAsync(ct);
        return TypedResults.Ok(new Page<PaymentResponse>([.. payments.Select(PaymentResponse.From)], null));
    }
}
