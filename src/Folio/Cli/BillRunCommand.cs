using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Folio.BillRuns;
using Folio.Invoices;
using Microsoft.Extensions.Options;
using Spectre.Console;

namespace Folio.Cli;

/// <summary>
/// <c>folio bill-run [--as-of T]</c>: the bill run from the command line, with a progress bar (rate and time left) on
/// stderr and the report on stdout. Exit code 0 when every due period was invoiced, 2 when some failed (listed), 1 when
/// the run was refused (another run in progress, as_of in the future).
/// </summary>
internal static class BillRunCommand
{
    public static Command Create()
    {
        var asOf = new Option<string?>("--as-of") { Description = "Invoice the periods begun by this instant (RFC 3339, default now; never in the future)." };
        var command = new Command("bill-run", "Invoice every subscription period that has begun: one invoice per subscription and period.") { asOf };
        command.SetAction(async (parse, ct) =>
        {
            DateTimeOffset? until = null;
            if (parse.GetValue(asOf) is { } text)
            {
                if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
                {
                    await Console.Error.WriteLineAsync("--as-of is an RFC 3339 instant such as 2026-11-24T00:00:00Z.");
                    return 1;
                }

                until = parsed.ToUniversalTime();
            }

            await using var app = CliHost.Build(parse.GetValue(FolioCommands.Database));
            using var scope = app.Services.CreateScope();
            using var lockScope = app.Services.CreateScope();
            var db = await CliHost.ChangingDb(scope, "bill_run.create", "bill_run", ct);
            var services = app.Services;
            var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
            var outcome = await console.Progress()
                .AutoClear(false)
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
                .StartAsync(async context =>
                {
                    var task = context.AddTask("Billing subscriptions", maxValue: 1);
                    var progress = new BarProgress(task, Stopwatch.StartNew());
                    return await BillRunOperations.Run(
                        db, lockScope.ServiceProvider.GetRequiredService<Data.FolioDb>(), services.GetRequiredService<TimeProvider>(),
                        services.GetRequiredService<IOptions<InvoiceOptions>>().Value, services.GetRequiredService<IOptions<BillRunOptions>>().Value,
                        until, progress, services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(BillRunOperations)), ct);
                });
            if (!outcome.Succeeded)
            {
                await Console.Error.WriteLineAsync(string.Join(Environment.NewLine, outcome.Violations.Select(v => v.Detail)));
                return 1;
            }

            var run = outcome.Value!;
            await Console.Out.WriteLineAsync(string.Create(
                CultureInfo.InvariantCulture, $"bill run {run.Id} as of {run.AsOf.UtcDateTime:yyyy-MM-dd'T'HH:mm:ss'Z'}: due {run.Due}, invoiced {run.Invoiced}, skipped {run.Skipped}, failed {run.Failed}"));
            foreach (var failure in run.Failures)
            {
                await Console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"failed {failure.SubscriptionId} period {failure.Period}: {failure.Code}: {failure.Detail}"));
            }

            return run.Failed > 0 ? 2 : 0;
        });
        return command;
    }

    /// <summary>Moves the bar as subscriptions are done, and shows the rate in the description.</summary>
    private sealed class BarProgress(ProgressTask task, Stopwatch clock) : IProgress<BillRunProgress>
    {
        public void Report(BillRunProgress value)
        {
            task.MaxValue = Math.Max(1, value.Total);
            task.Value = value.Done;
            var rate = value.Done / Math.Max(clock.Elapsed.TotalSeconds, 0.001);
            task.Description = string.Create(CultureInfo.InvariantCulture, $"Billing subscriptions {value.Done}/{value.Total} ({rate:0.#}/s)");
            if (value.Done >= value.Total)
            {
                task.Value = task.MaxValue;
            }
        }
    }
}
