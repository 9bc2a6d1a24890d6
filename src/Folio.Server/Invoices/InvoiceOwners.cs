using Folio.Domain.Invoicing;

namespace Folio.Invoices;

public static class InvoiceOwners
{
    /// <summary>The invoices an organization is billed for: its own and those of its users.</summary>
    public static IQueryable<Invoice> OfOrganization(this IQueryable<Invoice> invoices, Guid organizationId) =>
        invoices.Where(i => i.OrganizationId == organizationId);

    /// <summary>The invoices billed to one customer (an organization itself, or a user).</summary>
    public static IQueryable<Invoice> OfCustomer(this IQueryable<Invoice> invoices, Guid customerId) =>
        invoices.Where(i => i.CustomerId == customerId);
}
