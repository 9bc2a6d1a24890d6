using System.Diagnostics;
using System.Globalization;
using Npgsql;

namespace Folio.Bench.BulkInsert;

/// <summary>Npgsql binary COPY: loading the seeded books from SQLite, and the PostgreSQL baseline.</summary>
internal static class PostgresCopy
{
    public static async Task<List<(string Table, long Rows, double Seconds)>> Load(string sqliteFile, string postgres, IEnumerable<string> tables)
    {
        await using var connection = new NpgsqlConnection(Untimed(postgres));
        await connection.OpenAsync();
        var loaded = new List<(string, long, double)>();
        foreach (var table in tables)
        {
            var watch = Stopwatch.StartNew();
            var (columns, rows) = SqliteInserts.Read(sqliteFile, table);
            var types = await ColumnTypes(connection, table);
            var converted = rows.Select(row => row.Select((value, i) => FromSqlite(value, types[columns[i]])).ToArray()).ToList();
            await Copy(connection, table, columns, [.. columns.Select(c => types[c])], converted);
            loaded.Add((table, rows.Count, watch.Elapsed.TotalSeconds));
        }

        await using var analyze = new NpgsqlCommand("ANALYZE", connection);
        await analyze.ExecuteNonQueryAsync();
        return loaded;
    }

    /// <summary>
    /// The PostgreSQL baseline: the rows read from <paramref name="source"/> a chunk at a time with the clock stopped, each
    /// chunk written to <paramref name="target"/> by binary COPY, all in one transaction.
    /// </summary>
    public static async Task<BaselineResult> Baseline(string source, string target, IReadOnlyList<string> tables)
    {
        await using var from = new NpgsqlConnection(Untimed(source));
        await from.OpenAsync();
        await using var to = new NpgsqlConnection(Untimed(target));
        await to.OpenAsync();
        var writing = Stopwatch.StartNew();
        await using var transaction = await to.BeginTransactionAsync();
        writing.Stop();
        var counts = new List<(string Table, long Rows)>();
        foreach (var table in tables)
        {
            await using var select = new NpgsqlCommand($"SELECT * FROM {table}", from);
            await using var reader = await select.ExecuteReaderAsync();
            var columns = Enumerable.Range(0, reader.FieldCount).Select(reader.GetName).ToArray();
            var types = Enumerable.Range(0, reader.FieldCount).Select(reader.GetDataTypeName).ToArray();
            long written = 0;
            foreach (var chunk in BaselineResult.Chunks(reader))
            {
                writing.Start();
                await Copy(to, table, columns, types, chunk);
                writing.Stop();
                written += chunk.Count;
            }

            counts.Add((table, written));
        }

        writing.Start();
        await transaction.CommitAsync();
        writing.Stop();
        return new BaselineResult(counts, writing.Elapsed.TotalSeconds);
    }

    private static async Task Copy(NpgsqlConnection connection, string table, string[] columns, string[] types, IReadOnlyList<object?[]> rows)
    {
        await using var importer = await connection.BeginBinaryImportAsync(
            $"COPY {table} ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) FROM STDIN (FORMAT BINARY)");
        importer.Timeout = TimeSpan.Zero;
        foreach (var row in rows)
        {
            await importer.StartRowAsync();
            for (var i = 0; i < row.Length; i++)
            {
                await Write(importer, row[i], types[i].Split('(')[0]);
            }
        }

        await importer.CompleteAsync();
    }

    // Loading millions of rows (the bill run at 1,000,000 subscriptions writes 3,000,000 items) takes longer than Npgsql's
    // default 30 s per command, in one COPY or one SELECT: a loader and a baseline wait as long as the database needs.
    private static string Untimed(string connectionString) =>
        new NpgsqlConnectionStringBuilder(connectionString) { CommandTimeout = 0 }.ConnectionString;

    private static Task Write(NpgsqlBinaryImporter importer, object? value, string type) => value switch
    {
        null or DBNull => importer.WriteNullAsync(),
        Guid v => importer.WriteAsync(v, type),
        DateTime v => importer.WriteAsync(v, type),
        DateTimeOffset v => importer.WriteAsync(v, type),
        decimal v => importer.WriteAsync(v, type),
        long v => importer.WriteAsync(v, type),
        int v => importer.WriteAsync(v, type),
        short v => importer.WriteAsync(v, type),
        bool v => importer.WriteAsync(v, type),
        string v => importer.WriteAsync(v, type),
        _ => importer.WriteAsync(value, type),
    };

    private static async Task<Dictionary<string, string>> ColumnTypes(NpgsqlConnection connection, string table)
    {
        await using var command = new NpgsqlCommand("SELECT column_name, format_type(atttypid, atttypmod) FROM information_schema.columns c JOIN pg_attribute a ON a.attrelid = c.table_name::regclass AND a.attname = c.column_name WHERE c.table_schema = current_schema() AND c.table_name = $1", connection);
        command.Parameters.AddWithValue(table);
        await using var reader = await command.ExecuteReaderAsync();
        var types = new Dictionary<string, string>();
        while (await reader.ReadAsync())
        {
            types[reader.GetString(0)] = reader.GetString(1);
        }

        return types;
    }

    /// <summary>A value as Folio's SQLite mapping stores it (Guids as text, timestamps as UTC ticks, decimals as text, booleans 0/1), as the PostgreSQL column wants it.</summary>
    private static object? FromSqlite(object value, string type)
    {
        if (value is DBNull)
        {
            return null;
        }

        var baseType = type.Split('(')[0];
        return baseType switch
        {
            "uuid" => Guid.Parse((string)value),
            "timestamp with time zone" => new DateTime((long)value, DateTimeKind.Utc),
            "boolean" => (long)value != 0,
            "numeric" => value is string text ? decimal.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture) : Convert.ToDecimal(value, CultureInfo.InvariantCulture),
            "bigint" => Convert.ToInt64(value, CultureInfo.InvariantCulture),
            "integer" => Convert.ToInt32(value, CultureInfo.InvariantCulture),
            "smallint" => Convert.ToInt16(value, CultureInfo.InvariantCulture),
            _ => Convert.ToString(value, CultureInfo.InvariantCulture),
        };
    }
}
