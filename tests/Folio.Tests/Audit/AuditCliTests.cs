using Folio.Data;
using Folio.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Folio.Tests.Audit;

public sealed class AuditCliTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("folio-audit-cli-").FullName;

    private string Database => Path.Combine(_directory, "books.db");

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    [SqliteFact]
    public async Task The_command_lines_changes_are_recorded_as_the_cli()
    {
        var key = await FolioProcess.Run(_directory, "keys", "create", "--admin", "--name", "ops", "--database", Database);
        Assert.True(key.ExitCode == 0, key.Error);
        var rate = await FolioProcess.Run(_directory, "rates", "set", "EUR", "1.0842", "--database", Database);
        Assert.True(rate.ExitCode == 0, rate.Error);

        await using var db = DatabaseSetup.Open(Database);
        var entries = await db.AuditEvents.AsNoTracking().OrderBy(e => e.Id).ToListAsync();
        Assert.Equal(["api_key.create", "exchange_rate.set"], entries.Select(e => e.Action));
        Assert.All(entries, e => Assert.Equal(("cli", "cli", (Guid?)null), (e.ActorType, e.ActorName, e.ActorKeyId)));
        Assert.DoesNotContain(key.Output.Trim(), entries[0].Changes, StringComparison.Ordinal);
        Assert.Contains("\"name\":{\"before\":null,\"after\":\"ops\"}", entries[0].Changes, StringComparison.Ordinal);
    }
}
