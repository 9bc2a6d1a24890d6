using Folio.Data;
using Folio.Domain.Numbering;
using Microsoft.EntityFrameworkCore;

namespace Folio.Invoices;

/// <summary>
/// Hands out the next invoice number inside the caller's transaction: one atomic upsert of the period's counter, so two
/// finalizations never share a number and a rolled-back finalization gives its number back (no gaps).
/// </summary>
public static class InvoiceNumbering
{
    public static async Task<string> Next(FolioDb db, InvoiceOptions options, DateTimeOffset issuedAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(options);
        var pattern = NumberPattern.Parse(options.NumberPattern);
        var period = pattern.PeriodKey(issuedAt);
        var values = await db.Database.SqlQuery<long>($"""
            INSERT INTO number_sequences (scope, period, last_value) VALUES ({options.Seller}, {period}, 1)
            ON CONFLICT (scope, period) DO UPDATE SET last_value = number_sequences.last_value + 1
            RETURNING last_value AS "Value"
            """).ToListAsync(cancellationToken);
        return pattern.Format(issuedAt, values.Single());
    }
}
