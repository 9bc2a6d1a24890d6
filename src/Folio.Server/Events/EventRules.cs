using Folio.Data;
using Folio.Domain.Credits;
using Folio.Domain.Customers;
using Folio.Domain.Invoicing;
using Folio.Domain.Subscriptions;
using Folio.Subscriptions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Folio.Events;

/// <summary>
/// Which events a change makes, read from what the change tracker is about to save, so that every path that changes an
/// invoice, a customer, a subscription or a credit balance tells of it without listing its events by hand. Issuing
/// (numbering, finalizing) tells of itself (<see cref="Invoices.Issuing.InvoiceIssuing"/>): it also writes outside the tracker.
/// </summary>
internal static class EventRules
{
    public static async Task Record(FolioDb db, CancellationToken cancellationToken)
    {
        var clock = db.Clock;
        var events = new List<Event>();
        var subscriptions = new List<(EntityEntry<Subscription> Entry, string Type)>();
        var balances = new HashSet<Guid>();
        foreach (var entry in db.ChangeTracker.Entries().ToList())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted))
            {
                continue;
            }

            switch (entry.Entity)
            {
                case Invoice invoice when InvoiceTypes(entry, invoice).ToList() is { Count: > 0 } types:
                    // One rendering for all: the events of one change show the invoice as it is saved.
                    var rendered = EventObjects.Invoice(clock, types[0], invoice);
                    events.Add(rendered);
                    events.AddRange(types.Skip(1).Select(type => EventLog.New(clock, type, "invoice", invoice.Id, rendered.Data, invoice.OrganizationId)));
                    break;
                case Customer customer when CustomerType(entry, customer) is { } type:
                    events.Add(EventObjects.Customer(clock, type, customer));
                    break;
                case Subscription subscription when entry.State != EntityState.Deleted:
                    subscriptions.Add((db.Entry(subscription), SubscriptionType(entry, subscription)));
                    break;
                case CreditTransaction credit when entry.State == EntityState.Added:
                    balances.Add(credit.CustomerId);
                    break;
            }
        }

        if (subscriptions.Count > 0)
        {
            var rendered = await SubscriptionQueries.Respond(db, [.. subscriptions.Select(s => s.Entry.Entity)], clock.GetUtcNow(), cancellationToken);
            events.AddRange(subscriptions.Select((s, i) =>
                EventLog.New(clock, s.Type, "subscription", s.Entry.Entity.Id, EventLog.Render(rendered[i]), s.Entry.Entity.OrganizationId)));
        }

        if (balances.Count > 0)
        {
            events.AddRange(await EventObjects.CreditBalances(db, balances, cancellationToken));
        }

        db.Events.AddRange(events);
    }

    private static IEnumerable<string> InvoiceTypes(EntityEntry entry, Invoice invoice)
    {
        if (entry.State == EntityState.Added)
        {
            yield return "invoice.created";
            yield break;
        }

        if (entry.State == EntityState.Deleted)
        {
            yield return "invoice.deleted";
            yield break;
        }

        var status = Original<InvoiceStatus>(entry, nameof(Invoice.Status));
        var told = false;
        if (invoice.AmountPaid > Original<long>(entry, nameof(Invoice.AmountPaid)))
        {
            told = true;
            yield return "invoice.payment_recorded";
        }

        if (status != invoice.Status && Changed(invoice.Status) is { } statusEvent)
        {
            told = true;
            yield return statusEvent;
        }

        if (Original<DateTimeOffset?>(entry, nameof(Invoice.SentAt)) is null && invoice.SentAt is not null)
        {
            told = true;
            yield return "invoice.sent";
        }

        if (Original<bool>(entry, nameof(Invoice.Muted)) != invoice.Muted)
        {
            told = true;
            yield return invoice.Muted ? "invoice.muted" : "invoice.unmuted";
        }

        // Finalizing is issuing's to tell; a draft edited is an update.
        if (!told && status == InvoiceStatus.Draft && invoice.Status == InvoiceStatus.Draft)
        {
            yield return "invoice.updated";
        }
    }

    private static string? Changed(InvoiceStatus status) => status switch
    {
        InvoiceStatus.Paid => "invoice.paid",
        InvoiceStatus.Void => "invoice.voided",
        InvoiceStatus.Uncollectible => "invoice.marked_uncollectible",
        _ => null,
    };

    private static string? CustomerType(EntityEntry entry, Customer customer) => entry.State switch
    {
        EntityState.Added => "customer.created",
        EntityState.Modified when Original<AccountStatus>(entry, nameof(Customer.Status)) != customer.Status =>
            customer.Status == AccountStatus.Suspended ? "customer.suspended" : "customer.reactivated",
        EntityState.Modified => "customer.updated",
        _ => null,
    };

    private static string SubscriptionType(EntityEntry entry, Subscription subscription)
    {
        if (entry.State == EntityState.Added)
        {
            return "subscription.created";
        }

        var status = Original<SubscriptionStatus>(entry, nameof(Subscription.Status));
        return status == subscription.Status ? "subscription.updated"
            : subscription.Status == SubscriptionStatus.Canceled ? "subscription.canceled"
            : subscription.Status == SubscriptionStatus.Ended ? "subscription.ended"
            : "subscription.updated";
    }

    private static T Original<T>(EntityEntry entry, string property) => (T)entry.Property(property).OriginalValue!;
}
