using Folio.Access;
using Folio.Api;
using Folio.Data;
using Folio.Domain.Catalog;
using Folio.Domain.Connections;
using Folio.Domain.Invoicing;
using Folio.Invoices;
using Microsoft.EntityFrameworkCore;

namespace Folio.Dialects.AdminApi;

/// <summary>
/// Reads one page of the admin list by keyset, in a fixed number of queries whatever the page size: the page, its items,
/// how many rows lie before it (to tell the first page and the one after it apart), and the connections, the draft
/// customers and the catalog prices the page refers to.
/// </summary>
internal static class AdminInvoicePages
{
    public static async Task<AdminInvoiceList> List(FolioBooks db, Caller caller, PageTokens tokens, AdminListCriteria criteria, DateTimeOffset now, CancellationToken ct)
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
        ILookup<Guid, InvoiceItem> items = Array.Empty<InvoiceItem>().ToLookup(item => item.InvoiceId);
        var size = criteria.PageSize;
        var window = await Keyset.Window(
            invoices,
            AdminInvoiceOrder.Of(sorts),
            criteria.Cursor,
            size,
            async (rows, ct) =>
            {
                var invoices = await rows.ToListAsync(ct);
                if (invoices.Count > 0)
                {
                    items = (await rows.SelectMany(i => i.Items).ToListAsync(ct)).ToLookup(item => item.InvoiceId);
                }

                return invoices;
            },
            i => AdminInvoiceOrder.PositionOf(i, sorts),
            ct,
            countBefore: size + 1,
            fillFirstPage: true);

        var page = window.Rows;
        string Token(PageCursor cursor) => tokens.Issue(PageList.AdminInvoices, criteria.Binding, cursor);
        var next = window.MoreAfter ? Token(PageCursor.After(AdminInvoiceOrder.PositionOf(page[^1], sorts))) : string.Empty;
        var previous = window.Before switch
        {
            0 => null,
            _ when window.Before <= size || page.Count == 0 => string.Empty,
            _ => Token(PageCursor.Before(AdminInvoiceOrder.PositionOf(page[0], sorts))),
        };
        return new AdminInvoiceList(await Render(db, page, items, criteria.View, now, ct), next, previous);
    }

    /// <summary>Maps invoices to the wire, loading the connections, draft customers and catalog prices (with their products) they need in one query each.</summary>
    /// <param name="items">The items of the invoices, by invoice id.</param>
    public static async Task<IReadOnlyList<AdminInvoice>> Render(FolioBooks db, IReadOnlyList<Invoice> rows, ILookup<Guid, InvoiceItem> items, AdminView view, DateTimeOffset now, CancellationToken ct)
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
        var priceIds = rows.SelectMany(i => items[i.Id]).Select(item => item.PriceId).OfType<Guid>().Distinct().ToList();
        var catalog = priceIds.Count == 0
            ? new Dictionary<Guid, (Price, Product)>()
            : (await db.Prices.AsNoTracking().Where(p => priceIds.Contains(p.Id))
                .Join(db.Products.AsNoTracking(), price => price.ProductId, product => product.Id, (price, product) => new { price, product })
                .ToListAsync(ct)).ToDictionary(pair => pair.price.Id, pair => (pair.price, pair.product));
        return [.. rows.Select(i => AdminInvoiceMapping.From(
            i, items[i.Id], connections.GetValueOrDefault(i.ConnectionId ?? BillingConnection.LedgerId), customers.GetValueOrDefault(i.CustomerId), catalog, view, now))];
    }
}
