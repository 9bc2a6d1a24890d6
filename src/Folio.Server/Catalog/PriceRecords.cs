using Folio.Access;
using Folio.Api;
using Folio.Domain;
using Folio.Domain.Catalog;
using Folio.Invoices;
using Microsoft.AspNetCore.Mvc;

namespace Folio.Catalog;

/// <summary>How often a recurring price bills: every <c>interval_count</c> <c>interval</c>s (default 1).</summary>
public sealed record RecurringRequest(IntervalUnit Interval, int? IntervalCount = null)
{
    public Recurrence ToRecurrence() => new(Interval, IntervalCount ?? 1);
}

/// <summary>
/// A new price of a product. currency, unit_amount (minor units), type, recurring, tax_rate and tax_inclusive are fixed
/// for the life of the price; type defaults to recurring when recurring is given and to one_time otherwise. A
/// lookup_key held by another active price is refused unless transfer_lookup_key moves it here.
/// </summary>
public sealed record CreatePriceRequest(
    Guid ProductId,
    string Currency,
    long UnitAmount,
    PriceType? Type = null,
    RecurringRequest? Recurring = null,
    decimal? TaxRate = null,
    bool? TaxInclusive = null,
    string? Nickname = null,
    string? LookupKey = null,
    bool? TransferLookupKey = null,
    Dictionary<string, string>? Metadata = null)
{
    public PriceTerms ToTerms() =>
        new(Currency, UnitAmount, Type ?? (Recurring is null ? PriceType.OneTime : PriceType.Recurring), Recurring?.ToRecurrence(), TaxRate ?? 0, TaxInclusive ?? false);

    public PriceDetails ToDetails() => new(TextFields.Blank(Nickname), TextFields.Blank(LookupKey), Metadata ?? []);
}

/// <summary>
/// A partial update of what can change on a price: nickname, lookup_key and metadata ("" clears a text field; metadata
/// keys merge, a key set to "" is removed). What a price charges cannot change: create a new price and archive this one.
/// </summary>
public sealed record UpdatePriceRequest(string? Nickname = null, string? LookupKey = null, bool? TransferLookupKey = null, Dictionary<string, string>? Metadata = null)
{
    public PriceDetails MergeInto(PriceDetails current)
    {
        ArgumentNullException.ThrowIfNull(current);
        return new PriceDetails(TextFields.Merge(Nickname, current.Nickname), TextFields.Merge(LookupKey, current.LookupKey), MetadataRules.Merge(current.Metadata, Metadata));
    }
}

/// <summary>
/// Filters of <c>GET /v1/prices</c>: <c>product_id</c>, <c>active</c> (the price's own state), <c>currency</c>,
/// <c>type</c> (one_time or recurring) and <c>lookup_key</c>; they combine with AND.
/// </summary>
public sealed record PriceListQuery(
    [property: FromQuery(Name = "product_id")] Guid? ProductId = null,
    [property: FromQuery(Name = "active")] bool? Active = null,
    [property: FromQuery(Name = "currency")] string? Currency = null,
    [property: FromQuery(Name = "type")] string? Type = null,
    [property: FromQuery(Name = "lookup_key")] string? LookupKey = null,
    [property: FromQuery(Name = "limit")] int? Limit = null,
    [property: FromQuery(Name = "page_token")] string? PageToken = null)
{
    /// <summary>What a page token of this list is bound to: the caller's scope and every filter.</summary>
    public ulong Binding(Caller caller)
    {
        var binding = new PageBinding(stackalloc byte[256], PageList.Prices, caller);
        binding.Add(ProductId);
        binding.Add(Active);
        binding.Add(Currency);
        binding.Add(Type);
        binding.Add(LookupKey);
        return binding.Finish();
    }
}

public sealed record RecurringResponse(IntervalUnit Interval, int IntervalCount);

/// <summary>A price: unit_amount in the currency's minor units; recurring is null for a one_time price; active is false once archived.</summary>
public sealed record PriceResponse(
    Guid Id,
    Guid ProductId,
    bool Active,
    string Currency,
    long UnitAmount,
    PriceType Type,
    RecurringResponse? Recurring,
    decimal TaxRate,
    bool TaxInclusive,
    string? Nickname,
    string? LookupKey,
    IReadOnlyDictionary<string, string> Metadata,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? ArchivedAt,
    int Version)
{
    public static PriceResponse From(Price price)
    {
        ArgumentNullException.ThrowIfNull(price);
        return new(
            price.Id,
            price.ProductId,
            !price.IsArchived,
            price.Currency,
            price.UnitAmount,
            price.Type,
            price.Recurrence is { } recurrence ? new RecurringResponse(recurrence.Unit, recurrence.Count) : null,
            Decimals.Trim(price.TaxRate),
            price.TaxInclusive,
            price.Nickname,
            price.LookupKey,
            price.Metadata,
            price.CreatedAt,
            price.UpdatedAt,
            price.ArchivedAt,
            price.Version);
    }
}
