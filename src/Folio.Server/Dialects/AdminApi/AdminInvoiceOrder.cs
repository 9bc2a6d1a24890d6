using System.Collections.Concurrent;
using System.Linq.Expressions;
using Folio.Api;
using Folio.Domain.Invoicing;

namespace Folio.Dialects.AdminApi;

public enum InvoiceSortField
{
    CreatedAt,
    DueAt,
}

public sealed record InvoiceSort(InvoiceSortField Field, bool Descending);

/// <summary>
/// The admin list's orders (orderBy: creation or due time, each either way) as keyset orders: ties are broken by id, in
/// the direction of the last sort. One order per distinct orderBy, built once.
/// </summary>
internal static class AdminInvoiceOrder
{
    /// <summary>A draft has no due date yet: it sorts as if due at the end of time, after every dated invoice when ascending.</summary>
    public static readonly DateTimeOffset Undated = DateTimeOffset.MaxValue;

    private static readonly ConcurrentDictionary<string, KeysetOrder<Invoice>> Orders = new(StringComparer.Ordinal);

    public static KeysetOrder<Invoice> Of(IReadOnlyList<InvoiceSort> sorts)
    {
        ArgumentNullException.ThrowIfNull(sorts);
        return Orders.GetOrAdd(string.Join(",", sorts.Select(s => $"{s.Field}:{s.Descending}")), _ => new KeysetOrder<Invoice>(
            [.. sorts.Select(s => (s.Field == InvoiceSortField.CreatedAt ? CreatedAt : DueAt, s.Descending))], i => i.Id));
    }

    public static PagePosition PositionOf(Invoice invoice, IReadOnlyList<InvoiceSort> sorts)
    {
        ArgumentNullException.ThrowIfNull(invoice);
        ArgumentNullException.ThrowIfNull(sorts);
        var values = new DateTimeOffset[sorts.Count];
        for (var n = 0; n < values.Length; n++)
        {
            values[n] = sorts[n].Field == InvoiceSortField.CreatedAt ? invoice.CreatedAt : invoice.DueAt ?? Undated;
        }

        return new PagePosition(values, invoice.Id);
    }

    private static readonly Expression<Func<Invoice, DateTimeOffset>> CreatedAt = i => i.CreatedAt;

    private static readonly Expression<Func<Invoice, DateTimeOffset>> DueAt = i => i.DueAt ?? Undated;
}
