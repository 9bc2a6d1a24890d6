using Folio.Access;
using Folio.Data;
using Folio.Domain.Catalog;
using Folio.Domain.Connections;
using Folio.Domain.Invoicing;
using Folio.Invoices;
using Microsoft.EntityFrameworkCore;

namespace Folio.Dialects.AdminApi;

/// <summary>
/// Reads one page of the admin list by keyset, in a fixed number of queries whatever the page size: the page with its
/// items, how many rows lie before it (to tell the first page and the one after it apart), and the connections, the
/// draft customers and the catalog prices the page refers to.
/// </summary>
internal static class AdminInvoicePages
{
    public static async Task<AdminInvoiceList> List(FolioBooks db, Caller caller, AdminListCriteria criteria, DateTimeOffset now, CancellationToken ct)
    {
        var invoices = db.Invoices.AsNoTracking().VisibleTo(caller);
        if (criteria.OrganizationId is { } organizationId)
        {
            invoices = invoices.OfOrganization(organizationId);
        }

        if (criteria.UserId is { } userId)
        {
            invoices = invoices.OfCustomer(userId);
        }

        var sorts = criteria.Sorts;
        var size = criteria.PageSize;
        var window = criteria.Token is { Backward: true } token
            ? await Backward(invoices, sorts, size, token.Position, ct)
            : await Forward(invoices, sorts, size, criteria.Token?.Position, ct);

        var rows = window.Rows;
        var fingerprint = AdminPageToken.Fingerprint(criteria.OrganizationId, criteria.UserId, sorts);
        var next = window.MoreAfter ? new AdminPageToken(false, InvoiceOrdering.PositionOf(rows[^1], sorts)).Encode(fingerprint) : string.Empty;
        var previous = window.Before switch
        {
            0 => null,
            _ when window.Before <= size || rows.Count == 0 => string.Empty,
            _ => new AdminPageToken(true, InvoiceOrdering.PositionOf(rows[0], sorts)).Encode(fingerprint),
        };
        return new AdminInvoiceList(await Render(db, rows, criteria.View, now, ct), next, previous);
    }

    /// <summary>Maps invoices to the wire, loading the connections, draft customers and catalog prices (with their products) they need in one query each.</summary>
    public static async Task<IReadOnlyList<AdminInvoice>> Render(FolioBooks db, IReadOnlyList<Invoice> rows, AdminView view, DateTimeOffset now, CancellationToken ct)
    {
        if (rows.Count == 0)
        {
            return [];
        }

        var connectionIds = rows.Select(i => i.ConnectionId ?? BillingConnection.LedgerId).Distinct().ToList();
        var connections = await db.BillingConnections.AsNoTracking().Where(c => connectionIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, ct);
        var draftCustomerIds = rows.Where(i => i.Status == InvoiceStatus.Draft).Select(i => i.CustomerId).Distinct().ToList();
        var customers = draftCustomerIds.Count == 0
            ? []
            : await db.Customers.AsNoTracking().Where(c => draftCustomerIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, ct);
        var priceIds = rows.SelectMany(i => i.Items).Select(item => item.PriceId).OfType<Guid>().Distinct().ToList();
        var catalog = priceIds.Count == 0
            ? new Dictionary<Guid, (Price, Product)>()
            : (await db.Prices.AsNoTracking().Where(p => priceIds.Contains(p.Id))
                .Join(db.Products.AsNoTracking(), price => price.ProductId, product => product.Id, (price, product) => new { price, product })
                .ToListAsync(ct)).ToDictionary(pair => pair.price.Id, pair => (pair.price, pair.product));
        return [.. rows.Select(i => AdminInvoiceMapping.From(
            i, connections.GetValueOrDefault(i.ConnectionId ?? BillingConnection.LedgerId), customers.GetValueOrDefault(i.CustomerId), catalog, view, now))];
    }

    /// <summary>The rows after <paramref name="from"/> (from the start when null).</summary>
    private static async Task<Window> Forward(IQueryable<Invoice> invoices, IReadOnlyList<InvoiceSort> sorts, int size, InvoicePosition? from, CancellationToken ct)
    {
        var after = from is null ? invoices : invoices.Beyond(sorts, from);
        var rows = await after.OrderedBy(sorts).Take(size + 1).Include(i => i.Items).ToListAsync(ct);
        var moreAfter = rows.Count > size;
        if (moreAfter)
        {
            rows.RemoveAt(size);
        }

        var before = 0;
        if (from is not null)
        {
            var earlier = rows.Count > 0
                ? invoices.Beyond(sorts, InvoiceOrdering.PositionOf(rows[0], sorts), reverse: true)
                : invoices.Beyond(sorts, from, reverse: true, inclusive: true);
            before = await earlier.OrderedBy(sorts, reverse: true).Take(size + 1).CountAsync(ct);
        }

        return new Window(rows, moreAfter, before);
    }

    /// <summary>
    /// The rows just before <paramref name="from"/>. When no more than a page lies before it, that is the first page, read
    /// from the start so that it is full even if rows were inserted at the start since.
    /// </summary>
    private static async Task<Window> Backward(IQueryable<Invoice> invoices, IReadOnlyList<InvoiceSort> sorts, int size, InvoicePosition from, CancellationToken ct)
    {
        var earlier = await invoices.Beyond(sorts, from, reverse: true).OrderedBy(sorts, reverse: true).Select(i => i.Id).Take((2 * size) + 1).ToListAsync(ct);
        if (earlier.Count <= size)
        {
            return await Forward(invoices, sorts, size, null, ct);
        }

        var pageIds = earlier.Take(size).Reverse().ToList();
        var loaded = await invoices.Where(i => pageIds.Contains(i.Id)).Include(i => i.Items).ToDictionaryAsync(i => i.Id, ct);
        var rows = pageIds.Where(loaded.ContainsKey).Select(id => loaded[id]).ToList();
        var moreAfter = rows.Count > 0 && await invoices.Beyond(sorts, InvoiceOrdering.PositionOf(rows[^1], sorts)).AnyAsync(ct);
        return new Window(rows, moreAfter, earlier.Count - size);
    }

    /// <param name="Before">How many rows lie before the page, counted up to one more than a page.</param>
    private sealed record Window(List<Invoice> Rows, bool MoreAfter, int Before);
}
