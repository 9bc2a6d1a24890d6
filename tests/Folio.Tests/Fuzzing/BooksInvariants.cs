using Folio.Domain;
using Folio.Domain.Credits;
using Folio.Domain.Customers;
using Folio.Domain.Invoicing;
using Folio.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Folio.Tests.Fuzzing;

/// <summary>
/// What the books must state whatever requests came before, read from the database: the identities Invoice and
/// InvoiceCalculator promise, payments and credit entries that account for every amount applied, and text every engine can hold.
/// </summary>
public static class BooksInvariants
{
    public static async Task<IReadOnlyList<string>> Broken(FolioApp app)
    {
        var broken = await app.Query(async db =>
        {
            var invoices = await db.Invoices.AsNoTracking().Include(i => i.Items).ToListAsync();
            var payments = (await db.Payments.AsNoTracking().ToListAsync()).ToLookup(p => p.InvoiceId);
            var credits = await db.CreditTransactions.AsNoTracking().ToListAsync();
            var customers = (await db.Customers.AsNoTracking().ToListAsync()).ToDictionary(c => c.Id);
            var broken = new List<string>();
            foreach (var invoice in invoices)
            {
                broken.AddRange(Amounts(invoice).Concat(Settlement(invoice, payments[invoice.Id], credits)).Select(b => $"invoice {invoice.Id} ({invoice.Status}): {b}"));
            }

            broken.AddRange(Ledger(credits, payments.SelectMany(p => p)));
            broken.AddRange(customers.Values
                .Where(c => c.OrganizationId is { } org && !(c.Kind == CustomerKind.User && customers.TryGetValue(org, out var o) && o.Kind == CustomerKind.Organization))
                .Select(c => $"customer {c.Id} ({c.Kind}) belongs to {c.OrganizationId}, which is no organization in the books"));
            return broken;
        });

        await app.Query(async db =>
        {
            await BooksFingerprint.Visit(db, (table, row, column, value) =>
            {
                if (value is string text && !StoredText.CanHold(text))
                {
                    broken.Add($"{table}.{column} (row {row}) holds text no engine can keep: \"{RawText.Printable(RawText.Bytes(text), 80)}\"");
                }
            });
            return 0;
        });
        return broken;
    }

    /// <summary>Total = Subtotal − Discount + exclusive tax, each the sum of its lines, and all of it what the calculator makes of the lines.</summary>
    private static IEnumerable<string> Amounts(Invoice invoice)
    {
        var lines = invoice.Items.OrderBy(i => i.Position).ToList();
        if (!lines.Select(l => l.Position).SequenceEqual(Enumerable.Range(0, lines.Count)))
        {
            yield return $"item positions are {string.Join(",", lines.Select(l => l.Position))}";
        }

        var exclusiveTax = lines.Where(l => !l.TaxInclusive).Sum(l => l.Tax);
        foreach (var (name, stored, sum) in new[]
        {
            ("subtotal", invoice.Subtotal, lines.Sum(l => l.Amount)),
            ("discount", invoice.Discount, lines.Sum(l => l.Discount + l.InvoiceDiscount)),
            ("invoice discount", invoice.InvoiceDiscount, lines.Sum(l => l.InvoiceDiscount)),
            ("tax", invoice.Tax, lines.Sum(l => l.Tax)),
            ("total", invoice.Total, lines.Sum(l => l.Total)),
            ("total", invoice.Total, invoice.Subtotal - invoice.Discount + exclusiveTax),
        })
        {
            if (stored != sum)
            {
                yield return $"{name} is {stored} but its lines make {sum}";
            }
        }

        // Lines pulled from another provider through a connection carry that provider's figures.
        if (invoice.ConnectionId is null)
        {
            var computed = InvoiceCalculator.Calculate([.. lines.Select(l => l.Spec)], new InvoiceDiscount(invoice.DiscountAmount, invoice.DiscountPercent));
            if ((computed.Subtotal, computed.Discount, computed.Tax, computed.Total) != (invoice.Subtotal, invoice.Discount, invoice.Tax, invoice.Total))
            {
                yield return $"stored (subtotal, discount, tax, total) {(invoice.Subtotal, invoice.Discount, invoice.Tax, invoice.Total)} but the calculator makes {(computed.Subtotal, computed.Discount, computed.Tax, computed.Total)}";
            }
        }
    }

    /// <summary>What was paid and credited, against the payments and ledger entries that did it, and the state it leaves.</summary>
    private static IEnumerable<string> Settlement(Invoice invoice, IEnumerable<Domain.Payments.Payment> payments, List<CreditTransaction> credits)
    {
        var applied = payments.Sum(p => p.AppliedToInvoice);
        if (invoice.AmountPaid != applied)
        {
            yield return $"amount_paid is {invoice.AmountPaid} but its payments applied {applied}";
        }

        if (payments.FirstOrDefault(p => p.Currency != invoice.Currency || p.CustomerId != invoice.CustomerId || p.Amount <= 0 || p.CreditedToBalance < 0 || p.CreditedToBalance > p.Amount) is { } odd)
        {
            yield return $"payment {odd.Id} ({odd.Amount} {odd.Currency}, {odd.CreditedToBalance} credited) does not fit the invoice";
        }

        if (invoice.Status != InvoiceStatus.Void)
        {
            if (invoice.AmountRemaining != invoice.Total - invoice.CreditApplied - invoice.AmountPaid || invoice.AmountRemaining < 0)
            {
                yield return $"amount_remaining {invoice.AmountRemaining} is not total {invoice.Total} − credit {invoice.CreditApplied} − paid {invoice.AmountPaid} ≥ 0";
            }
        }
        else if (invoice.AmountPaid != 0)
        {
            yield return $"void with {invoice.AmountPaid} paid";
        }

        var expected = invoice.Status switch
        {
            InvoiceStatus.Draft => invoice.Number is null && invoice.AmountPaid == 0 && invoice.CreditApplied == 0,
            InvoiceStatus.Paid => invoice.AmountRemaining == 0 && invoice.PaidAt is not null,
            InvoiceStatus.Open or InvoiceStatus.Uncollectible => invoice.AmountRemaining > 0,
            _ => invoice.VoidedAt is not null,
        };
        if (!expected || (invoice.Status != InvoiceStatus.Draft && (invoice.Number is null || invoice.UsdPerUnit is null || invoice.StartingBalance - invoice.EndingBalance != invoice.CreditApplied)))
        {
            yield return $"state does not fit its figures: number {invoice.Number}, remaining {invoice.AmountRemaining}, credit {invoice.CreditApplied} (balance {invoice.StartingBalance} → {invoice.EndingBalance})";
        }

        var used = credits.Where(c => c.InvoiceId == invoice.Id && c.Type == CreditTransactionType.InvoiceApplication).Sum(c => -c.Amount);
        var returned = credits.Where(c => c.InvoiceId == invoice.Id && c.Type == CreditTransactionType.InvoiceVoided).Sum(c => c.Amount);
        if (used != invoice.CreditApplied || returned != (invoice.Status == InvoiceStatus.Void ? invoice.CreditApplied : 0))
        {
            yield return $"credit_applied {invoice.CreditApplied}, but the ledger took {used} for it and gave back {returned}";
        }
    }

    /// <summary>A balance is the sum of its entries and never below zero; an overpayment entry is the excess of its payment.</summary>
    private static IEnumerable<string> Ledger(List<CreditTransaction> credits, IEnumerable<Domain.Payments.Payment> payments)
    {
        foreach (var balance in credits.GroupBy(c => (c.CustomerId, c.Currency)).Where(g => g.Sum(c => c.Amount) < 0))
        {
            yield return $"customer {balance.Key.CustomerId} has a {balance.Key.Currency} balance of {balance.Sum(c => c.Amount)}";
        }

        var overpaid = credits.Where(c => c.Type == CreditTransactionType.Overpayment).ToLookup(c => c.PaymentId);
        foreach (var payment in payments.Where(p => overpaid[p.Id].Sum(c => c.Amount) != p.CreditedToBalance))
        {
            yield return $"payment {payment.Id} credited {payment.CreditedToBalance} but the ledger holds {overpaid[payment.Id].Sum(c => c.Amount)} for it";
        }

        foreach (var entry in credits.Where(c => c.Type is CreditTransactionType.Grant or CreditTransactionType.Adjustment && (c.InvoiceId is not null || c.PaymentId is not null || c.Amount == 0)))
        {
            yield return $"manual entry {entry.Id} ({entry.Type}, {entry.Amount}) names an invoice or a payment, or is zero";
        }
    }
}
