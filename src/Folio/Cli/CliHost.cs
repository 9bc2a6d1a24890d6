using Folio.Audit;
using Folio.Data;
using Folio.Hosting;
using Microsoft.AspNetCore.DataProtection;

namespace Folio.Cli;

internal static class CliHost
{
    /// <summary>
    /// The same services as the server, for commands that only touch the books. Logs go to stderr so that stdout
    /// carries nothing but the command's answer (a script can capture a new key with $(folio keys create …)).
    /// </summary>
    public static WebApplication Build(string? database)
    {
        var builder = FolioServer.CreateBuilder([]);
        builder.Logging.ClearProviders();
        builder.Logging.AddConsole(options => options.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        UseDatabase(builder, database);
        return builder.AddFolio().Build();
    }

    public static void UseDatabase(WebApplicationBuilder builder, string? database)
    {
        if (!string.IsNullOrWhiteSpace(database))
        {
            builder.Configuration[DatabaseSetup.Setting] = database;
        }
    }

    public static async Task<FolioDb> MigratedDb(IServiceScope scope, CancellationToken cancellationToken)
    {
        var db = scope.ServiceProvider.GetRequiredService<FolioDb>();
        await db.MigrateAsync(scope.ServiceProvider.GetRequiredService<TimeProvider>(), scope.ServiceProvider.GetService<IDataProtectionProvider>(), cancellationToken);
        return db;
    }

    /// <summary>The books for a command that changes them: its changes are recorded in the audit trail as the command line's.</summary>
    public static async Task<FolioDb> ChangingDb(IServiceScope scope, string action, string objectType, CancellationToken cancellationToken)
    {
        var db = await MigratedDb(scope, cancellationToken);
        db.Audit = new AuditScope(Actor.Cli, action, objectType, null);
        return db;
    }
}
