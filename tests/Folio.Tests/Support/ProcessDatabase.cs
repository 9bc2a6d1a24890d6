using Npgsql;

namespace Folio.Tests.Support;

/// <summary>
/// The database of a test that runs the real executable: a SQLite file in the test's folder, or, in the PostgreSQL pass,
/// a database of its own on that server (the executable creates it on first use), dropped at the end.
/// </summary>
public sealed class ProcessDatabase : IAsyncDisposable
{
    private readonly string? _postgresName;

    private ProcessDatabase(string setting, string? postgresName)
    {
        Setting = setting;
        _postgresName = postgresName;
    }

    /// <summary>What to pass as <c>--database</c>.</summary>
    public string Setting { get; }

    public static ProcessDatabase In(string directory, string name)
    {
        if (FolioApp.PostgresServer is not { } server)
        {
            return new ProcessDatabase(Path.Combine(directory, name + ".db"), null);
        }

        var database = $"folio_{name}_{Guid.NewGuid():N}";
        return new ProcessDatabase(new NpgsqlConnectionStringBuilder(server) { Database = database }.ConnectionString, database);
    }

    public async ValueTask DisposeAsync()
    {
        if (_postgresName is null)
        {
            return;
        }

        NpgsqlConnection.ClearAllPools();
        await using var server = new NpgsqlConnection(FolioApp.PostgresServer);
        await server.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_postgresName} WITH (FORCE)", server);
        await drop.ExecuteNonQueryAsync();
    }
}
