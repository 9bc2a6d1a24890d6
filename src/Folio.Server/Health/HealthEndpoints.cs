using Folio.Data;

namespace Folio.Health;

public static class HealthEndpoints
{
    public static void MapHealth(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/healthz", () => TypedResults.Ok(new { status = "alive" })).WithTags("Health").WithSummary("The process is up").DisableRateLimiting();
        routes.MapGet("/readyz", async (FolioDb db, CancellationToken ct) =>
            await db.Database.CanConnectAsync(ct)
                ? Results.Ok(new { status = "ready" })
                : Results.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "The database is not reachable."))
            .WithTags("Health").WithSummary("The database answers").DisableRateLimiting();
    }
}
