using Folio.Audit;
using Folio.Data;
using Folio.Domain.Invoicing;
using Folio.Domain.Subscriptions;
using Folio.Events;
using Folio.Subscriptions;

namespace Folio.BillRuns;

/// <summary>
/// What a step of the bill run tells, in bulk in its own transaction: each subscription it moved on
/// (<c>subscription.updated</c>, or <c>subscription.ended</c> when its last period was invoiced), and one audit entry by
/// the bill run naming the invoices it created and the subscriptions it moved. Issuing tells of the invoices itself.
/// </summary>
internal static class BillRunJournal
{
    public static async Task Write(FolioDb db, BillRun run, IReadOnlyList<Invoice> invoices, IReadOnlyList<Subscription> subscriptions, CancellationToken cancellationToken)
    {
        if (invoices.Count == 0 && subscriptions.Count == 0)
        {
            return;
        }

        var clock = db.Clock;
        var now = clock.GetUtcNow();
        var rendered = await SubscriptionQueries.Respond(db, subscriptions, now, cancellationToken);
        var events = new List<Event>(rendered.Count);
        foreach (var subscription in rendered)
        {
            var type = subscription.Status == SubscriptionStatus.Ended ? "subscription.ended" : "subscription.updated";
            events.Add(EventLog.New(clock, type, "subscription", subscription.Id, EventLog.Render(subscription), subscription.OrganizationId));
        }

        await BulkWrites.Insert(db, events, cancellationToken);
        IEnumerable<ChangedObject> changed =
        [
            .. invoices.Select(i => new ChangedObject("invoice", i.Id, "created", i.OrganizationId, [
                new FieldChange("customer_id", null, i.CustomerId), new FieldChange("number", null, i.Number), new FieldChange("status", null, i.Status),
                new FieldChange("total", null, i.Total), new FieldChange("subscription_period", null, i.SubscriptionPeriod)])),
            .. subscriptions.Select(s => new ChangedObject("subscription", s.Id, "updated", s.OrganizationId, [
                new FieldChange("next_bill_at", null, s.NextBillAt), new FieldChange("status", null, s.Status)])),
        ];
        await BulkWrites.Insert(db, [AuditTrail.Entry(clock, Actor.BillRun, "bill_run.invoice", "bill_run", run.Id, null, changed)], cancellationToken);
    }
}
