using System.Data.Common;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Folio.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Folio.Tests.Support;

/// <summary>
/// A hash of every row of every table of the EF model, per table, read through the raw connection: two equal
/// fingerprints mean that no row was added, removed or changed in between. The SQL is the same on every engine (identifiers
/// quoted by the provider, rows in primary key order), and values are hashed in an invariant form.
/// No table is left out: none changes when Folio only reads (keys are looked up, never touched, and the bill run lease is
/// only taken by a bill run).
/// </summary>
public sealed record BooksFingerprint(IReadOnlyDictionary<string, string> Tables)
{
    public static Task<BooksFingerprint> Take(FolioApp app) => app.Query(Take);

    public static async Task<BooksFingerprint> Take(FolioDb db)
    {
        var tables = db.Model.GetRelationalModel().Tables.ToDictionary(t => t.Name, _ => (Rows: 0, Text: new StringBuilder()));
        await Visit(db, (table, row, column, value) =>
        {
            var (rows, text) = tables[table];
            if (row == rows)
            {
                tables[table] = (rows + 1, text.Append('\n'));
            }

            var invariant = Invariant(value);
            text.Append(invariant.Length).Append(':').Append(invariant).Append(';');
        });
        return new BooksFingerprint(tables.ToDictionary(
            t => t.Key,
            t => $"{t.Value.Rows} rows {Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(t.Value.Text.ToString())))[..16]}",
            StringComparer.Ordinal));
    }

    /// <summary>The tables whose rows differ from <paramref name="before"/>, with their row counts then and now.</summary>
    public IReadOnlyList<string> ChangedSince(BooksFingerprint before) =>
        [.. Tables.Keys.Union(before.Tables.Keys).Order(StringComparer.Ordinal)
            .Where(t => Tables.GetValueOrDefault(t) != before.Tables.GetValueOrDefault(t))
            .Select(t => $"{t} ({before.Tables.GetValueOrDefault(t, "absent")} → {Tables.GetValueOrDefault(t, "absent")})")];

    /// <summary>Every value of every row of every table, with its table, the row's number (from 0) and the column's name.</summary>
    public static async Task Visit(FolioDb db, Action<string, int, string, object?> visit)
    {
        var sql = db.GetService<ISqlGenerationHelper>();
        var tables = db.Model.GetRelationalModel().Tables.OrderBy(t => t.Name, StringComparer.Ordinal).ToList();
        var statements = tables.Select(table =>
        {
            var columns = table.Columns.OrderBy(c => c.Name, StringComparer.Ordinal).Select(c => sql.DelimitIdentifier(c.Name));
            var key = (table.PrimaryKey?.Columns ?? table.Columns).Select(c => sql.DelimitIdentifier(c.Name));
            return $"SELECT {string.Join(", ", columns)} FROM {sql.DelimitIdentifier(table.Name, table.Schema)} ORDER BY {string.Join(", ", key)}";
        });

        await db.Database.OpenConnectionAsync();
        try
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = string.Join(";\n", statements);
            await using var reader = await command.ExecuteReaderAsync();
            foreach (var table in tables)
            {
                await Read(reader, table, visit);
                await reader.NextResultAsync();
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static async Task Read(DbDataReader reader, ITable table, Action<string, int, string, object?> visit)
    {
        var row = 0;
        while (await reader.ReadAsync())
        {
            for (var column = 0; column < reader.FieldCount; column++)
            {
                visit(table.Name, row, reader.GetName(column), reader.IsDBNull(column) ? null : reader.GetValue(column));
            }

            row++;
        }
    }

    private static string Invariant(object? value) => value switch
    {
        null => "∅",
        byte[] bytes => Convert.ToHexString(bytes),
        DateTime time => time.ToString("O", CultureInfo.InvariantCulture),
        DateTimeOffset time => time.ToString("O", CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };
}
