using System.Globalization;
using Folio.Access;
using Folio.Api;
using Folio.BillRuns;
using Folio.Data;
using Folio.Domain;
using Folio.Invoices;
using Folio.Subscriptions;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Folio.Dialects.InvoiceDetails;

/// <summary>One invoice by id, or a subscription's invoices and renewal estimate, for admin keys sent as <c>X-SALESBRICKS-KEY</c> or <c>Authorization: Bearer</c>.</summary>
public static class InvoiceDetailsEndpoints
{
    public static void MapInvoiceDetails(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v2/invoices").WithTags("Invoice details")
            .RequireAuthorization(ApiKeyAuthentication.AdminPolicy).WithStandardProblems();
        group.MapGet("/", List).WithSummary("List a subscription's invoices and its renewal estimate")
            .WithDescription("subscription_id is required. The invoices it produced, oldest period first, then the renewal estimate: the invoice the bill run will issue at bill_at (invoice_id and invoice_number null, is_renewal_estimate true, status DRAFT), with the customer's credit balance and the exchange rate as they stand now. No estimate when nothing more will be billed. limit is 100 by default, at most 1000; offset skips entries; next and previous are absolute URLs when the server knows its public address (Folio:Api:PublicUrl, or the address it listens on), relative otherwise.");
        group.MapGet("/{invoice_id}", Get).WithSummary("Get an invoice's details")
            .WithDescription("grand_total and remaining_amount are integers in the currency's minor units.");
    }

    public const int DefaultLimit = 100;
    public const int MaxLimit = 1000;

    private static async Task<Results<Ok<InvoiceDetailsResponse>, ProblemHttpResult>> Get(
        [FromRoute(Name = "invoice_id")] string invoiceId, Caller caller, FolioReadDb db, CancellationToken ct)
    {
        var id = Ids.Parse(invoiceId);
        var invoice = id is null ? null : await db.Invoices.AsNoTracking().VisibleTo(caller).FirstOrDefaultAsync(i => i.Id == id, ct);
        if (invoice is null)
        {
            return Problems.NotFound("invoice_not_found");
        }

        var billDates = await SubscriptionInvoices.BillDates(db, [invoice], ct);
        return TypedResults.Ok(InvoiceDetailsResponse.From(invoice, billDates.TryGetValue(invoice.Id, out var billAt) ? billAt : null));
    }

    private static async Task<Results<Ok<InvoiceDetailsList>, ProblemHttpResult>> List(
        [FromQuery(Name = "subscription_id")] string? subscriptionId,
        [FromQuery(Name = "limit")] string? limit,
        [FromQuery(Name = "offset")] string? offset,
        Caller caller,
        FolioReadDb db,
        TimeProvider clock,
        IOptions<InvoiceOptions> options,
        IOptions<BillRunOptions> billRuns,
        PublicLinks links,
        CancellationToken ct)
    {
        var violations = new List<RuleViolation>();
        if (subscriptionId is null)
        {
            violations.Add(RuleViolation.Invalid("subscription_id", "missing_subscription_id", "Give subscription_id: invoices are listed for one subscription."));
        }

        var size = DefaultLimit;
        if (limit is not null && !(int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out size) && size is >= 1 and <= MaxLimit))
        {
            violations.Add(RuleViolation.Invalid("limit", "invalid_limit", $"limit is a whole number from 1 to {MaxLimit}."));
        }

        var skip = 0;
        if (offset is not null && !int.TryParse(offset, NumberStyles.None, CultureInfo.InvariantCulture, out skip))
        {
            violations.Add(RuleViolation.Invalid("offset", "invalid_offset", "offset is a whole number, 0 or more."));
        }

        if (violations.Count > 0)
        {
            return Problems.From(violations);
        }

        if (Ids.Parse(subscriptionId!) is not { } id)
        {
            return Problems.NotFound("subscription_not_found");
        }

        var outcome = await SubscriptionInvoices.History(db, caller, options.Value, billRuns.Value.Finalize, id, skip, size, clock.GetUtcNow(), ct);
        return Problems.Map(outcome, history =>
        {
            List<InvoiceDetailsResponse> results = [.. history.Invoices.Select(i => InvoiceDetailsResponse.From(i, history.BillDates[i.Id]))];
            if (history.Upcoming is { } upcoming)
            {
                results.Add(InvoiceDetailsResponse.From(upcoming));
            }

            // Subtractions, never skip + size: both may be as large as an int holds.
            var next = size < history.Count - skip ? Link(links, id, size, skip + size) : null;
            var previous = skip > 0 ? Link(links, id, size, Math.Max(skip - size, 0)) : null;
            return TypedResults.Ok(new InvoiceDetailsList(history.Count, next, previous, results));
        });
    }

    private static string Link(PublicLinks links, Guid subscriptionId, int limit, int offset) =>
        links.To(
            "/api/v2/invoices",
            QueryString.Create("subscription_id", subscriptionId.ToString())
                .Add("limit", limit.ToString(CultureInfo.InvariantCulture))
                .Add("offset", offset.ToString(CultureInfo.InvariantCulture)));
}
