using System.Data.Common;
using System.Globalization;
using System.Text;
using Folio.Api;
using Folio.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Folio.Data;

/// <summary>
/// Finds the text of a set of books that <see cref="StoredText"/> refuses. Folio refuses such text as input, but books
/// written before it did may hold some (SQLite keeps a NUL), and PostgreSQL would refuse it halfway through a copy. Every
/// text column of the model is read as stored, row by row, so that the refusal names every such value at once.
/// </summary>
public static class UnstorableText
{
    private const int Shown = 100;

    /// <summary>Throws an <see cref="InvalidOperationException"/> naming each value the rule refuses, if there is any.</summary>
    public static async Task Refuse(FolioDb db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var found = new List<string>();
        var count = 0;
        var sql = db.GetService<ISqlGenerationHelper>();
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            foreach (var table in db.Model.GetRelationalModel().Tables)
            {
                IColumn[] key = [.. table.PrimaryKey?.Columns ?? []];
                IColumn[] text = [.. table.Columns.Where(c => c.ProviderClrType == typeof(string))];
                if (text.Length == 0)
                {
                    continue;
                }

                await using var command = connection.CreateCommand();
                command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
                command.CommandText = $"SELECT {string.Join(", ", key.Concat(text).Select(c => sql.DelimitIdentifier(c.Name)))} FROM {sql.DelimitIdentifier(table.Name, table.Schema)}";
                await using var reader = await command.ExecuteReaderAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken))
                {
                    for (var i = 0; i < text.Length; i++)
                    {
                        var ordinal = key.Length + i;
                        var value = reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
                        var at = value is null ? -1 : StoredText.FirstUnstorable(value);
                        if (at >= 0 && ++count <= Shown)
                        {
                            found.Add($"  {table.Name} {RowId(reader, key)} {text[i].Name}: U+{(int)value![at]:X4} at {at}");
                        }
                    }
                }
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }

        if (count > 0)
        {
            throw new InvalidOperationException(Report(found, count));
        }
    }

    private static string Report(List<string> found, int count)
    {
        var report = new StringBuilder()
            .AppendLine(CultureInfo.InvariantCulture, $"Nothing was copied: {(count == 1 ? "1 value in the source holds" : $"{count} values in the source hold")} text that Folio no longer accepts. {StoredText.Rule}")
            .AppendLine("Each is named by table, row id and column, with its first such character and that character's position (from 0):");
        foreach (var line in found)
        {
            report.AppendLine(line);
        }

        if (count > found.Count)
        {
            report.AppendLine(CultureInfo.InvariantCulture, $"  and {count - found.Count} more");
        }

        return report.Append("Correct these values in the source (with a PATCH of that object through the API, with the server on the source database, or with SQL), then copy again.").ToString();
    }

    // The key as the API shows it: SQLite keeps a Guid as upper-case text, which read as a Guid prints in lower case. A key
    // that is text may itself hold what the rule refuses, hence the escaping.
    private static string RowId(DbDataReader reader, IColumn[] key)
    {
        if (key.Length == 0)
        {
            return "(no key)";
        }

        var values = key.Select((column, i) => reader.IsDBNull(i) ? "null"
            : column.ProviderClrType == typeof(Guid) ? reader.GetGuid(i).ToString()
            : LogText.Escape(Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture)));
        return key.Length == 1 ? values.Single() : $"({string.Join(", ", values)})";
    }
}
