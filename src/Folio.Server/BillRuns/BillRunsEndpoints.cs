using Folio.Access;
using Folio.Api;
using Folio.Data;
using Folio.Idempotency;
using Folio.Invoices;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Folio.BillRuns;

public static class BillRunsEndpoints
{
    public static void MapBillRuns(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/v1/bill_runs").WithTags("Subscriptions").RequireAuthorization(ApiKeyAuthentication.AdminPolicy).WithStandardProblems();
        group.MapPost("/", Create).AcceptIdempotencyKeys(IdempotentPost.AfterItsOwnTransactions).WithSummary("Run the bill run: invoice every subscription period begun by as_of")
            .WithDescription("One invoice per subscription and period, however many periods were missed; a page of subscriptions per transaction, written in bulk; a period that fails (a missing exchange rate, an archived customer) is reported in failures with nothing of it written, and the others are invoiced. Invoices are finalized exactly as POST /v1/invoices/{id}/finalize does, unless Folio:BillRuns:Finalize is false. One bill run at a time: a second one answers 409 bill_run_in_progress. Answers the report once the run has finished; a client that disconnects before then does not stop the run (its report stays at GET /v1/bill_runs/{id}, and its invoices appear as usual).");
        group.MapGet("/{id}", Get).WithSummary("Get a bill run's report");
    }

    private static async Task<Results<Created<BillRunResponse>, ProblemHttpResult>> Create(
        CreateBillRunRequest? request, FolioDb db, IServiceScopeFactory scopes, TimeProvider clock, IOptions<InvoiceOptions> invoiceOptions,
        IOptions<BillRunOptions> options, IHostApplicationLifetime lifetime, ILoggerFactory loggers)
    {
        await using var scope = scopes.CreateAsyncScope();
        var lockDb = scope.ServiceProvider.GetRequiredService<FolioDb>();
        // A client that gives up waiting (a proxy's timeout, Ctrl-C on curl) does not stop the run: only the server stopping does.
        var outcome = await BillRunOperations.Run(db, lockDb, clock, invoiceOptions.Value, options.Value, request?.AsOf, null, loggers.CreateLogger(typeof(BillRunOperations)), lifetime.ApplicationStopping);
        return Problems.Map(outcome, run => TypedResults.Created($"/v1/bill_runs/{run.Id}", BillRunResponse.From(run)));
    }

    private static async Task<Results<Ok<BillRunResponse>, ProblemHttpResult>> Get(string id, FolioDb db, CancellationToken ct)
    {
        var run = Ids.Parse(id) is { } runId ? await BillRunOperations.Find(db, runId, ct) : null;
        return run is null ? Problems.NotFound("bill_run_not_found") : TypedResults.Ok(BillRunResponse.From(run));
    }
}
