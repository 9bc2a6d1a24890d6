using System.Diagnostics;
using Microsoft.Data.Sqlite;

namespace Folio.Bench.BulkInsert;

/// <summary>
/// The SQLite baseline: the rows as stored, one transaction of prepared inserts, the durability Folio's file has (WAL).
/// Rows are read a chunk at a time with the clock stopped, so that memory stays flat at a million invoices.
/// </summary>
internal static class SqliteInserts
{
    public static BaselineResult Baseline(string source, string target, IReadOnlyList<string> tables)
    {
        using var from = Open(source, SqliteOpenMode.ReadOnly);
        using var to = Open(target, SqliteOpenMode.ReadWrite);
        var writing = Stopwatch.StartNew();
        using var transaction = to.BeginTransaction();
        writing.Stop();
        var counts = new List<(string Table, long Rows)>();
        foreach (var table in tables)
        {
            using var select = from.CreateCommand();
            select.CommandText = $"SELECT * FROM {table} ORDER BY rowid";
            using var reader = select.ExecuteReader();
            var columns = Enumerable.Range(0, reader.FieldCount).Select(reader.GetName).ToArray();
            using var insert = to.CreateCommand();
            insert.Transaction = transaction;
            insert.CommandText = $"INSERT INTO {table} ({string.Join(", ", columns)}) VALUES ({string.Join(", ", columns.Select((_, i) => $"$p{i}"))})";
            var parameters = columns.Select((_, i) => insert.Parameters.Add(new SqliteParameter($"$p{i}", null))).ToArray();
            insert.Prepare();
            long written = 0;
            foreach (var chunk in BaselineResult.Chunks(reader))
            {
                writing.Start();
                foreach (var row in chunk)
                {
                    for (var i = 0; i < row.Length; i++)
                    {
                        parameters[i].Value = row[i];
                    }

                    insert.ExecuteNonQuery();
                }

                writing.Stop();
                written += chunk.Count;
            }

            counts.Add((table, written));
        }

        writing.Start();
        transaction.Commit();
        writing.Stop();
        return new BaselineResult(counts, writing.Elapsed.TotalSeconds);
    }

    public static SqliteConnection Open(string file, SqliteOpenMode mode)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Mode = mode, Pooling = false }.ToString());
        connection.Open();
        return connection;
    }

    public static (string[] Columns, List<object[]> Rows) Read(string file, string table)
    {
        using var connection = Open(file, SqliteOpenMode.ReadOnly);
        using var select = connection.CreateCommand();
        select.CommandText = $"SELECT * FROM {table} ORDER BY rowid";
        using var reader = select.ExecuteReader();
        var columns = Enumerable.Range(0, reader.FieldCount).Select(reader.GetName).ToArray();
        var rows = new List<object[]>();
        while (reader.Read())
        {
            var row = new object[reader.FieldCount];
            reader.GetValues(row);
            rows.Add(row);
        }

        return (columns, rows);
    }
}
