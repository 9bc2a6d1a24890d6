using System.CommandLine;
using Folio.Demo;
using Folio.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Folio.Cli;

internal static class ServeCommand
{
    public static Command Create()
    {
        var urls = new Option<string?>("--urls") { Description = $"Addresses to listen on (default {FolioServer.DefaultUrl})." };
        var demo = new Option<bool>("--demo") { Description = "Load demo data on first start and print a fresh admin key." };
        var command = new Command("serve", "Run the Folio server. Other --Section:Key=value flags are read as configuration.") { urls, demo };
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction(async (parse, ct) =>
        {
            var builder = FolioServer.CreateBuilder([.. parse.UnmatchedTokens]);
            CliHost.UseDatabase(builder, parse.GetValue(FolioCommands.Database));
            builder.AddFolio();
            builder.WebHost.UseUrls(parse.GetValue(urls) ?? builder.Configuration["urls"] ?? FolioServer.DefaultUrl);
            await using var app = builder.Build();

            string? demoKey = null;
            using (var scope = app.Services.CreateScope())
            {
                var db = await CliHost.MigratedDb(scope, ct);
                if (parse.GetValue(demo))
                {
                    demoKey = await DemoData.LoadAndIssueKey(db, app.Services, ct);
                }
            }

            app.UseFolio();
            await app.StartAsync(ct);
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault() ?? FolioServer.DefaultUrl;
            await Console.Out.WriteLineAsync($"Folio is listening on {address}");
            await Console.Out.WriteLineAsync($"API reference: {address}/docs");
            if (demoKey is not null)
            {
                await Console.Out.WriteLineAsync($"Admin API key (shown once): {demoKey}");
                await Console.Out.WriteLineAsync($"Try: curl -H \"Authorization: Bearer {demoKey}\" {address}/v1/invoices?unpaid=true");
            }

            await app.WaitForShutdownAsync(ct);
            return 0;
        });
        return command;
    }
}
