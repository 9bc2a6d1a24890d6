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
    int TeamMembers,
    DateTimeOffset? LastAuditAt = null)
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

        // One pass over the organization's invoices gives the past-due amounts and the latest change; then one over its
        // payments, its credit, the rates, its keys and its members. Compiled once: a summary costs no query translation.
        var invoices = await ToList(InvoiceTotalsOf.For(db)(db, id, now), cancellationToken);
        var pastDue = invoices.Where(g => g.Since is not null).ToList();
        var paid = await ToList(
            PaymentTotalsOf.For(db)(db, id, now.AddDays(-WindowDays[0]), now.AddDays(-WindowDays[1]), now.AddDays(-WindowDays[2]), now.AddDays(-WindowDays[3])), cancellationToken);
        var credit = await ToList(CreditOf.For(db)(db, id), cancellationToken);
        var rates = new Dictionary<string, decimal>(StringComparer.Ordinal);
        await foreach (var rate in RatesOf.For(db)(db).WithCancellation(cancellationToken))
        {
            rates[rate.Currency] = rate.UsdPerUnit;
        }

        rates["USD"] = 1m;
        var lastInvoiceChange = invoices.Count == 0 ? (DateTimeOffset?)null : invoices.Max(g => g.LastChange);
        var keys = await KeysOf.For(db)(db, id);
        var members = await MembersOf.For(db)(db, id);
        DateTimeOffset? lastAudit = null;
        await foreach (var at in LastAuditOf.For(db)(db, id).WithCancellation(cancellationToken))
        {
            lastAudit = at;
        }

        long Usd(string currency, decimal? usdPerUnit, long amount) =>
            usdPerUnit is { } rate ? ExchangeRate.ToUsdCents(amount, Currency.Get(currency), rate) : 0;

        return new BillingSummary(
            CreditBalanceUsdCents: credit.Where(c => rates.ContainsKey(c.Currency)).Sum(c => Usd(c.Currency, rates[c.Currency], c.Balance)),
            PastDueUsdCents: pastDue.Sum(g => Usd(g.Currency, g.UsdPerUnit, g.PastDue)),
            PastDueSince: pastDue.Min(g => g.Since),
            TotalPaidUsdCents: paid.Sum(g => Usd(g.Currency, g.UsdPerUnit, g.Total)),
            PaidLastWeekUsdCents: paid.Sum(g => Usd(g.Currency, g.UsdPerUnit, g.Week)),
            PaidLastMonthUsdCents: paid.Sum(g => Usd(g.Currency, g.UsdPerUnit, g.Month)),
            PaidLastQuarterUsdCents: paid.Sum(g => Usd(g.Currency, g.UsdPerUnit, g.Quarter)),
            PaidLastYearUsdCents: paid.Sum(g => Usd(g.Currency, g.UsdPerUnit, g.Year)),
            FirstPaymentAt: paid.Count == 0 ? null : paid.Min(g => g.First),
            LastActivityAt: lastInvoiceChange is { } changed && changed > organization.UpdatedAt ? changed : organization.UpdatedAt,
            ActiveApiKeys: keys,
            TeamMembers: members,
            LastAuditAt: lastAudit);
    }

    private static async Task<List<T>> ToList<T>(IAsyncEnumerable<T> rows, CancellationToken cancellationToken)
    {
        var list = new List<T>();
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            list.Add(row);
        }

        return list;
    }

    /// <summary>Per currency and rate: the past-due amount remaining and the oldest past-due date (null when none), and the latest change.</summary>
    private sealed record InvoiceTotals(string Currency, decimal? UsdPerUnit, long PastDue, DateTimeOffset? Since, DateTimeOffset LastChange);

    private sealed record PaymentTotals(string Currency, decimal? UsdPerUnit, long Total, long Week, long Month, long Quarter, long Year, DateTimeOffset First);

    private sealed record CreditBalance(string Currency, long Balance);

    private static readonly CompiledPerModel<Func<FolioBooks, Guid, DateTimeOffset, IAsyncEnumerable<InvoiceTotals>>> InvoiceTotalsOf = new(() => EF.CompileAsyncQuery(
        (FolioBooks db, Guid id, DateTimeOffset now) => db.Invoices.AsNoTracking().Where(i => i.OrganizationId == id)
            .GroupBy(i => new { i.Currency, i.UsdPerUnit })
            .Select(g => new InvoiceTotals(
                g.Key.Currency,
                g.Key.UsdPerUnit,
                g.Sum(i => i.Status == InvoiceStatus.Open && i.DueAt < now && i.AmountRemaining > 0 ? i.AmountRemaining : 0),
                g.Min(i => i.Status == InvoiceStatus.Open && i.DueAt < now && i.AmountRemaining > 0 ? i.DueAt : null),
                g.Max(i => i.UpdatedAt)))));

    private static readonly CompiledPerModel<Func<FolioBooks, Guid, DateTimeOffset, DateTimeOffset, DateTimeOffset, DateTimeOffset, IAsyncEnumerable<PaymentTotals>>> PaymentTotalsOf = new(() => EF.CompileAsyncQuery(
        (FolioBooks db, Guid id, DateTimeOffset week, DateTimeOffset month, DateTimeOffset quarter, DateTimeOffset year) => db.Payments.AsNoTracking()
            .Join(db.Invoices.AsNoTracking().Where(i => i.OrganizationId == id), p => p.InvoiceId, i => i.Id, (p, i) => new { p.Amount, p.ReceivedAt, i.Currency, i.UsdPerUnit })
            .GroupBy(x => new { x.Currency, x.UsdPerUnit })
            .Select(g => new PaymentTotals(
                g.Key.Currency,
                g.Key.UsdPerUnit,
                g.Sum(x => x.Amount),
                g.Sum(x => x.ReceivedAt >= week ? x.Amount : 0),
                g.Sum(x => x.ReceivedAt >= month ? x.Amount : 0),
                g.Sum(x => x.ReceivedAt >= quarter ? x.Amount : 0),
                g.Sum(x => x.ReceivedAt >= year ? x.Amount : 0),
                g.Min(x => x.ReceivedAt)))));

    private static readonly CompiledPerModel<Func<FolioBooks, Guid, IAsyncEnumerable<CreditBalance>>> CreditOf = new(() => EF.CompileAsyncQuery(
        (FolioBooks db, Guid id) => db.CreditTransactions.AsNoTracking().Where(t => t.CustomerId == id)
            .GroupBy(t => t.Currency).Select(g => new CreditBalance(g.Key, g.Sum(t => t.Amount)))));

    private static readonly CompiledPerModel<Func<FolioBooks, IAsyncEnumerable<ExchangeRate>>> RatesOf = new(() => EF.CompileAsyncQuery(
        (FolioBooks db) => db.ExchangeRates.AsNoTracking()));

    private static readonly CompiledPerModel<Func<FolioBooks, Guid, Task<int>>> KeysOf = new(() => EF.CompileAsyncQuery(
        (FolioBooks db, Guid id) => db.ApiKeys.Count(k => k.Scope == ApiKeyScope.Organization && k.OrganizationId == id && k.RevokedAt == null)));

    // The latest audit entry about the organization, its users or their invoices: one step down an index.
    private static readonly CompiledPerModel<Func<FolioBooks, Guid, IAsyncEnumerable<DateTimeOffset>>> LastAuditOf = new(() => EF.CompileAsyncQuery(
        (FolioBooks db, Guid id) => db.AuditEvents.AsNoTracking().Where(e => e.OrganizationId == id).OrderByDescending(e => e.CreatedAt).Select(e => e.CreatedAt).Take(1)));

    private static readonly CompiledPerModel<Func<FolioBooks, Guid, Task<int>>> MembersOf = new(() => EF.CompileAsyncQuery(
        (FolioBooks db, Guid id) => db.Customers.Count(c => c.OrganizationId == id && c.Kind == CustomerKind.User && c.ArchivedAt == null)));
}
