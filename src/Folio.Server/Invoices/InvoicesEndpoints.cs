using Folio.Access;
using Folio.Api;
using Folio.Data;
using Folio.Domain.Invoicing;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Folio.Invoices;

public static class InvoicesEndpoints
{
    public static void MapInvoices(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/v1/invoices").WithTags("Invoices").RequireAuthorization().WithStandardProblems();
        group.MapGet("/", List).WithSummary("List invoices, newest first")
            .WithDescription("Keyset-paginated: pass next_page_token back as page_token. Filters combine with AND.");
        group.MapGet("/{id}", Get).WithSummary("Get an invoice");

        var admin = group.MapGroup("/").RequireAuthorization(ApiKeyAuthentication.AdminPolicy);
        admin.MapPost("/", Create).WithSummary("Create a draft invoice").WithDescription(PricedLines);
        admin.MapPatch("/{id}", Update).WithSummary("Update a draft")
            .WithDescription("Send If-Match with the ETag you read to refuse the change when someone else changed the draft first (412). " +
                "items, when given, replaces every line; a line from a price the draft already had may stay even if the price was archived since. " + PricedLines);
        admin.MapDelete("/{id}", Delete).WithSummary("Delete a draft");
        admin.MapPost("/{id}/items", AddItem).WithSummary("Add a line to a draft").WithDescription(PricedLines);
        admin.MapDelete("/{id}/items/{itemId}", RemoveItem).WithSummary("Remove a line from a draft");
        admin.MapPost("/{id}/finalize", (string id, FolioDb db, TimeProvider clock, IOptions<InvoiceOptions> options, HttpResponse response, CancellationToken ct) =>
            Respond(response, clock, id, invoiceId => InvoiceLifecycle.Finalize(db, clock, options, invoiceId, ct)))
            .WithSummary("Finalize a draft: number it, fix its dates, apply credit balance");
        admin.MapPost("/{id}/send", (string id, FolioDb db, TimeProvider clock, HttpResponse response, CancellationToken ct) =>
            Respond(response, clock, id, invoiceId => InvoiceLifecycle.Send(db, clock, invoiceId, ct)))
            .WithSummary("Record that the invoice was sent (never for a muted invoice)");
        admin.MapPost("/{id}/void", (string id, FolioDb db, TimeProvider clock, HttpResponse response, CancellationToken ct) =>
            Respond(response, clock, id, invoiceId => InvoiceLifecycle.Void(db, clock, invoiceId, ct)))
            .WithSummary("Void an open or uncollectible invoice that has no payments");
        admin.MapPost("/{id}/mark_uncollectible", (string id, FolioDb db, TimeProvider clock, HttpResponse response, CancellationToken ct) =>
            Respond(response, clock, id, invoiceId => InvoiceLifecycle.MarkUncollectible(db, clock, invoiceId, ct)))
            .WithSummary("Write off an open invoice; it can still be paid");
        admin.MapPost("/{id}/mute", (string id, FolioDb db, TimeProvider clock, HttpResponse response, CancellationToken ct) =>
            Respond(response, clock, id, invoiceId => InvoiceLifecycle.SetMuted(db, clock, invoiceId, true, ct)))
            .WithSummary("Mute: the invoice is never sent");
        admin.MapPost("/{id}/unmute", (string id, FolioDb db, TimeProvider clock, HttpResponse response, CancellationToken ct) =>
            Respond(response, clock, id, invoiceId => InvoiceLifecycle.SetMuted(db, clock, invoiceId, false, ct)))
            .WithSummary("Unmute");
    }

    private const string PricedLines =
        "A line is written by hand (description and unit_amount, with tax_rate and tax_inclusive) or made from a catalog price " +
        "(price_id, with quantity). A line from a price takes unit_amount, tax_rate and tax_inclusive from the price, and the line may not give them " +
        "(400 set_by_price); its description is the product's name, with the price's nickname in parentheses, unless the line gives its own, which wins. " +
        "Discounts, periods and product_ref work as on any line. The price must be in the invoice's currency (422 price_currency_mismatch); an archived " +
        "price, or a price of an archived product, cannot make new lines (422 price_archived); an unknown one is 422 price_not_found; each names " +
        "items[i].price_id. The line keeps the price's id in price_id.";

    private static async Task<Results<Ok<Page<InvoiceResponse>>, ProblemHttpResult>> List(
        [AsParameters] InvoiceListQuery query, Caller caller, FolioReadDb db, PageTokens tokens, TimeProvider clock, CancellationToken ct) =>
        Problems.Map(await InvoiceQueries.List(db, caller, tokens, clock.GetUtcNow(), query, ct), TypedResults.Ok);

    private static async Task<Results<Ok<InvoiceResponse>, ProblemHttpResult>> Get(
        string id, Caller caller, FolioReadDb db, TimeProvider clock, HttpResponse response, CancellationToken ct)
    {
        var invoice = Ids.Parse(id) is { } invoiceId ? await InvoiceQueries.Find(db, caller, invoiceId, ct) : null;
        return invoice is null ? Problems.NotFound("invoice_not_found") : Ok(response, invoice, clock);
    }

    private static async Task<Results<Created<InvoiceResponse>, ProblemHttpResult>> Create(
        CreateInvoiceRequest request, FolioDb db, TimeProvider clock, HttpResponse response, CancellationToken ct) =>
        Problems.Map(await InvoiceDrafts.Create(db, clock, request, ct), invoice =>
        {
            SetETag(response, invoice);
            return TypedResults.Created($"/v1/invoices/{invoice.Id}", InvoiceResponse.From(invoice, clock.GetUtcNow()));
        });

    private static async Task<Results<Ok<InvoiceResponse>, ProblemHttpResult>> Update(
        string id, UpdateInvoiceRequest request, FolioDb db, TimeProvider clock, HttpRequest http, HttpResponse response, CancellationToken ct)
    {
        if (Ids.Parse(id) is not { } invoiceId)
        {
            return Problems.NotFound("invoice_not_found");
        }

        if (!ETags.TryReadIfMatch(http, out var expectedVersion))
        {
            return ETags.InvalidIfMatch("invoice");
        }

        return Problems.Map(await InvoiceDrafts.Update(db, clock, invoiceId, request, expectedVersion, ct), invoice => Ok(response, invoice, clock));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Delete(string id, FolioDb db, CancellationToken ct) =>
        Ids.Parse(id) is { } invoiceId
            ? Problems.Map(await InvoiceDrafts.Delete(db, invoiceId, ct), _ => TypedResults.NoContent())
            : Problems.NotFound("invoice_not_found");

    private static Task<Results<Ok<InvoiceResponse>, ProblemHttpResult>> AddItem(
        string id, InvoiceItemRequest request, FolioDb db, TimeProvider clock, HttpResponse response, CancellationToken ct) =>
        Respond(response, clock, id, invoiceId => InvoiceDrafts.AddItem(db, clock, invoiceId, request, ct));

    private static Task<Results<Ok<InvoiceResponse>, ProblemHttpResult>> RemoveItem(
        string id, string itemId, FolioDb db, TimeProvider clock, HttpResponse response, CancellationToken ct) =>
        Ids.Parse(itemId) is { } parsedItemId
            ? Respond(response, clock, id, invoiceId => InvoiceDrafts.RemoveItem(db, clock, invoiceId, parsedItemId, ct))
            : Task.FromResult<Results<Ok<InvoiceResponse>, ProblemHttpResult>>(Problems.NotFound("invoice_item_not_found"));

    private static async Task<Results<Ok<InvoiceResponse>, ProblemHttpResult>> Respond(
        HttpResponse response, TimeProvider clock, string id, Func<Guid, Task<Outcome<Invoice>>> change) =>
        Ids.Parse(id) is { } invoiceId
            ? Problems.Map(await change(invoiceId), invoice => Ok(response, invoice, clock))
            : Problems.NotFound("invoice_not_found");

    private static Ok<InvoiceResponse> Ok(HttpResponse response, Invoice invoice, TimeProvider clock)
    {
        SetETag(response, invoice);
        return TypedResults.Ok(InvoiceResponse.From(invoice, clock.GetUtcNow()));
    }

    private static void SetETag(HttpResponse response, Invoice invoice) => ETags.Set(response, invoice.Version);
}
