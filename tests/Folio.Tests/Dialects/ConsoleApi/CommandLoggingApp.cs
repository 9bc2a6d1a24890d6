using Folio.Tests.Support;

namespace Folio.Tests.Dialects.ConsoleApi;

/// <summary>A server whose log shows every SQL command it runs, so that a test can count them per request.</summary>
public sealed class CommandLoggingApp : FolioApp
{
    public const string CommandCategory = "Microsoft.EntityFrameworkCore.Database.Command";

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        // Debug, not Information: when "Executing DbCommand" (Debug) is off and no interceptor listens, EF skips logging
        // "Executed DbCommand" for a while after each command (SQLite's statement cache is such an interceptor; PostgreSQL has none).
        [$"Logging:LogLevel:{CommandCategory}"] = "Debug",
    };

    public int CommandsLogged => Logs.Entries.Count(e => e.Category == CommandCategory && e.Message.StartsWith("Executed DbCommand", StringComparison.Ordinal));
}
