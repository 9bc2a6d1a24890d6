using Folio.ApiKeys;
using Folio.Data;
using Folio.Domain.Customers;
using Folio.Domain.Invoicing;
using Folio.Domain.Money;
using Microsoft.EntityFrameworkCore;

namespace Folio.BillingProfiles;

/// <summary>
/// What the books say about an organization, in US cents: past-due amounts, money received over rolling windows, its
/// credit balance, its activity, its keys and members. Every figure is computed on demand, in a fixed number of queries
/// whatever the number of invoices (aggregates in SQL, one row per currency and rate).
/// </summary>
public sealed record BillingSummary(
    long CreditBalanceUsdCents,
    long PastDueUsdCents,
    DateTimeOffset? PastDueSince,
    long TotalPaidUsdCents,
    long PaidLastWeekUsdCents,
    long PaidLastMonthUsdCents,
    long PaidLastQuarterUsdCents,
    long PaidLastYearUsdCents,
    DateTimeOffset? FirstPaymentAt,
    DateTimeOffset LastActivityAt,
    int ActiveApiKeys,
    int TeamMembers)
{
    /// <summary>The rolling windows of "paid over the last week, month, quarter and year", in days.</summary>
    public static readonly int[] WindowDays = [7, 30, 91, 365];

    /// <summary>
    /// The summary of an organization (its own invoices and its users'). Amounts are converted at the rate fixed on each
    /// invoice; the credit balance, which no invoice fixes, at the rate in force (a currency without one is left out).
    /// </summary>
    public static async Task<BillingSummary> Of(FolioBooks db, Customer organization, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(organization);
        var id = organization.Id;
        var invoices = db.Invoices.AsNoTracking().Where(i => i.OrganizationId == id);

        var pastDue = await invoices
            .Where(i => i.Status == InvoiceStatus.Open && i.DueAt < now && i.AmountRemaining > 0)
            .GroupBy(i => new { i.Currency, i.UsdPerUnit })
            .Select(g => new { g.Key.Currency, g.Key.UsdPerUnit, Remaining = g.Sum(i => i.AmountRemaining), Since = g.Min(i => i.DueAt) })
            .ToListAsync(cancellationToken);

        var week = now.AddDays(-WindowDays[0]);
        var month = now.AddDays(-WindowDays[1]);
        var quarter = now.AddDays(-WindowDays[2]);
        var year = now.AddDays(-WindowDays[3]);
        var paid = await db.Payments.AsNoTracking()
            .Join(invoices, p => p.InvoiceId, i => i.Id, (p, i) => new { p.Amount, p.ReceivedAt, i.Currency, i.UsdPerUnit })
            .GroupBy(x => new { x.Currency, x.UsdPerUnit })
            .Select(g => new
            {
                g.Key.Currency,
                g.Key.UsdPerUnit,
                Total = g.Sum(x => x.Amount),
                Week = g.Sum(x => x.ReceivedAt >= week ? x.Amount : 0),
                Month = g.Sum(x => x.ReceivedAt >= month ? x.Amount : 0),
                Quarter = g.Sum(x => x.ReceivedAt >= quarter ? x.Amount : 0),
                Year = g.Sum(x => x.ReceivedAt >= year ? x.Amount : 0),
                First = g.Min(x => x.ReceivedAt),
            })
            .ToListAsync(cancellationToken);

        var credit = await db.CreditTransactions.AsNoTracking().Where(t => t.CustomerId == id)
            .GroupBy(t => t.Currency).Select(g => new { Currency = g.Key, Balance = g.Sum(t => t.Amount) })
            .ToListAsync(cancellationToken);
        var rates = await db.ExchangeRates.AsNoTracking().ToDictionaryAsync(r => r.Currency, r => r.UsdPerUnit, cancellationToken);
        rates["USD"] = 1m;

        var lastInvoiceChange = await invoices.MaxAsync(i => (DateTimeOffset?)i.UpdatedAt, cancellationToken);
        var keys = await db.ApiKeys.CountAsync(k => k.Scope == ApiKeyScope.Organization && k.OrganizationId == id && k.RevokedAt == null, cancellationToken);
        var members = await db.Customers.CountAsync(c => c.OrganizationId == id && c.Kind == CustomerKind.User && c.ArchivedAt == null, cancellationToken);

        long Usd(string currency, decimal? usdPerUnit, long amount) =>
            usdPerUnit is { } rate ? ExchangeRate.ToUsdCents(amount, Currency.Get(currency), rate) : 0;

        return new BillingSummary(
            CreditBalanceUsdCents: credit.Where(c => rates.ContainsKey(c.Currency)).Sum(c => Usd(c.Currency, rates[c.Currency], c.Balance)),
            PastDueUsdCents: pastDue.Sum(g => Usd(g.Currency, g.UsdPerUnit, g.Remaining)),
            PastDueSince: pastDue.Min(g => g.Since),
            TotalPaidUsdCents: paid.Sum(g => Usd(g.Currency, g.UsdPerUnit, g.Total)),
            PaidLastWeekUsdCents: paid.Sum(g => Usd(g.Currency, g.UsdPerUnit, g.Week)),
            PaidLastMonthUsdCents: paid.Sum(g => Usd(g.Currency, g.UsdPerUnit, g.Month)),
            PaidLastQuarterUsdCents: paid.Sum(g => Usd(g.Currency, g.UsdPerUnit, g.Quarter)),
            PaidLastYearUsdCents: paid.Sum(g => Usd(g.Currency, g.UsdPerUnit, g.Year)),
            FirstPaymentAt: paid.Count == 0 ? null : paid.Min(g => g.First),
            LastActivityAt: lastInvoiceChange is { } changed && changed > organization.UpdatedAt ? changed : organization.UpdatedAt,
            ActiveApiKeys: keys,
            TeamMembers: members);
    }
}
