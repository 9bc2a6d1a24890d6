using Folio.Data;
using Folio.Domain;
using Folio.Domain.Credits;
using Folio.Domain.Invoicing;
using Folio.Events;
using Microsoft.EntityFrameworkCore;

namespace Folio.Invoices.Issuing;

/// <summary>
/// Issuing invoices: the one place that numbers an invoice and applies a customer's credit balance to it. The finalize
/// endpoint issues a set of one stored draft; the bill run a page of new invoices, or a set of one when it goes over a
/// page one period at a time.
/// </summary>
public static class InvoiceIssuing
{
    /// <summary>
    /// Issues <paramref name="drafts"/>, in their order, in the caller's transaction. What issuing needs is read once for
    /// the set (<see cref="IssuingFacts.Read"/>); each draft is then issued in memory by <see cref="Invoice.FinalizeInvoice"/>
    /// and the draft's own <see cref="DraftToIssue.Accept"/>, and what was issued is written. A refused draft is left
    /// out, with nothing of it written: it uses no credit, and its number goes to the next draft, so numbers stay gapless
    /// and in the order of the set; the numbers left unused are given back. <paramref name="finalize"/> false (the bill
    /// run's <c>Folio:BillRuns:Finalize</c>) writes the drafts as drafts: no number, rate, credit or contact.
    /// A stored draft refused after it was finalized is left changed in memory: the caller does not save it.
    /// </summary>
    public static async Task<IssuedInvoices> Issue(
        FolioDb db, TimeProvider clock, InvoiceOptions options, IReadOnlyList<DraftToIssue> drafts, DateTimeOffset now, bool finalize,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(drafts);
        if (drafts.Count == 0)
        {
            return new IssuedInvoices([], []);
        }

        var facts = await IssuingFacts.Read(db, options, drafts, now, finalize, cancellationToken);
        var issued = new List<DraftToIssue>(drafts.Count);
        var refused = new List<RefusedDraft>();
        var credits = new List<CreditTransaction>();
        foreach (var draft in drafts)
        {
            if (IssueOne(clock, options, facts, draft, now, credits) is { } violation)
            {
                refused.Add(new RefusedDraft(draft, violation));
            }
            else
            {
                issued.Add(draft);
            }
        }

        await Write(db, issued, credits, cancellationToken);
        await RecordEvents(db, issued, credits, finalize, now, cancellationToken);
        if (facts.Numbers is { } numbers)
        {
            await numbers.GiveBackUnused(db, cancellationToken);
        }

        return new IssuedInvoices([.. issued.Select(d => d.Invoice)], refused);
    }

    /// <summary>Issues one draft in memory; the refusal when it cannot be. Only an issued draft takes a number and spends credit.</summary>
    private static RuleViolation? IssueOne(
        TimeProvider clock, InvoiceOptions options, IssuingFacts facts, DraftToIssue draft, DateTimeOffset now, List<CreditTransaction> credits)
    {
        var invoice = draft.Invoice;
        var customer = facts.CustomerOf(invoice);
        // A draft made before its customer was archived can still be issued; a new invoice cannot be made for it.
        if (draft.IsNew && customer.RefusesNewInvoices() is { } archived)
        {
            return archived;
        }

        var balanceKey = (customer.Id, invoice.Currency);
        if (facts.Numbers is { } numbers)
        {
            var balance = facts.Balances.GetValueOrDefault(balanceKey);
            var rate = facts.Rates[invoice.Currency];
            if (invoice.FinalizeInvoice(numbers.Peek(), now, balance, options.DefaultDaysUntilDue, BillingContact.Of(customer), rate) is { } refused)
            {
                return refused;
            }
        }

        if (draft.Accept?.Invoke(invoice) is { } notAccepted)
        {
            return notAccepted;
        }

        // Issued: from here its number and its credit go with it.
        facts.Numbers?.Take();
        if (invoice.CreditApplied > 0)
        {
            credits.Add(new CreditTransaction(
                clock.NewId(), invoice.CustomerId, invoice.Currency, -invoice.CreditApplied, CreditTransactionType.InvoiceApplication,
                $"Applied to invoice {invoice.Number}", now, invoice.Id));
            facts.Balances[balanceKey] -= invoice.CreditApplied;
        }

        return null;
    }

    /// <summary>
    /// What issuing tells, in bulk with what it wrote: <c>invoice.created</c> for each new invoice, <c>invoice.finalized</c>
    /// for each finalized one (the same rendering: both happen at once), and the credit balances it drew on.
    /// </summary>
    private static async Task RecordEvents(
        FolioDb db, List<DraftToIssue> issued, List<CreditTransaction> credits, bool finalize, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var clock = db.Clock;
        var events = new List<Event>(issued.Count * 2);
        foreach (var draft in issued)
        {
            var invoice = draft.Invoice;
            var data = EventLog.Render(InvoiceResponse.From(invoice, now));
            if (draft.IsNew)
            {
                events.Add(EventLog.New(clock, "invoice.created", "invoice", invoice.Id, data, invoice.OrganizationId));
            }

            if (finalize)
            {
                events.Add(EventLog.New(clock, "invoice.finalized", "invoice", invoice.Id, data, invoice.OrganizationId));
            }
        }

        if (credits.Count > 0)
        {
            events.AddRange(await EventObjects.CreditBalances(db, [.. credits.Select(c => c.CustomerId)], cancellationToken));
        }

        await BulkWrites.Insert(db, events, cancellationToken);
    }

    /// <summary>New invoices with their lines, then the credit entries that name them, in bulk; stored drafts are the caller's to save.</summary>
    private static async Task Write(FolioDb db, List<DraftToIssue> issued, List<CreditTransaction> credits, CancellationToken cancellationToken)
    {
        if (issued.Find(d => !d.IsNew && db.Entry(d.Invoice).State == EntityState.Detached) is { } untracked)
        {
            throw new InvalidOperationException($"Invoice {untracked.Invoice.Id} is a stored draft its caller does not track: nothing would save it.");
        }

        Invoice[] created = [.. issued.Where(d => d.IsNew).Select(d => d.Invoice)];
        await BulkWrites.Insert(db, created, cancellationToken);
        await BulkWrites.Insert(db, [.. created.SelectMany(i => i.Items)], cancellationToken);
        await BulkWrites.Insert(db, credits, cancellationToken);
    }
}
