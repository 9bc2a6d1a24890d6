using Folio.Domain.Catalog;
using Folio.Domain.Connections;
using Folio.Domain.Customers;
using Folio.Domain.Invoicing;
using Folio.Domain.Money;
using Folio.Invoices;

namespace Folio.Dialects.AdminApi;

internal static class AdminInvoiceMapping
{
    /// <summary>
    /// One invoice on the wire. <paramref name="customer"/> is needed for a draft only: a draft is addressed to the customer
    /// as it stands, a finalized invoice to the contact fixed when it was issued.
    /// </summary>
    /// <param name="items">The invoice's items, in any order.</param>
    /// <param name="catalog">The prices the invoice's items were made from, with their products, by price id.</param>
    public static AdminInvoice From(
        Invoice invoice, IEnumerable<InvoiceItem> items, BillingConnection? connection, Customer? customer, IReadOnlyDictionary<Guid, (Price Price, Product Product)> catalog, AdminView view, DateTimeOffset now)
    {
        var currency = invoice.CurrencyInfo;
        string Amount(long minorUnits) => Money.FormatMajor(minorUnits, currency);
        var finalized = invoice.Status != InvoiceStatus.Draft;
        var contact = finalized || customer is null ? invoice.BillTo : BillingContact.Of(customer);
        return new AdminInvoice(
            invoice.Id,
            StateOf(invoice.Status),
            invoice.IsPastDue(now) ? "PAST_DUE" : null,
            StateTimeOf(invoice),
            connection is null ? null : ConnectionOf(connection, view),
            invoice.ExternalId,
            invoice.Number,
            invoice.Currency,
            invoice.Description,
            AccountOf(contact),
            invoice.IssuedAt,
            PeriodOf(invoice.PeriodStart, invoice.PeriodEnd),
            Amount(invoice.Subtotal - (invoice.Discount - invoice.InvoiceDiscount)),
            Amount(invoice.InvoiceDiscount),
            finalized && invoice.StartingBalance is { } start && invoice.EndingBalance is { } end
                ? new AdminBalance(Amount(start), Amount(end), Amount(-invoice.CreditApplied))
                : null,
            Amount(invoice.Tax),
            Amount(invoice.Total),
            Amount(invoice.Total - invoice.CreditApplied),
            Amount(invoice.AmountRemaining),
            invoice.DueAt,
            Amount(invoice.AmountPaid),
            PaymentStateOf(invoice),
            null,
            [.. items.OrderBy(i => i.Position).Select(item => ItemOf(item, Amount, CatalogOf(item, catalog), view))],
            [],
            invoice.PulledAt,
            invoice.CreatedAt,
            invoice.UpdatedAt);
    }

    private static string StateOf(InvoiceStatus status) => status switch
    {
        InvoiceStatus.Draft => "DRAFT",
        InvoiceStatus.Open => "OPEN",
        InvoiceStatus.Paid => "PAID",
        InvoiceStatus.Void => "VOID",
        InvoiceStatus.Uncollectible => "UNCOLLECTIBLE",
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };

    private static DateTimeOffset? StateTimeOf(Invoice invoice) => invoice.Status switch
    {
        InvoiceStatus.Draft => invoice.CreatedAt,
        InvoiceStatus.Open => invoice.IssuedAt,
        InvoiceStatus.Paid => invoice.PaidAt,
        InvoiceStatus.Void => invoice.VoidedAt,
        InvoiceStatus.Uncollectible => invoice.MarkedUncollectibleAt,
        _ => null,
    };

    private static string PaymentStateOf(Invoice invoice) => invoice.Status switch
    {
        InvoiceStatus.Paid => "PAID",
        InvoiceStatus.Open or InvoiceStatus.Uncollectible when invoice.AmountRemaining > 0 => "REQUIRES_PAYMENT",
        _ => "NONE",
    };

    private static AdminConnection ConnectionOf(BillingConnection connection, AdminView view) =>
        new(connection.Id, connection.DisplayName, connection.State, connection.Type, null, [], ViewOf(view), connection.CreatedAt, connection.UpdatedAt);

    private static AdminAccount AccountOf(BillingContact contact)
    {
        var a = contact.Address;
        var hasAddress = a.Line1 is not null || a.Line2 is not null || a.City is not null || a.Region is not null || a.PostalCode is not null || a.Country is not null;
        string[] lines = [.. new[] { a.Line1, a.Line2 }.OfType<string>()];
        return new AdminAccount(contact.Name, contact.Email, contact.Phone, hasAddress ? new AdminAddress(lines, a.City, a.Region, a.PostalCode, a.Country) : null);
    }

    private static AdminPeriod? PeriodOf(DateTimeOffset? start, DateTimeOffset? end) =>
        start is null && end is null ? null : new AdminPeriod(start, end);

    private static (Price Price, Product Product)? CatalogOf(InvoiceItem item, IReadOnlyDictionary<Guid, (Price Price, Product Product)> catalog) =>
        item.PriceId is { } priceId && catalog.TryGetValue(priceId, out var found) ? found : null;

    private static AdminInvoiceItem ItemOf(InvoiceItem item, Func<long, string> amount, (Price Price, Product Product)? catalog, AdminView view)
    {
        var product = catalog is { Product: var p } ? ProductOf(p, view) : null;
        var price = catalog is { Price: var pr } ? PriceOf(pr, product!, view) : null;
        return new(item.Id, product, price, Decimals.Trim(item.Quantity), amount(item.Amount), amount(item.Discount), item.Description, item.ExternalId, false, PeriodOf(item.PeriodStart, item.PeriodEnd));
    }

    private static AdminProduct ProductOf(Product product, AdminView view) =>
        new(product.Id, product.Name, product.Description, product.IsArchived, ViewOf(view), product.CreatedAt, product.UpdatedAt);

    private static AdminPrice PriceOf(Price price, AdminProduct product, AdminView view) => new(
        price.Id,
        price.Currency,
        price.Type == PriceType.Recurring ? "RECURRING" : "ONE_TIME",
        price.Recurrence is { } every ? new AdminInterval(every.Count, every.Unit.ToString().ToUpperInvariant()) : null,
        price.Nickname,
        product,
        price.IsArchived,
        ViewOf(view),
        price.CreatedAt,
        price.UpdatedAt,
        new AdminFixedPrice(Money.FormatMajor(price.UnitAmount, Currency.Get(price.Currency))));

    private static string ViewOf(AdminView view) => view.ToString().ToUpperInvariant();
}
