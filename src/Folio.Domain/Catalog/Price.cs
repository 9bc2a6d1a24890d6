using Folio.Domain.Invoicing;

namespace Folio.Domain.Catalog;

/// <summary>
/// How much a product costs, in one currency, once or per period. Its <see cref="Terms"/> never change; its nickname,
/// lookup key and metadata may. An archived price stays in the books but cannot be used for new lines.
/// </summary>
public sealed class Price
{
    private Price()
    {
        Currency = string.Empty;
        Metadata = new Dictionary<string, string>();
    }

    public Guid Id { get; private set; }
    public Guid ProductId { get; private set; }
    public string Currency { get; private set; }

    /// <summary>Minor units charged per unit of quantity.</summary>
    public long UnitAmount { get; private set; }

    public PriceType Type { get; private set; }

    /// <summary>The unit of <see cref="Recurrence"/>; null for a one-time price.</summary>
    public IntervalUnit? RecurringInterval { get; private set; }

    /// <summary>The count of <see cref="Recurrence"/>; null for a one-time price.</summary>
    public int? RecurringIntervalCount { get; private set; }

    /// <summary>Percent, up to 4 decimals, as on an invoice line.</summary>
    public decimal TaxRate { get; private set; }

    /// <summary>Whether <see cref="UnitAmount"/> already contains the tax.</summary>
    public bool TaxInclusive { get; private set; }

    public string? Nickname { get; private set; }

    /// <summary>Unique among active prices; an archived price keeps its key but no longer holds it.</summary>
    public string? LookupKey { get; private set; }

    public Dictionary<string, string> Metadata { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public DateTimeOffset? ArchivedAt { get; private set; }

    /// <summary>Incremented on every change; the optimistic-concurrency token.</summary>
    public int Version { get; private set; }

    public bool IsArchived => ArchivedAt is not null;

    public Recurrence? Recurrence => RecurringInterval is { } unit && RecurringIntervalCount is { } count ? new Recurrence(unit, count) : null;

    public PriceTerms Terms => new(Currency, UnitAmount, Type, Recurrence, TaxRate, TaxInclusive);

    public PriceDetails Details => new(Nickname, LookupKey, Metadata);

    /// <summary>Creates a price of <paramref name="product"/>, already looked up; an archived product gets no new prices.</summary>
    public static (Price? Price, IReadOnlyList<RuleViolation> Violations) Create(Guid id, Product product, PriceTerms terms, PriceDetails details, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(product);
        ArgumentNullException.ThrowIfNull(terms);
        ArgumentNullException.ThrowIfNull(details);
        var violations = terms.Validate().Concat(details.Validate()).ToList();
        if (product.IsArchived)
        {
            violations.Add(RuleViolation.Unprocessable("product_archived", "The product is archived and gets no new prices; unarchive it first.", "product_id"));
        }

        if (violations.Count > 0)
        {
            return (null, violations);
        }

        var price = new Price
        {
            Id = id,
            ProductId = product.Id,
            Currency = terms.Currency,
            UnitAmount = terms.UnitAmount,
            Type = terms.Type,
            RecurringInterval = terms.Recurrence?.Unit,
            RecurringIntervalCount = terms.Recurrence?.Count,
            TaxRate = terms.TaxRate,
            TaxInclusive = terms.TaxInclusive,
            CreatedAt = now,
        };
        price.Apply(details, now);
        return (price, []);
    }

    public IReadOnlyList<RuleViolation> Update(PriceDetails details, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(details);
        var violations = details.Validate().ToList();
        if (violations.Count == 0)
        {
            Apply(details, now);
            Version++;
        }

        return violations;
    }

    public RuleViolation? Archive(DateTimeOffset now)
    {
        if (IsArchived)
        {
            return RuleViolation.Conflict("price_archived", "The price is already archived.");
        }

        ArchivedAt = now;
        Touch(now);
        return null;
    }

    public RuleViolation? Unarchive(DateTimeOffset now)
    {
        if (!IsArchived)
        {
            return RuleViolation.Conflict("price_not_archived", "The price is not archived.");
        }

        ArchivedAt = null;
        Touch(now);
        return null;
    }

    /// <summary>A price can be deleted only while nothing uses it; otherwise it is archived.</summary>
    public static RuleViolation? CanDelete(bool used) => used
        ? RuleViolation.Conflict("price_in_use", "The price has been used, so it stays in the books: archive it instead (POST /v1/prices/{id}/archive).")
        : null;

    /// <summary>
    /// Why this price cannot make a line on an invoice in <paramref name="currency"/>: it is in another currency, or it
    /// or its product is archived, which only matters for a new use: <paramref name="alreadyOnInvoice"/> says the invoice
    /// had a line from this price before (a draft whose lines are replaced keeps what it had). <paramref name="field"/>
    /// names the request's price_id.
    /// </summary>
    public RuleViolation? CheckBillable(Product product, string currency, string field, bool alreadyOnInvoice = false)
    {
        ArgumentNullException.ThrowIfNull(product);
        if (product.Id != ProductId)
        {
            throw new ArgumentException("The product is not this price's.", nameof(product));
        }

        if (Currency != currency)
        {
            return RuleViolation.Unprocessable("price_currency_mismatch", $"The price is in {Currency} and the invoice in {currency}; use a price in {currency}.", field);
        }

        if (alreadyOnInvoice)
        {
            return null;
        }

        if (IsArchived)
        {
            return RuleViolation.Unprocessable("price_archived", "The price is archived and cannot be used for new lines.", field);
        }

        if (product.IsArchived)
        {
            return RuleViolation.Unprocessable("price_archived", $"The price's product ({product.Name}) is archived, so its prices cannot be used for new lines.", field);
        }

        return null;
    }

    /// <summary>
    /// The line this price makes: its money terms replace whatever <paramref name="line"/> had, and the description is
    /// the product's name (with the price's nickname) unless the line has its own.
    /// </summary>
    public LineItemSpec Bill(LineItemSpec line, Product product)
    {
        ArgumentNullException.ThrowIfNull(line);
        ArgumentNullException.ThrowIfNull(product);
        return line with
        {
            Description = string.IsNullOrEmpty(line.Description) ? Describe(product) : line.Description,
            UnitAmount = UnitAmount,
            TaxRate = TaxRate,
            TaxInclusive = TaxInclusive,
            PriceId = Id,
        };
    }

    /// <summary>How a line made from this price reads by default: "Pro plan", or "Pro plan (Monthly)" with a nickname.</summary>
    public string Describe(Product product)
    {
        ArgumentNullException.ThrowIfNull(product);
        return Nickname is null ? product.Name : $"{product.Name} ({Nickname})";
    }

    private void Apply(PriceDetails details, DateTimeOffset now)
    {
        Nickname = details.Nickname?.Trim();
        LookupKey = details.LookupKey;
        // Kept in key order, so that the same metadata always reads the same.
        Metadata = (details.Metadata ?? new Dictionary<string, string>()).OrderBy(pair => pair.Key, StringComparer.Ordinal).ToDictionary(StringComparer.Ordinal);
        UpdatedAt = now;
    }

    private void Touch(DateTimeOffset now)
    {
        UpdatedAt = now;
        Version++;
    }
}
