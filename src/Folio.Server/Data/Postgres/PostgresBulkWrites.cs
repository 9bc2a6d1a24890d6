using Npgsql;

namespace Folio.Data.Postgres;

/// <summary>
/// <see cref="BulkWrites"/> on PostgreSQL: new rows by binary COPY, changed rows as one batch of updates in one round
/// trip. Both run in the connection's transaction, which Npgsql joins by itself.
/// </summary>
internal static class PostgresBulkWrites
{
    public static async Task Copy<T>(NpgsqlConnection connection, BulkTable table, IEnumerable<T> rows, CancellationToken cancellationToken)
        where T : class
    {
        await using var importer = await connection.BeginBinaryImportAsync($"COPY {table.Name} ({table.ColumnList}) FROM STDIN (FORMAT BINARY)", cancellationToken);
        foreach (var row in rows)
        {
            await importer.StartRowAsync(cancellationToken);
            foreach (var column in table.Columns)
            {
                if (column.ProviderValue(row) is { } value)
                {
                    await importer.WriteAsync(value, column.StoreType, cancellationToken);
                }
                else
                {
                    await importer.WriteNullAsync(cancellationToken);
                }
            }
        }

        await importer.CompleteAsync(cancellationToken);
    }

    public static async Task InOneBatch<T>(NpgsqlConnection connection, string sql, BulkColumn[] columns, IEnumerable<T> rows, CancellationToken cancellationToken)
        where T : class
    {
        await using var batch = connection.CreateBatch();
        await using var factory = connection.CreateCommand();
        foreach (var row in rows)
        {
            var command = new NpgsqlBatchCommand(sql);
            foreach (var column in columns)
            {
                command.Parameters.Add((NpgsqlParameter)column.Parameter(factory, row));
            }

            batch.BatchCommands.Add(command);
        }

        await batch.ExecuteNonQueryAsync(cancellationToken);
    }
}
