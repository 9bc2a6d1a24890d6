using Folio.Data;
using Folio.Domain.Numbering;
using Microsoft.EntityFrameworkCore;

namespace Folio.Invoices;

/// <summary>
/// Hands out invoice numbers inside the caller's transaction (<see cref="Issuing.InvoiceIssuing"/> is its one caller): one
/// atomic upsert of the period's counter, so two issuers never share a number and a rolled-back one gives its numbers
/// back (no gaps).
/// </summary>
internal static class InvoiceNumbering
{
    /// <summary>
    /// Reserves <paramref name="count"/> consecutive numbers of the period of <paramref name="issuedAt"/> in one statement,
    /// for the invoices of one set to issue. What it does not use it gives back before committing
    /// (<see cref="InvoiceNumberBlock.GiveBackUnused"/>); until then it holds the counter, so nobody numbers in between.
    /// </summary>
    public static async Task<InvoiceNumberBlock> Reserve(FolioDb db, InvoiceOptions options, DateTimeOffset issuedAt, int count, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        var pattern = NumberPattern.Parse(options.NumberPattern);
        var period = pattern.PeriodKey(issuedAt);
        var values = await db.Database.SqlQuery<long>($"""
            INSERT INTO number_sequences (scope, period, last_value) VALUES ({options.Seller}, {period}, {(long)count})
            ON CONFLICT (scope, period) DO UPDATE SET last_value = number_sequences.last_value + {(long)count}
            RETURNING last_value AS "Value"
            """).ToListAsync(cancellationToken);
        return new InvoiceNumberBlock(pattern, issuedAt, options.Seller, period, values.Single() - count + 1, count);
    }
}

/// <summary>Consecutive invoice numbers reserved by <see cref="InvoiceNumbering.Reserve"/>, handed out in order.</summary>
internal sealed class InvoiceNumberBlock(NumberPattern pattern, DateTimeOffset issuedAt, string scope, string period, long first, int count)
{
    private int _used;

    /// <summary>The next number, not yet taken: an invoice that refuses to be issued leaves it to the next one.</summary>
    public string Peek() => _used < count
        ? pattern.Format(issuedAt, first + _used)
        : throw new InvalidOperationException($"All {count} reserved invoice numbers are used.");

    public void Take() => _used++;

    /// <summary>Puts the counter back to the last number taken, so numbers stay gapless.</summary>
    public async Task GiveBackUnused(FolioDb db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        long unused = count - _used;
        if (unused > 0)
        {
            await db.Database.ExecuteSqlAsync(
                $"UPDATE number_sequences SET last_value = last_value - {unused} WHERE scope = {scope} AND period = {period}", cancellationToken);
        }
    }
}
