using Folio.Access;
using Folio.Api;
using Folio.Data;
using Folio.Domain;
using Folio.Domain.Invoicing;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Folio.Invoices;

/// <summary>Filters of <c>GET /v1/invoices</c>. Dates are RFC 3339; ranges are inclusive of the start, exclusive of the end.</summary>
public sealed record InvoiceListQuery(
    [property: FromQuery(Name = "customer_id")] Guid? CustomerId = null,
    [property: FromQuery(Name = "status")] string? Status = null,
    [property: FromQuery(Name = "unpaid")] bool? Unpaid = null,
    [property: FromQuery(Name = "past_due")] bool? PastDue = null,
    [property: FromQuery(Name = "currency")] string? Currency = null,
    [property: FromQuery(Name = "created_from")] DateTimeOffset? CreatedFrom = null,
    [property: FromQuery(Name = "created_to")] DateTimeOffset? CreatedTo = null,
    [property: FromQuery(Name = "due_from")] DateTimeOffset? DueFrom = null,
    [property: FromQuery(Name = "due_to")] DateTimeOffset? DueTo = null,
    [property: FromQuery(Name = "limit")] int? Limit = null,
    [property: FromQuery(Name = "page_token")] string? PageToken = null)
{
    /// <summary>What a page token of this list is bound to: the caller's scope and every filter (statuses as a set).</summary>
    public ulong Binding(Caller caller, IReadOnlyList<InvoiceStatus> statuses)
    {
        ArgumentNullException.ThrowIfNull(statuses);
        var binding = new PageBinding(stackalloc byte[256], PageList.Invoices, caller);
        binding.Add(CustomerId);
        binding.Add(statuses.Aggregate(0L, (set, status) => set | (1L << (int)status)));
        binding.Add(Unpaid);
        binding.Add(PastDue);
        binding.Add(Currency);
        binding.Add(CreatedFrom);
        binding.Add(CreatedTo);
        binding.Add(DueFrom);
        binding.Add(DueTo);
        return binding.Finish();
    }
}

public static class InvoiceQueries
{
    /// <summary>
    /// Every invoice query starts here. An organization key sees the invoices of its organization and its users, never drafts.
    /// </summary>
    public static IQueryable<Invoice> VisibleTo(this IQueryable<Invoice> invoices, Caller caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        return caller.IsAdmin
            ? invoices
            : invoices.Where(i => i.OrganizationId == caller.OrganizationId && i.Status != InvoiceStatus.Draft);
    }

    /// <summary>Open invoices whose due date has passed. Uncollectible ones are written off, not past due.</summary>
    public static IQueryable<Invoice> PastDue(this IQueryable<Invoice> invoices, DateTimeOffset now) =>
        invoices.Where(i => i.Status == InvoiceStatus.Open && i.DueAt < now);

    /// <summary>Finalized, not void, and with an amount remaining.</summary>
    public static IQueryable<Invoice> Unpaid(this IQueryable<Invoice> invoices) =>
        invoices.Where(i => i.Status == InvoiceStatus.Open || i.Status == InvoiceStatus.Uncollectible);

    // The hottest read: compiled once, so a request costs no query translation, and without LIMIT, so SQLite compiles
    // one plain join instead of a join over a subquery (an id matches at most one invoice anyway).
    private static readonly Func<FolioBooks, Guid, IAsyncEnumerable<Invoice>> FindAny = EF.CompileAsyncQuery(
        (FolioBooks db, Guid id) => db.Invoices.AsNoTracking().Include(i => i.Items).Where(i => i.Id == id));

    private static readonly Func<FolioBooks, Guid, Guid?, IAsyncEnumerable<Invoice>> FindForOrganization = EF.CompileAsyncQuery(
        (FolioBooks db, Guid id, Guid? organizationId) => db.Invoices.AsNoTracking().Include(i => i.Items)
            .Where(i => i.Id == id && i.OrganizationId == organizationId && i.Status != InvoiceStatus.Draft));

    public static async Task<Invoice?> Find(FolioBooks db, Caller caller, Guid id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var matches = caller.IsAdmin ? FindAny(db, id) : FindForOrganization(db, id, caller.OrganizationId);
        await foreach (var invoice in matches.WithCancellation(cancellationToken))
        {
            return invoice;
        }

        return null;
    }

    public static async Task<Outcome<Page<InvoiceResponse>>> List(FolioBooks db, Caller caller, PageTokens tokens, DateTimeOffset now, InvoiceListQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var violations = new List<RuleViolation>();
        var statuses = ParseStatuses(query.Status, violations);
        violations.InsertRange(0, Paging.Read(tokens, PageList.Invoices, query.Binding(caller, statuses), query.Limit, query.PageToken, out var page));
        if (query.Currency is not null && !Domain.Money.Currency.TryGet(query.Currency, out _))
        {
            violations.Add(RuleViolation.Invalid("currency", "invalid_currency", "currency is an ISO 4217 code in capitals."));
        }

        if (violations.Count > 0)
        {
            return Outcome<Page<InvoiceResponse>>.Rejected(violations);
        }

        var invoices = db.Invoices.AsNoTracking().VisibleTo(caller);
        if (query.CustomerId is { } customerId)
        {
            invoices = invoices.Where(i => i.CustomerId == customerId);
        }

        if (statuses.Count > 0)
        {
            invoices = invoices.Where(i => statuses.Contains(i.Status));
        }

        if (query.Unpaid is { } unpaid)
        {
            invoices = unpaid ? invoices.Unpaid() : invoices.Where(i => i.Status != InvoiceStatus.Open && i.Status != InvoiceStatus.Uncollectible);
        }

        if (query.PastDue is { } pastDue)
        {
            invoices = pastDue ? invoices.PastDue(now) : invoices.Where(i => !(i.Status == InvoiceStatus.Open && i.DueAt < now));
        }

        if (query.Currency is { } currency)
        {
            invoices = invoices.Where(i => i.Currency == currency);
        }

        if (query.CreatedFrom is { } createdFrom)
        {
            invoices = invoices.Where(i => i.CreatedAt >= createdFrom);
        }

        if (query.CreatedTo is { } createdTo)
        {
            invoices = invoices.Where(i => i.CreatedAt < createdTo);
        }

        if (query.DueFrom is { } dueFrom)
        {
            invoices = invoices.Where(i => i.DueAt >= dueFrom);
        }

        if (query.DueTo is { } dueTo)
        {
            invoices = invoices.Where(i => i.DueAt < dueTo);
        }

        return await page.Newest(invoices, NewestFirst, (rows, ct) => InvoiceResponse.Read(rows, now, ct), i => i.Id, cancellationToken);
    }

    public static readonly KeysetOrder<Invoice> NewestFirst = KeysetOrder<Invoice>.NewestFirst(i => i.Id);

    private static List<InvoiceStatus> ParseStatuses(string? text, List<RuleViolation> violations)
    {
        var statuses = new List<InvoiceStatus>();
        if (string.IsNullOrWhiteSpace(text))
        {
            return statuses;
        }

        foreach (var name in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (Enum.TryParse<InvoiceStatus>(name, ignoreCase: true, out var status) && !int.TryParse(name, out _))
            {
                statuses.Add(status);
            }
            else
            {
                violations.Add(RuleViolation.Invalid("status", "invalid_status", "status is draft, open, paid, void or uncollectible (several separated by commas)."));
            }
        }

        return statuses;
    }
}
