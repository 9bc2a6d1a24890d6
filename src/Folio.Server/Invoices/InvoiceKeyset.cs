using Folio.Domain.Invoicing;
using Microsoft.EntityFrameworkCore;

namespace Folio.Invoices;

public enum KeysetDirection
{
    /// <summary>Rows with ids below the boundary: the next page of a newest-first list.</summary>
    Older,

    /// <summary>Rows with ids above the boundary: the previous page of a newest-first list.</summary>
    Newer,
}

/// <summary>Where a page of a newest-first list starts: the rows just older, or just newer, than a boundary id.</summary>
public sealed record KeysetCursor(KeysetDirection Direction, Guid Boundary)
{
    /// <summary>The newest rows: no id is above this boundary.</summary>
    public static readonly KeysetCursor First = new(KeysetDirection.Older, Guid.AllBitsSet);

    /// <summary>The oldest rows: no id is below this boundary.</summary>
    public static readonly KeysetCursor Last = new(KeysetDirection.Newer, Guid.Empty);
}

/// <summary>A page of invoices, newest first, with the cursors of the pages on either side (null where there is none).</summary>
public sealed record InvoiceWindow(IReadOnlyList<Invoice> Invoices, KeysetCursor? Newer, KeysetCursor? Older);

/// <summary>
/// Keyset paging that walks both ways over UUIDv7 ids. Rows created during a walk have higher ids than every row already
/// seen, so they never shift a page: walking older visits every row once, and walking newer returns exactly the pages
/// seen before. A page costs one indexed range read, plus one existence probe for the side it did not read.
/// </summary>
public static class InvoiceKeyset
{
    public static async Task<InvoiceWindow> Window(this IQueryable<Invoice> invoices, KeysetCursor? cursor, int size, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(invoices);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(size);
        if (cursor is null)
        {
            var first = await invoices.OrderByDescending(i => i.Id).Take(size + 1).ToListAsync(cancellationToken);
            var page = first.Take(size).ToList();
            return new InvoiceWindow(page, null, first.Count > size ? Older(page) : null);
        }

        var boundary = cursor.Boundary;
        if (cursor.Direction == KeysetDirection.Older)
        {
            var rows = await invoices.Where(i => i.Id < boundary).OrderByDescending(i => i.Id).Take(size + 1).ToListAsync(cancellationToken);
            var page = rows.Take(size).ToList();
            var older = rows.Count > size ? Older(page) : null;
            if (page.Count == 0)
            {
                // Nothing is left below the boundary, so whatever exists is newer: the way back is the oldest page.
                return new InvoiceWindow(page, await invoices.AnyAsync(cancellationToken) ? KeysetCursor.Last : null, null);
            }

            var newest = page[0].Id;
            return new InvoiceWindow(page, await invoices.AnyAsync(i => i.Id > newest, cancellationToken) ? Newer(page) : null, older);
        }

        var ascending = await invoices.Where(i => i.Id > boundary).OrderBy(i => i.Id).Take(size + 1).ToListAsync(cancellationToken);
        var newestFirst = ascending.Take(size).Reverse().ToList();
        var newer = ascending.Count > size ? Newer(newestFirst) : null;
        if (newestFirst.Count == 0)
        {
            return new InvoiceWindow(newestFirst, null, await invoices.AnyAsync(cancellationToken) ? KeysetCursor.First : null);
        }

        var oldest = newestFirst[^1].Id;
        return new InvoiceWindow(newestFirst, newer, await invoices.AnyAsync(i => i.Id < oldest, cancellationToken) ? Older(newestFirst) : null);
    }

    private static KeysetCursor Older(List<Invoice> newestFirst) => new(KeysetDirection.Older, newestFirst[^1].Id);

    private static KeysetCursor Newer(List<Invoice> newestFirst) => new(KeysetDirection.Newer, newestFirst[0].Id);
}
