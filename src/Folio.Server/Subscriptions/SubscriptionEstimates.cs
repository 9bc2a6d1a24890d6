using Folio.Access;
using Folio.Api;
using Folio.Credits;
using Folio.Data;
using Folio.Domain;
using Folio.Domain.Invoicing;
using Folio.Domain.Subscriptions;
using Folio.ExchangeRates;
using Folio.Invoices;
using Microsoft.EntityFrameworkCore;

namespace Folio.Subscriptions;

/// <summary>
/// The next renewal invoice of a subscription, finalized in memory: the invoice the bill run will issue, with the
/// customer's credit balance, exchange rate and billing contact as they stand now. Never saved, no number taken.
/// </summary>
public sealed record UpcomingInvoice(Subscription Subscription, int Period, DateTimeOffset BillAt, Invoice Invoice);

public static class SubscriptionEstimates
{
    // FinalizeInvoice wants a number; the estimate shows none, and takes none from the sequence.
    private const string NoNumber = "estimate";

    /// <summary>The upcoming invoice of a subscription the caller can see; not found when nothing more will be billed.</summary>
    public static async Task<Outcome<UpcomingInvoice>> Upcoming(
        FolioBooks db, Caller caller, InvoiceOptions options, bool issue, Guid subscriptionId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var subscription = await db.Subscriptions.AsNoTracking().VisibleTo(caller).Include(s => s.Items)
            .FirstOrDefaultAsync(s => s.Id == subscriptionId, cancellationToken);
        return subscription is null
            ? Outcome<UpcomingInvoice>.NotFound("subscription_not_found")
            : await Upcoming(db, options, issue, subscription, now, cancellationToken);
    }

    /// <summary>
    /// The upcoming invoice of a loaded subscription; not found (no_upcoming_invoice) when nothing more will be billed.
    /// <paramref name="issue"/> is false when the bill run leaves its invoices as drafts: the estimate is then that draft.
    /// </summary>
    public static async Task<Outcome<UpcomingInvoice>> Upcoming(
        FolioBooks db, InvoiceOptions options, bool issue, Subscription subscription, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(subscription);
        if (subscription.NextBillAt is not { } billAt)
        {
            return Outcome<UpcomingInvoice>.NotFound("no_upcoming_invoice");
        }

        var customer = await db.Customers.AsNoTracking().FirstAsync(c => c.Id == subscription.CustomerId, cancellationToken);
        if (customer.IsArchived)
        {
            // The bill run refuses to invoice an archived customer; the estimate says so rather than show an invoice that will not come.
            return RuleViolation.Unprocessable("customer_archived", "The customer is archived: the bill run will not invoice it.", "customer_id");
        }

        // A bill run that comes late issues the period when it runs: the estimate of a period already due is issued now.
        var period = subscription.NextPeriodIndex;
        var issuedAt = billAt > now ? billAt : now;
        var prices = await SubscriptionPrices.Load(db, subscription.ItemsAt(period).Select(i => i.PriceId), cancellationToken);
        var (invoice, violations) = SubscriptionInvoice.Draft(subscription, period, prices, Guid.Empty, issuedAt, () => Guid.Empty);
        if (invoice is null)
        {
            return Outcome<UpcomingInvoice>.Rejected(violations);
        }

        if (!issue)
        {
            return new UpcomingInvoice(subscription, period, billAt, invoice);
        }

        var rate = await ExchangeRateOperations.InForce(db, invoice.Currency, cancellationToken);
        var balance = await CreditLedger.Balance(db, invoice.CustomerId, invoice.Currency, cancellationToken);
        if (invoice.FinalizeInvoice(NoNumber, issuedAt, balance, options.DefaultDaysUntilDue, BillingContact.Of(customer), rate) is { } refused)
        {
            return refused;
        }

        return new UpcomingInvoice(subscription, period, billAt, invoice);
    }
}
