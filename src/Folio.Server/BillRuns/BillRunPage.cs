using Folio.Credits;
using Folio.Data;
using Folio.Domain;
using Folio.Domain.Credits;
using Folio.Domain.Customers;
using Folio.Domain.Invoicing;
using Folio.Domain.Money;
using Folio.Domain.Subscriptions;
using Folio.ExchangeRates;
using Folio.Invoices;
using Folio.Subscriptions;
using Microsoft.EntityFrameworkCore;

namespace Folio.BillRuns;

/// <summary>What a committed page of a bill run did.</summary>
internal sealed record BillRunPageResult(int Due, int Invoiced, IReadOnlyList<BillRunFailure> Failures);

/// <summary>
/// Invoices a page of due subscriptions in one transaction. The facts the invoices need (the subscriptions with their
/// items, their customers, prices, exchange rates, credit balances and a block of numbers) are read once for the page;
/// each period is built and issued in memory by the very rules that issue one invoice at a time
/// (<see cref="SubscriptionInvoice.Draft"/>, <see cref="Invoice.FinalizeInvoice"/>); and the invoices, their lines and
/// credit entries are written in bulk. A period the rules refuse is reported and left out, with the later periods of its
/// subscription. An error of the database rolls the whole page back; the caller then goes over it one period at a time.
/// </summary>
internal static class BillRunPage
{
    public static async Task<BillRunPageResult> Invoice(
        FolioDb db, TimeProvider clock, InvoiceOptions invoiceOptions, BillRunOptions options, BillRun run, IReadOnlyList<Guid> subscriptionIds,
        CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.LockSubscriptions(subscriptionIds, cancellationToken);
        var loaded = await db.Subscriptions.AsNoTracking().Include(s => s.Items).Where(s => EF.Parameter(subscriptionIds).Contains(s.Id)).ToDictionaryAsync(s => s.Id, cancellationToken);
        // In the run's order, so that numbers follow it as they do one period at a time.
        var due = subscriptionIds.Where(loaded.ContainsKey).Select(id => (Subscription: loaded[id], Periods: loaded[id].DuePeriods(run.AsOf)))
            .Where(d => d.Periods.Count > 0).ToList();
        var periods = due.Sum(d => d.Periods.Count);
        if (periods == 0)
        {
            await transaction.RollbackAsync(cancellationToken);
            db.ChangeTracker.Clear();
            return new BillRunPageResult(0, 0, []);
        }

        var now = clock.GetUtcNow();
        var facts = await Facts.Read(db, invoiceOptions, options, due, periods, now, cancellationToken);
        var invoices = new List<Invoice>(periods);
        var credits = new List<CreditTransaction>();
        var failures = new List<BillRunFailure>();
        foreach (var (subscription, duePeriods) in due)
        {
            foreach (var period in duePeriods)
            {
                RuleViolation? refused;
                try
                {
                    refused = InvoicePeriod(clock, invoiceOptions, facts, subscription, period, now, invoices, credits);
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    failures.Add(run.Failure(clock.NewId(), subscription.Id, period, "unexpected_error", exception.Message));
                    break;
                }

                if (refused is not null)
                {
                    failures.Add(run.Failure(clock.NewId(), subscription.Id, period, refused.Code, refused.Detail));
                    break;
                }
            }
        }

        await BulkWrites.Insert(db, invoices, cancellationToken);
        await BulkWrites.Insert(db, [.. invoices.SelectMany(i => i.Items)], cancellationToken);
        await BulkWrites.Insert(db, credits, cancellationToken);
        var invoiced = invoices.Select(i => i.SubscriptionId).ToHashSet();
        await BulkWrites.Update(db, [.. due.Select(d => d.Subscription).Where(s => invoiced.Contains(s.Id))], cancellationToken);
        await BulkWrites.Insert(db, failures, cancellationToken);
        if (facts.Numbers is { } numbers)
        {
            await numbers.GiveBackUnused(db, cancellationToken);
        }

        await db.BillRuns.Where(r => r.Id == run.Id).ExecuteUpdateAsync(
            u => u.SetProperty(r => r.Due, r => r.Due + periods).SetProperty(r => r.Invoiced, r => r.Invoiced + invoices.Count).SetProperty(r => r.Failed, r => r.Failed + failures.Count),
            cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return new BillRunPageResult(periods, invoices.Count, failures);
    }

    /// <summary>
    /// Builds and issues the invoice of one period and moves the subscription past it, as
    /// <c>BillRunOperations.InvoicePeriod</c> does in a transaction of its own; the refusal when it cannot.
    /// </summary>
    private static RuleViolation? InvoicePeriod(
        TimeProvider clock, InvoiceOptions invoiceOptions, Facts facts, Subscription subscription, int period, DateTimeOffset now,
        List<Invoice> invoices, List<CreditTransaction> credits)
    {
        var customer = facts.Customers.GetValueOrDefault(subscription.CustomerId)
            ?? throw new InvalidOperationException($"Subscription {subscription.Id} names customer {subscription.CustomerId}, which is not in the books.");
        if (customer.IsArchived)
        {
            return RuleViolation.Unprocessable("customer_archived", "The customer is archived and cannot be invoiced.", "customer_id");
        }

        var (invoice, violations) = SubscriptionInvoice.Draft(subscription, period, facts.Prices, clock.NewId(), now, clock.NewId);
        if (invoice is null)
        {
            return violations[0];
        }

        CreditTransaction? credit = null;
        if (facts.Numbers is { } numbers)
        {
            var balanceKey = (customer.Id, invoice.Currency);
            var rate = facts.Rates.GetValueOrDefault(invoice.Currency);
            if (invoice.FinalizeInvoice(numbers.Peek(), now, facts.Balances.GetValueOrDefault(balanceKey), invoiceOptions.DefaultDaysUntilDue, BillingContact.Of(customer), rate) is { } refused)
            {
                return refused;
            }

            if (invoice.CreditApplied > 0)
            {
                credit = new CreditTransaction(
                    clock.NewId(), invoice.CustomerId, invoice.Currency, -invoice.CreditApplied, CreditTransactionType.InvoiceApplication,
                    $"Applied to invoice {invoice.Number}", now, invoice.Id);
            }
        }

        if (subscription.MarkInvoiced(period, now) is { } notNext)
        {
            return notNext;
        }

        // The subscription has moved past the period: from here its invoice, number and credit go with it, whatever follows.
        invoices.Add(invoice);
        if (facts.Numbers is { } taken)
        {
            taken.Take();
        }

        if (credit is not null)
        {
            credits.Add(credit);
            facts.Balances[(credit.CustomerId, credit.Currency)] += credit.Amount;
        }

        subscription.RecordEnd(now);

        return null;
    }

    /// <summary>What issuing the page's invoices reads, read once: customers locked (after the subscriptions, as everywhere).</summary>
    private sealed record Facts(
        Dictionary<Guid, Customer> Customers,
        Dictionary<Guid, PriceTerms> Prices,
        Dictionary<string, ExchangeRate?> Rates,
        Dictionary<(Guid CustomerId, string Currency), long> Balances,
        InvoiceNumberBlock? Numbers)
    {
        public static async Task<Facts> Read(
            FolioDb db, InvoiceOptions invoiceOptions, BillRunOptions options, List<(Subscription Subscription, IReadOnlyList<int> Periods)> due, int periods,
            DateTimeOffset now, CancellationToken cancellationToken)
        {
            Guid[] customerIds = [.. due.Select(d => d.Subscription.CustomerId).Distinct()];
            var customers = await db.LockedCustomers(customerIds, cancellationToken);
            var prices = await SubscriptionPrices.Load(db, due.SelectMany(d => d.Periods.SelectMany(d.Subscription.ItemsAt)).Select(i => i.PriceId), cancellationToken);
            var rates = new Dictionary<string, ExchangeRate?>(StringComparer.Ordinal);
            if (!options.Finalize)
            {
                return new Facts(customers, prices, rates, [], null);
            }

            foreach (var currency in due.Select(d => d.Subscription.Currency).Distinct())
            {
                rates[currency] = await ExchangeRateOperations.InForce(db, currency, cancellationToken);
            }

            var balances = await CreditLedger.Balances(db, customerIds, cancellationToken);
            var numbers = await InvoiceNumbering.Reserve(db, invoiceOptions, now, periods, cancellationToken);
            return new Facts(customers, prices, rates, balances, numbers);
        }
    }
}
