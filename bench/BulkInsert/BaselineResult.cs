using System.Data.Common;
using System.Globalization;

namespace Folio.Bench.BulkInsert;

/// <summary>What a baseline wrote, table by table, and the seconds its writing took (reading not counted).</summary>
internal sealed record BaselineResult(IReadOnlyList<(string Table, long Rows)> Tables, double Seconds)
{
    private const int ChunkRows = 10_000;

    /// <summary>The reader's rows a chunk at a time (null columns as <see cref="DBNull"/>), one list reused.</summary>
    public static IEnumerable<IReadOnlyList<object?[]>> Chunks(DbDataReader reader)
    {
        var chunk = new List<object?[]>(ChunkRows);
        while (true)
        {
            chunk.Clear();
            while (chunk.Count < ChunkRows && reader.Read())
            {
                var row = new object?[reader.FieldCount];
                reader.GetValues(row!);
                chunk.Add(row);
            }

            if (chunk.Count == 0)
            {
                yield break;
            }

            yield return chunk;
        }
    }

    /// <summary>"rows: 100000 invoices, 299570 invoice_items, ...; seconds: 12.345", the first table's count first.</summary>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture, $"rows: {string.Join(", ", Tables.Select(t => $"{t.Rows} {t.Table}"))}; seconds: {Seconds:0.000}");
}
