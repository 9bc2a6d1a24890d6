using Folio.Access;
using Folio.Api;
using Folio.BillRuns;
using Folio.Data;
using Folio.Domain.Subscriptions;
using Folio.Invoices;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Folio.Subscriptions;

public static class SubscriptionsEndpoints
{
    public static void MapSubscriptions(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/v1/subscriptions").WithTags("Subscriptions").RequireAuthorization().WithStandardProblems();
        group.MapGet("/", List).WithSummary("List subscriptions, newest first")
            .WithDescription("Keyset-paginated: pass next_page_token back as page_token. Filters: customer_id, status (active, past_due, canceled, ended). An organization key sees those of its organization and its users.");
        group.MapGet("/{id}", Get).WithSummary("Get a subscription");
        group.MapGet("/{id}/upcoming_invoice", UpcomingInvoice).WithSummary("Preview the next renewal invoice")
            .WithDescription("The invoice the bill run will issue at bill_at for the next period not yet invoiced, computed by the same code and finalized in memory: nothing is saved and no number is taken. Credit applied, usd_per_unit and bill_to use the customer's credit balance, the exchange rate and the customer's details as they stand now; if they change before bill_at, the invoice follows them. due_at is bill_at plus days_until_due (the seller's default when the subscription names none). When the bill run leaves its invoices as drafts (Folio:BillRuns:Finalize false), the estimate is that draft: no credit applied, no rate, no bill_to, no due_at unless days_until_due is set. 404 no_upcoming_invoice when nothing more will be billed: canceled, ended, or its last period already invoiced.");

        var admin = group.MapGroup("/").RequireAuthorization(ApiKeyAuthentication.AdminPolicy);
        admin.MapPost("/", Create).WithSummary("Subscribe a customer to recurring prices")
            .WithDescription("Every price is recurring, in one currency and on one cycle. Each period is invoiced when it begins, by the bill run; a trial, or the time before a later billing_anchor, is not billed.");
        admin.MapPost("/{id}/items", ChangeItems).WithSummary("Schedule new items: the change takes effect at the next renewal")
            .WithDescription("The items replace the current ones from the next renewal on (from the first period during a trial); the current period keeps what it has and is not prorated: proration comes later. Asking again before that renewal replaces the pending change; asking for the current items withdraws it. Send If-Match to refuse the change when the subscription changed since you read it (412).");
        admin.MapPost("/{id}/cancel", Cancel).WithSummary("Cancel now, or at the end of the current period")
            .WithDescription("at_period_end: true bills the current period and nothing after, and can be withdrawn with resume until that end; false (the default) stops billing at once. Invoices already issued stay.");
        admin.MapPost("/{id}/resume", Resume).WithSummary("Withdraw a cancellation at period end before that end");
    }

    private static async Task<Results<Ok<Page<SubscriptionResponse>>, ProblemHttpResult>> List(
        [AsParameters] SubscriptionListQuery query, Caller caller, FolioReadDb db, PageTokens tokens, TimeProvider clock, CancellationToken ct) =>
        Problems.Map(await SubscriptionQueries.List(db, caller, tokens, clock.GetUtcNow(), query, ct), TypedResults.Ok);

    private static async Task<Results<Ok<SubscriptionResponse>, ProblemHttpResult>> Get(
        string id, Caller caller, FolioReadDb db, TimeProvider clock, HttpResponse response, CancellationToken ct)
    {
        var subscription = Ids.Parse(id) is { } subscriptionId ? await SubscriptionQueries.Find(db, caller, subscriptionId, clock.GetUtcNow(), ct) : null;
        if (subscription is null)
        {
            return Problems.NotFound("subscription_not_found");
        }

        ETags.Set(response, subscription.Version);
        return TypedResults.Ok(subscription);
    }

    private static async Task<Results<Ok<UpcomingInvoiceResponse>, ProblemHttpResult>> UpcomingInvoice(
        string id, Caller caller, FolioReadDb db, TimeProvider clock, IOptions<InvoiceOptions> options,
        IOptions<BillRunOptions> billRuns, CancellationToken ct)
    {
        if (Ids.Parse(id) is not { } subscriptionId)
        {
            return Problems.NotFound("subscription_not_found");
        }

        var outcome = await SubscriptionEstimates.Upcoming(db, caller, options.Value, billRuns.Value.Finalize, subscriptionId, clock.GetUtcNow(), ct);
        return Problems.Map(outcome.Map(UpcomingInvoiceResponse.From), TypedResults.Ok);
    }

    private static async Task<Results<Created<SubscriptionResponse>, ProblemHttpResult>> Create(
        CreateSubscriptionRequest request, FolioDb db, TimeProvider clock, HttpResponse response, CancellationToken ct)
    {
        var outcome = await SubscriptionOperations.Create(db, clock, request, ct);
        if (!outcome.Succeeded)
        {
            return Problems.From(outcome.Violations);
        }

        var body = await Body(db, clock, outcome.Value!, ct);
        ETags.Set(response, body.Version);
        return TypedResults.Created($"/v1/subscriptions/{body.Id}", body);
    }

    private static Task<Results<Ok<SubscriptionResponse>, ProblemHttpResult>> ChangeItems(
        string id, ChangeSubscriptionItemsRequest request, FolioDb db, TimeProvider clock, HttpRequest http, HttpResponse response, CancellationToken ct) =>
        Respond(db, clock, http, response, id, (subscriptionId, version) => SubscriptionOperations.ChangeItems(db, clock, subscriptionId, request, version, ct), ct);

    private static Task<Results<Ok<SubscriptionResponse>, ProblemHttpResult>> Cancel(
        string id, CancelSubscriptionRequest? request, FolioDb db, TimeProvider clock, HttpRequest http, HttpResponse response, CancellationToken ct) =>
        Respond(db, clock, http, response, id, (subscriptionId, version) => SubscriptionOperations.Cancel(db, clock, subscriptionId, request ?? new(), version, ct), ct);

    private static Task<Results<Ok<SubscriptionResponse>, ProblemHttpResult>> Resume(
        string id, FolioDb db, TimeProvider clock, HttpRequest http, HttpResponse response, CancellationToken ct) =>
        Respond(db, clock, http, response, id, (subscriptionId, version) => SubscriptionOperations.Resume(db, clock, subscriptionId, version, ct), ct);

    private static async Task<Results<Ok<SubscriptionResponse>, ProblemHttpResult>> Respond(
        FolioDb db, TimeProvider clock, HttpRequest http, HttpResponse response, string id, Func<Guid, int?, Task<Outcome<Subscription>>> change, CancellationToken ct)
    {
        if (Ids.Parse(id) is not { } subscriptionId)
        {
            return Problems.NotFound("subscription_not_found");
        }

        if (!ETags.TryReadIfMatch(http, out var expectedVersion))
        {
            return ETags.InvalidIfMatch("subscription");
        }

        var outcome = await change(subscriptionId, expectedVersion);
        if (outcome.NotFoundCode is { } notFound)
        {
            return Problems.NotFound(notFound);
        }

        if (!outcome.Succeeded)
        {
            return Problems.From(outcome.Violations);
        }

        var body = await Body(db, clock, outcome.Value!, ct);
        ETags.Set(response, body.Version);
        return TypedResults.Ok(body);
    }

    private static async Task<SubscriptionResponse> Body(FolioDb db, TimeProvider clock, Subscription subscription, CancellationToken ct) =>
        (await SubscriptionQueries.Respond(db, [subscription], clock.GetUtcNow(), ct))[0];
}
