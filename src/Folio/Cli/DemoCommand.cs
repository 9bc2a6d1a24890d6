using System.CommandLine;
using Folio.Demo;

namespace Folio.Cli;

internal static class DemoCommand
{
    public static Command Create()
    {
        var command = new Command("demo", "Load the demo books (once) and print a fresh admin key.");
        command.SetAction(async (parse, ct) =>
        {
            await using var app = CliHost.Build(parse.GetValue(FolioCommands.Database));
            using var scope = app.Services.CreateScope();
            var db = await CliHost.MigratedDb(scope, ct);
            await Console.Out.WriteLineAsync(await DemoData.LoadAndIssueKey(db, app.Services, ct));
            return 0;
        });
        return command;
    }
}
