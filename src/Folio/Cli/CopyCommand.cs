using System.CommandLine;
using Folio.Data;
using Microsoft.EntityFrameworkCore;

namespace Folio.Cli;

internal static class CopyCommand
{
    public static Command Create()
    {
        var to = new Option<string>("--to") { Description = "The database to copy into: a SQLite path or a PostgreSQL connection string. It must be empty; it is migrated first.", Required = true };
        var command = new Command("copy", "Copy the whole books (every id, number, amount and key) into another, empty database, and check the copy.") { to };
        command.SetAction(async (parse, ct) =>
        {
            await using var app = CliHost.Build(parse.GetValue(FolioCommands.Database));
            using var scope = app.Services.CreateScope();
            var source = await CliHost.MigratedDb(scope, ct);
            var clock = app.Services.GetRequiredService<TimeProvider>();
            await using var target = DatabaseSetup.Open(parse.GetValue(to)!);
            await target.MigrateAsync(clock, ct);
            try
            {
                var copied = await BookCopy.Run(source, target, ct);
                await Console.Out.WriteLineAsync(
                    $"Copied {copied.Customers} customers, {copied.Invoices} invoices, {copied.Payments} payments, {copied.CreditTransactions} credit entries, {copied.ApiKeys} API keys, {copied.Products} products, {copied.Prices} prices, {copied.Subscriptions} subscriptions ({copied.SubscriptionItems} items) and {copied.BillRuns} bill runs; totals, payments and amounts paid match the source.");
                return 0;
            }
            catch (InvalidOperationException e)
            {
                await Console.Error.WriteLineAsync(e.Message);
                return 1;
            }
        });
        return command;
    }

}
