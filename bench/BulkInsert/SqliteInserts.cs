using System.Diagnostics;
using Microsoft.Data.Sqlite;

namespace Folio.Bench.BulkInsert;

/// <summary>The SQLite baseline: the rows as stored, one transaction of prepared inserts, the durability Folio's file has (WAL).</summary>
internal static class SqliteInserts
{
    public static (long Invoices, long Items, double Seconds) Baseline(string source, string target)
    {
        var tables = BillRunTables.Written.Select(t => (Table: t, Rows: Read(source, t))).ToList();
        using var connection = Open(target, SqliteOpenMode.ReadWrite);
        var watch = Stopwatch.StartNew();
        using var transaction = connection.BeginTransaction();
        foreach (var (table, (columns, rows)) in tables)
        {
            using var insert = connection.CreateCommand();
            insert.Transaction = transaction;
            insert.CommandText = $"INSERT INTO {table} ({string.Join(", ", columns)}) VALUES ({string.Join(", ", columns.Select((_, i) => $"$p{i}"))})";
            var parameters = columns.Select((_, i) => insert.Parameters.Add(new SqliteParameter($"$p{i}", null))).ToArray();
            insert.Prepare();
            foreach (var row in rows)
            {
                for (var i = 0; i < row.Length; i++)
                {
                    parameters[i].Value = row[i];
                }

                insert.ExecuteNonQuery();
            }
        }

        transaction.Commit();
        return (tables[0].Rows.Rows.Count, tables[1].Rows.Rows.Count, watch.Elapsed.TotalSeconds);
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
