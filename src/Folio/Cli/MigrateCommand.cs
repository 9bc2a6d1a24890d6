using System.CommandLine;
using Folio.Data;
using Microsoft.EntityFrameworkCore;

namespace Folio.Cli;

internal static class MigrateCommand
{
    public static Command Create()
    {
        var command = new Command("migrate", "Create the database or bring its schema up to date.");
        command.SetAction(async (parse, ct) =>
        {
            await using var app = CliHost.Build(parse.GetValue(FolioCommands.Database));
            using var scope = app.Services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<FolioDb>();
            await db.Engine.PrepareDatabase(db, ct);
            var pending = (await db.Database.GetPendingMigrationsAsync(ct)).ToList();
            await CliHost.MigratedDb(scope, ct);
            await Console.Out.WriteLineAsync(pending.Count == 0 ? "The database is up to date." : $"Applied {pending.Count} migration(s): {string.Join(", ", pending)}.");
            return 0;
        });
        return command;
    }
}
