using Folio.Credits;
using Folio.Data;
using Folio.Domain.Customers;
using Folio.Domain.Invoicing;
using Folio.Domain.Money;
using Folio.ExchangeRates;

namespace Folio.Invoices.Issuing;

/// <summary>
/// What issuing a set of drafts reads, read once for the set. <see cref="Balances"/> is spent in memory as invoices
/// take credit, so that a customer's credit goes once across all its invoices of the set.
/// </summary>
internal sealed record IssuingFacts(
    Dictionary<Guid, Customer> Customers,
    Dictionary<string, ExchangeRate?> Rates,
    Dictionary<(Guid CustomerId, string Currency), long> Balances,
    InvoiceNumberBlock? Numbers)
{
    /// <summary>
    /// The customers, read and locked in id order (after the caller's subscriptions or invoice: see <see cref="RowLocks"/>);
    /// and when finalizing, the exchange rates in force, the customers' credit balances and a block of as many numbers as
    /// drafts, reserved last, so that the sequence is held for the shortest time.
    /// </summary>
    public static async Task<IssuingFacts> Read(
        FolioDb db, InvoiceOptions options, IReadOnlyList<DraftToIssue> drafts, DateTimeOffset now, bool finalize, CancellationToken cancellationToken)
    {
        Guid[] customerIds = [.. drafts.Select(d => d.Invoice.CustomerId).Distinct()];
        var customers = await db.LockedCustomers(customerIds, cancellationToken);
        var rates = new Dictionary<string, ExchangeRate?>(StringComparer.Ordinal);
        if (!finalize)
        {
            return new IssuingFacts(customers, rates, [], null);
        }

        foreach (var currency in drafts.Select(d => d.Invoice.Currency).Distinct(StringComparer.Ordinal))
        {
            rates[currency] = await ExchangeRateOperations.InForce(db, currency, cancellationToken);
        }

        var balances = await CreditLedger.Balances(db, customerIds, cancellationToken);
        var numbers = await InvoiceNumbering.Reserve(db, options, now, drafts.Count, cancellationToken);
        return new IssuingFacts(customers, rates, balances, numbers);
    }

    public Customer CustomerOf(Invoice invoice) => Customers.GetValueOrDefault(invoice.CustomerId)
        ?? throw new InvalidOperationException($"Invoice {invoice.Id} names customer {invoice.CustomerId}, which is not in the books.");
}
