using System.Data.Common;

namespace Folio.Data.Sqlite;

/// <summary>
/// <see cref="BulkWrites"/> on SQLite: one command, prepared once and run row after row with new values in the same
/// parameters. SQLite runs in the process, so a row costs no round trip; compiling the statement again would.
/// </summary>
internal static class SqliteBulkWrites
{
    public static async Task OneByOne<T>(DbConnection connection, DbTransaction transaction, string sql, BulkColumn[] columns, IEnumerable<T> rows, CancellationToken cancellationToken)
        where T : class
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        DbParameter[]? parameters = null;
        foreach (var row in rows)
        {
            if (parameters is null)
            {
                // Made once, as EF makes them; the type a mapping gives a parameter never depends on its value.
                parameters = [.. columns.Select(c => c.Parameter(command, row))];
                command.Parameters.AddRange(parameters);
            }
            else
            {
                for (var i = 0; i < columns.Length; i++)
                {
                    parameters[i].Value = columns[i].ProviderValue(row) ?? DBNull.Value;
                }
            }

            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }
}
