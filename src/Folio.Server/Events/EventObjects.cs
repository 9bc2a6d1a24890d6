using Folio.Credits;
using Folio.Customers;
using Folio.Data;
using Folio.Domain.Customers;
using Folio.Domain.Invoicing;
using Folio.Invoices;
using Microsoft.EntityFrameworkCore;

namespace Folio.Events;

/// <summary>The objects events carry, each rendered as its own <c>GET</c> renders it, and the organization that may read it.</summary>
public static class EventObjects
{
    public static Event Invoice(TimeProvider clock, string type, Invoice invoice) =>
        EventLog.New(clock, type, "invoice", invoice.Id, EventLog.Render(InvoiceResponse.From(invoice, clock.GetUtcNow())), invoice.OrganizationId);

    public static Event Customer(TimeProvider clock, string type, Customer customer) =>
        EventLog.New(clock, type, "customer", customer.Id, EventLog.Render(CustomerResponse.From(customer)), OrganizationOf(customer));

    public static Guid? OrganizationOf(Customer customer)
    {
        ArgumentNullException.ThrowIfNull(customer);
        return customer.Kind == CustomerKind.Organization ? customer.Id : customer.OrganizationId;
    }

    /// <summary>
    /// <c>credit.balance_changed</c> for each customer, with the balance as <c>GET /v1/customers/{id}/balance</c> renders it:
    /// what the database holds, plus the entries this context has added and not yet saved.
    /// </summary>
    public static async Task<List<Event>> CreditBalances(FolioDb db, IReadOnlyCollection<Guid> customerIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        Guid[] ids = [.. customerIds.Distinct()];
        var saved = await db.CreditTransactions.AsNoTracking().Where(t => ids.Contains(t.CustomerId))
            .GroupBy(t => new { t.CustomerId, t.Currency })
            .Select(g => new { g.Key.CustomerId, g.Key.Currency, Amount = g.Sum(t => t.Amount) })
            .ToListAsync(cancellationToken);
        var owners = await db.Customers.AsNoTracking().Where(c => ids.Contains(c.Id))
            .Select(c => new { c.Id, Organization = c.Kind == CustomerKind.Organization ? (Guid?)c.Id : c.OrganizationId })
            .ToDictionaryAsync(c => c.Id, c => c.Organization, cancellationToken);
        var pending = db.ChangeTracker.Entries<Domain.Credits.CreditTransaction>().Where(e => e.State == EntityState.Added).Select(e => e.Entity).ToList();
        var events = new List<Event>(ids.Length);
        foreach (var id in ids)
        {
            var balances = saved.Where(s => s.CustomerId == id).Select(s => (s.Currency, s.Amount))
                .Concat(pending.Where(p => p.CustomerId == id).Select(p => (p.Currency, p.Amount)))
                .GroupBy(b => b.Currency)
                .Select(g => new CurrencyBalance(g.Key, g.Sum(b => b.Amount)))
                .OrderBy(b => b.Currency, StringComparer.Ordinal)
                .ToList();
            var rendering = EventLog.Render(new CustomerBalanceResponse(id, balances));
            events.Add(EventLog.New(db.Clock, "credit.balance_changed", "credit_balance", id, rendering, owners.GetValueOrDefault(id)));
        }

        return events;
    }
}
