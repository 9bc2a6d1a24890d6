using Folio.Tests.Support;

namespace Folio.Tests.Dialects.ConsoleApi;

/// <summary>A server whose log shows every SQL command it runs, so that a test can count them per request.</summary>
public sealed class CommandLoggingApp : FolioApp
{
    public const string CommandCategory = "Microsoft.EntityFrameworkCore.Database.Command";

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        [$"Logging:LogLevel:{CommandCategory}"] = "Information",
    };

    public int CommandsLogged => Logs.Entries.Count(e => e.Category == CommandCategory && e.Message.StartsWith("Executed DbCommand", StringComparison.Ordinal));
}
