using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Folio.Data;

/// <summary>
/// Per-connection SQLite settings. Memory-mapped reads let SQLite read pages without a system call each, which matters
/// once the database outgrows the page cache of a connection; the setting lives on the connection, so it is applied on open.
/// </summary>
internal sealed class SqliteConnectionSetup : DbConnectionInterceptor
{
    private const string Pragmas = "PRAGMA mmap_size = 1073741824;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Apply(connection);
        return Task.CompletedTask;
    }

    private static void Apply(DbConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }
}
