using Folio.Access;
using Folio.Api;
using Folio.Data;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Folio.Events;

public static class EventsEndpoints
{
    public static void MapEvents(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/v1/events").WithTags("Events").RequireAuthorization().WithStandardProblems();
        group.MapGet("/", List).WithSummary("List events, newest first")
            .WithDescription("What happened to the books, each written with the change it tells of; data.object is the object as the API rendered it then. " +
                "Filters: type (exact such as invoice.paid, or invoice.* ; repeat it or separate with commas), object_id, created_from and created_to. " +
                "An organization key sees its organization's events.");
        group.MapGet("/{id}", Get).WithSummary("Get an event");
    }

    private static async Task<Results<Ok<Page<EventResponse>>, ProblemHttpResult>> List(
        [AsParameters] EventListQuery query, Caller caller, FolioReadDb db, PageTokens tokens, CancellationToken ct) =>
        Problems.Map(await EventQueries.List(db, caller, tokens, query, ct), TypedResults.Ok);

    private static async Task<Results<Ok<EventResponse>, ProblemHttpResult>> Get(string id, Caller caller, FolioReadDb db, CancellationToken ct)
    {
        var found = Ids.Parse(id) is { } eventId ? await EventQueries.Find(db, caller, eventId, ct) : null;
        return found is null ? Problems.NotFound("event_not_found") : TypedResults.Ok(EventResponse.From(found));
    }
}
