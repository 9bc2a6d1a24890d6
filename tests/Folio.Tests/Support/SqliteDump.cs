using System.Text;
using Microsoft.Data.Sqlite;

namespace Folio.Tests.Support;

/// <summary>
/// A SQLite database as SQL text, and back: the schema exactly as SQLite keeps it (the CREATE statements of
/// <c>sqlite_master</c>, in the order they were made), then every row of every table in rowid order, each value written by
/// SQLite's own <c>quote()</c> (exact for integers, reals, text and blobs, with its storage class), with the rowid itself
/// where it is not a column; then <c>sqlite_sequence</c>; then indexes, views and triggers. As the sqlite3 shell's
/// <c>.dump --preserve-rowids</c>. Restoring the text gives a file whose dump is the same text.
/// </summary>
public static class SqliteDump
{
    public static async Task<string> Dump(string path)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadWrite, Pooling = false }.ToString());
        await connection.OpenAsync();
        var text = new StringBuilder();
        text.Append("PRAGMA foreign_keys=OFF;\nBEGIN TRANSACTION;\n");
        var objects = await Rows(connection, "SELECT type, name, tbl_name, sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY rowid");
        var tables = objects.Where(o => o[0] == "table" && !o[1]!.StartsWith("sqlite_", StringComparison.Ordinal)).ToList();
        foreach (var table in tables)
        {
            text.Append(table[3]).Append(";\n");
            await AppendRows(connection, table[1]!, text);
        }

        if (objects.Any(o => o[0] == "table" && o[1] == "sqlite_sequence"))
        {
            text.Append("DELETE FROM sqlite_sequence;\n");
            await AppendRows(connection, "sqlite_sequence", text);
        }

        if (objects.Any(o => o[0] == "table" && o[1] == "sqlite_stat1"))
        {
            text.Append("ANALYZE sqlite_schema;\nDELETE FROM sqlite_stat1;\n");
            await AppendRows(connection, "sqlite_stat1", text);
        }

        foreach (var other in objects.Where(o => o[0] is "index" or "view" or "trigger"))
        {
            text.Append(other[3]).Append(";\n");
        }

        text.Append("COMMIT;\n");
        return text.ToString();
    }

    /// <summary>Writes <paramref name="dump"/> into a new SQLite file at <paramref name="path"/>, in one transaction.</summary>
    public static async Task Restore(string dump, string path)
    {
        if (File.Exists(path))
        {
            throw new InvalidOperationException($"{path} exists; a dump is restored into a new file.");
        }

        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadWriteCreate, Pooling = false }.ToString());
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = dump;
        await command.ExecuteNonQueryAsync();
    }

    private static async Task AppendRows(SqliteConnection connection, string table, StringBuilder text)
    {
        var columns = (await Rows(connection, $"SELECT name, type, pk FROM pragma_table_info({Quote(table)}) ORDER BY cid")).ToList();
        var withoutRowid = (await Rows(connection, $"SELECT wr FROM pragma_table_list({Quote(table)}) WHERE schema = 'main'")).Single()[0] == "1";
        // A table's INTEGER PRIMARY KEY is its rowid; any other rowid table gets its rowid written out, so that rows keep it.
        var keys = columns.Where(c => c[2] != "0").ToList();
        var rowidIsColumn = keys.Count == 1 && string.Equals(keys[0][1], "INTEGER", StringComparison.OrdinalIgnoreCase);
        var names = columns.Select(c => Identifier(c[0]!)).ToList();
        var values = columns.Select(c => $"quote({Identifier(c[0]!)})").ToList();
        if (!withoutRowid && !rowidIsColumn)
        {
            names.Insert(0, "rowid");
            values.Insert(0, "quote(rowid)");
        }

        var order = withoutRowid ? string.Join(", ", keys.OrderBy(k => int.Parse(k[2]!, System.Globalization.CultureInfo.InvariantCulture)).Select(k => Identifier(k[0]!))) : "rowid";
        var insert = $"INSERT INTO {Identifier(table)}({string.Join(",", names)}) VALUES(";
        foreach (var row in await Rows(connection, $"SELECT {string.Join(", ", values)} FROM {Identifier(table)} ORDER BY {order}"))
        {
            text.Append(insert).AppendJoin(',', row).Append(");\n");
        }
    }

    private static async Task<List<string?[]>> Rows(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string?[]>();
        while (await reader.ReadAsync())
        {
            var row = new string?[reader.FieldCount];
            for (var i = 0; i < row.Length; i++)
            {
                row[i] = reader.IsDBNull(i) ? null : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture);
            }

            rows.Add(row);
        }

        return rows;
    }

    private static string Identifier(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static string Quote(string text) => "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'";
}
