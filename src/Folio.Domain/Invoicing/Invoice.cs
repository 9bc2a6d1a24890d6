using Folio.Domain.Money;

namespace Folio.Domain.Invoicing;

/// <summary>
/// An invoice and its state machine: draft → open → paid | void | uncollectible (uncollectible can still be paid or voided).
/// Every stored total is recomputed from the lines on each change, so Total = Subtotal − Discount + exclusive tax and
/// AmountRemaining = Total − CreditApplied − AmountPaid hold to the minor unit.
/// </summary>
public sealed class Invoice
{
    public const int MaxItems = 250;

    /// <summary>The largest single payment, in minor units: far above any real payment, far below what a ledger sum can hold.</summary>
    public const long MaxPaymentAmount = 1_000_000_000_000_000;

    private readonly List<InvoiceItem> _items = [];

    private Invoice()
    {
        Currency = string.Empty;
        BillTo = BillingContact.None;
    }

    public Guid Id { get; private set; }
    public Guid CustomerId { get; private set; }

    /// <summary>The organization billed: the customer itself, or the organization its user belongs to; fixed at creation.</summary>
    public Guid? OrganizationId { get; private set; }

    public string Currency { get; private set; }
    public InvoiceStatus Status { get; private set; }

    /// <summary>A muted invoice is never sent to the customer.</summary>
    public bool Muted { get; private set; }

    public string? Number { get; private set; }
    public string? Reference { get; private set; }
    public string? Description { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public DateTimeOffset? IssuedAt { get; private set; }
    public DateTimeOffset? DueAt { get; private set; }
    public int? DaysUntilDue { get; private set; }
    public DateTimeOffset? SentAt { get; private set; }
    public DateTimeOffset? PaidAt { get; private set; }
    public DateTimeOffset? VoidedAt { get; private set; }
    public DateTimeOffset? MarkedUncollectibleAt { get; private set; }
    public DateTimeOffset? PeriodStart { get; private set; }
    public DateTimeOffset? PeriodEnd { get; private set; }
    public long? DiscountAmount { get; private set; }
    public decimal? DiscountPercent { get; private set; }

    public long Subtotal { get; private set; }
    public long Discount { get; private set; }
    public long InvoiceDiscount { get; private set; }
    public long Tax { get; private set; }
    public long Total { get; private set; }
    public long AmountPaid { get; private set; }
    public long CreditApplied { get; private set; }
    public long AmountRemaining { get; private set; }

    /// <summary>The customer's credit balance in this currency just before and just after finalization.</summary>
    public long? StartingBalance { get; private set; }
    public long? EndingBalance { get; private set; }

    /// <summary>Who the invoice was issued to, as the customer stood at finalization; <see cref="BillingContact.None"/> on a draft.</summary>
    public BillingContact BillTo { get; private set; }

    /// <summary>US dollars per unit of <see cref="Currency"/>, fixed at finalization; null on a draft.</summary>
    public decimal? UsdPerUnit { get; private set; }

    /// <summary>The billing connection that keeps this invoice; null for Folio's own ledger.</summary>
    public Guid? ConnectionId { get; private set; }

    /// <summary>The invoice's id at the external provider its connection pulled it from.</summary>
    public string? ExternalId { get; private set; }

    /// <summary>When the connection last pulled the invoice from its provider.</summary>
    public DateTimeOffset? PulledAt { get; private set; }

    /// <summary>Incremented on every change; the optimistic-concurrency token.</summary>
    public int Version { get; private set; }

    /// <summary>The subscription this invoice bills, with <see cref="SubscriptionPeriod"/>; null for an invoice made by hand.</summary>
    public Guid? SubscriptionId { get; private set; }

    /// <summary>The billing period of <see cref="SubscriptionId"/> it bills: one invoice per subscription and period.</summary>
    public int? SubscriptionPeriod { get; private set; }

    public IReadOnlyList<InvoiceItem> Items => _items;

    public long TotalExcludingTax => Total - Tax;

    /// <summary>The editable header as it stands, for merging a partial update.</summary>
    public InvoiceDraft Header => new(Reference, Description, DueAt, DaysUntilDue, PeriodStart, PeriodEnd, new InvoiceDiscount(DiscountAmount, DiscountPercent));

    public Currency CurrencyInfo => Money.Currency.Get(Currency);

    /// <summary>An amount of this invoice in US cents at the rate fixed on it; null on a draft, which has no rate yet.</summary>
    public long? ToUsdCents(long amount) => ToUsdCents(amount, Currency, UsdPerUnit);

    public bool IsPastDue(DateTimeOffset now) => IsPastDue(Status, DueAt, AmountRemaining, now);

    public int DaysOverdue(DateTimeOffset now) => DaysOverdue(Status, DueAt, AmountRemaining, now);

    // The same rules from an invoice's stored values, for reads that project rows straight into responses.

    /// <summary>An amount in US cents at the rate fixed on an invoice in <paramref name="currency"/>; null without a rate (a draft).</summary>
    public static long? ToUsdCents(long amount, string currency, decimal? usdPerUnit) =>
        usdPerUnit is { } rate ? ExchangeRate.ToUsdCents(amount, Money.Currency.Get(currency), rate) : null;

    public static bool IsPastDue(InvoiceStatus status, DateTimeOffset? dueAt, long amountRemaining, DateTimeOffset now) =>
        status == InvoiceStatus.Open && dueAt < now && amountRemaining > 0;

    public static int DaysOverdue(InvoiceStatus status, DateTimeOffset? dueAt, long amountRemaining, DateTimeOffset now) =>
        IsPastDue(status, dueAt, amountRemaining, now) ? (int)((now - dueAt!.Value).Ticks / TimeSpan.TicksPerDay) : 0;

    public static (Invoice? Invoice, IReadOnlyList<RuleViolation> Violations) CreateDraft(
        Guid id, Guid customerId, Guid? organizationId, Currency currency, InvoiceDraft draft, IReadOnlyList<LineItemSpec> items, DateTimeOffset now, Func<Guid> newId)
    {
        ArgumentNullException.ThrowIfNull(currency);
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(newId);

        var violations = draft.Validate().Concat(ValidateItems(items, "items")).ToList();
        if (violations.Count > 0)
        {
            return (null, violations);
        }

        var invoice = new Invoice
        {
            Id = id,
            CustomerId = customerId,
            OrganizationId = organizationId,
            Currency = currency.Code,
            Status = InvoiceStatus.Draft,
            CreatedAt = now,
            UpdatedAt = now,
        };
        invoice.SetHeader(draft);
        invoice.ReplaceItems(items, newId);
        return invoice.Recalculate() is { } overflow ? (null, [overflow]) : (invoice, []);
    }

    public IReadOnlyList<RuleViolation> UpdateDraft(InvoiceDraft draft, IReadOnlyList<LineItemSpec>? replacementItems, DateTimeOffset now, Func<Guid> newId)
    {
        ArgumentNullException.ThrowIfNull(draft);
        if (RequireDraft("update") is { } notDraft)
        {
            return [notDraft];
        }

        var violations = draft.Validate().Concat(replacementItems is null ? [] : ValidateItems(replacementItems, "items")).ToList();
        if (violations.Count > 0)
        {
            return violations;
        }

        var before = Snapshot();
        SetHeader(draft);
        if (replacementItems is not null)
        {
            ReplaceItems(replacementItems, newId);
        }

        if (Recalculate() is { } overflow)
        {
            Restore(before);
            return [overflow];
        }

        Touch(now);
        return [];
    }

    public (InvoiceItem? Item, IReadOnlyList<RuleViolation> Violations) AddItem(LineItemSpec spec, DateTimeOffset now, Guid itemId)
    {
        ArgumentNullException.ThrowIfNull(spec);
        if (RequireDraft("add items to") is { } notDraft)
        {
            return (null, [notDraft]);
        }

        if (_items.Count >= MaxItems)
        {
            return (null, [RuleViolation.Unprocessable("too_many_items", $"An invoice has at most {MaxItems} items.", "items")]);
        }

        var violations = spec.Validate("item").ToList();
        if (violations.Count > 0)
        {
            return (null, violations);
        }

        var item = new InvoiceItem(itemId, Id, _items.Count, spec);
        _items.Add(item);
        if (Recalculate() is { } overflow)
        {
            _items.Remove(item);
            Recalculate();
            return (null, [overflow]);
        }

        Touch(now);
        return (item, []);
    }

    /// <summary>Removes a line; false when the invoice has no such line.</summary>
    public (bool Found, RuleViolation? Violation) RemoveItem(Guid itemId, DateTimeOffset now)
    {
        if (RequireDraft("remove items from") is { } notDraft)
        {
            return (true, notDraft);
        }

        var item = _items.Find(i => i.Id == itemId);
        if (item is null)
        {
            return (false, null);
        }

        _items.Remove(item);
        Renumber();
        Recalculate();
        Touch(now);
        return (true, null);
    }

    public RuleViolation? CanDelete() => RequireDraft("delete");

    public RuleViolation? CanFinalize()
    {
        if (Status != InvoiceStatus.Draft)
        {
            return RuleViolation.Conflict("invoice_not_draft", $"Only a draft can be finalized; this invoice is {Name(Status)}.");
        }

        return _items.Count == 0
            ? RuleViolation.Unprocessable("invoice_has_no_items", "An invoice needs at least one item before it can be finalized.", "items")
            : null;
    }

    /// <summary>
    /// Issues the invoice: fixes its number, issue and due dates, and applies up to <paramref name="availableCredit"/>
    /// from the customer's balance. An invoice that the credit covers entirely is paid at once. The contact it is addressed
    /// to and the exchange rate to US dollars (<paramref name="rate"/>; none needed for USD) are fixed with it.
    /// </summary>
    public RuleViolation? FinalizeInvoice(string number, DateTimeOffset now, long availableCredit, int defaultDaysUntilDue, BillingContact billTo, ExchangeRate? rate)
    {
        ArgumentException.ThrowIfNullOrEmpty(number);
        ArgumentNullException.ThrowIfNull(billTo);
        if (CanFinalize() is { } violation)
        {
            return violation;
        }

        if (Currency == "USD")
        {
            rate = ExchangeRate.Usd;
        }

        if (rate is null || rate.Currency != Currency)
        {
            return RuleViolation.Unprocessable(
                "missing_exchange_rate", $"No exchange rate from {Currency} to USD is set; set one (PUT /v1/exchange_rates/{Currency}) before finalizing.", "currency");
        }

        UsdPerUnit = rate.UsdPerUnit;
        BillTo = billTo;

        Number = number;
        Status = InvoiceStatus.Open;
        IssuedAt = now;
        DueAt ??= now.AddDays(DaysUntilDue ?? defaultDaysUntilDue);
        var balance = Math.Max(availableCredit, 0);
        CreditApplied = Math.Min(balance, Total);
        StartingBalance = balance;
        EndingBalance = balance - CreditApplied;
        AmountRemaining = Total - CreditApplied - AmountPaid;
        if (AmountRemaining == 0)
        {
            Status = InvoiceStatus.Paid;
            PaidAt = now;
        }

        Touch(now);
        return null;
    }

    /// <summary>
    /// Records money received. A payment above the remaining amount is refused unless <paramref name="creditExcess"/>
    /// asks for the excess to go to the customer's credit balance; the result says how much went where.
    /// </summary>
    public (PaymentApplication? Application, RuleViolation? Violation) RecordPayment(long amount, bool creditExcess, DateTimeOffset now)
    {
        if (Status is not (InvoiceStatus.Open or InvoiceStatus.Uncollectible))
        {
            return (null, RuleViolation.Conflict("invoice_not_payable", $"Only open or uncollectible invoices take payments; this invoice is {Name(Status)}."));
        }

        if (amount is <= 0 or > MaxPaymentAmount)
        {
            return (null, RuleViolation.Invalid("amount", "invalid_amount", $"amount is a positive number of minor units, at most {MaxPaymentAmount}."));
        }

        if (amount > AmountRemaining && !creditExcess)
        {
            return (null, RuleViolation.Unprocessable(
                "payment_exceeds_remaining",
                $"The payment of {Money.Money.FormatMajor(amount, CurrencyInfo)} {Currency} is more than the {Money.Money.FormatMajor(AmountRemaining, CurrencyInfo)} {Currency} that remains. Set credit_excess to credit the difference to the customer's balance.",
                "amount"));
        }

        var applied = Math.Min(amount, AmountRemaining);
        AmountPaid += applied;
        AmountRemaining = Total - CreditApplied - AmountPaid;
        if (AmountRemaining == 0)
        {
            Status = InvoiceStatus.Paid;
            PaidAt = now;
        }

        Touch(now);
        return (new PaymentApplication(applied, amount - applied), null);
    }

    /// <summary>Voids an issued invoice that has taken no payment. The caller returns <see cref="CreditApplied"/> to the customer's balance.</summary>
    public RuleViolation? Void(DateTimeOffset now)
    {
        if (Status is not (InvoiceStatus.Open or InvoiceStatus.Uncollectible))
        {
            return RuleViolation.Conflict("invoice_not_voidable", $"Only open or uncollectible invoices can be voided; this invoice is {Name(Status)}.");
        }

        if (AmountPaid > 0)
        {
            return RuleViolation.Conflict("invoice_has_payments", "An invoice that has received payments cannot be voided.");
        }

        Status = InvoiceStatus.Void;
        VoidedAt = now;
        Touch(now);
        return null;
    }

    public RuleViolation? MarkUncollectible(DateTimeOffset now)
    {
        if (Status != InvoiceStatus.Open)
        {
            return RuleViolation.Conflict("invoice_not_open", $"Only open invoices can be marked uncollectible; this invoice is {Name(Status)}.");
        }

        Status = InvoiceStatus.Uncollectible;
        MarkedUncollectibleAt = now;
        Touch(now);
        return null;
    }

    public RuleViolation? Send(DateTimeOffset now)
    {
        if (Status is InvoiceStatus.Draft or InvoiceStatus.Void)
        {
            return RuleViolation.Conflict("invoice_not_sendable", $"Only finalized invoices can be sent; this invoice is {Name(Status)}.");
        }

        if (Muted)
        {
            return RuleViolation.Conflict("invoice_muted", "This invoice is muted and is never sent. Unmute it first.");
        }

        SentAt = now;
        Touch(now);
        return null;
    }

    /// <summary>Marks a new draft as the invoice of one period of a subscription; set once, before it is first saved.</summary>
    public void BillSubscriptionPeriod(Guid subscriptionId, int periodIndex)
    {
        if (Status != InvoiceStatus.Draft || SubscriptionId is not null)
        {
            throw new InvalidOperationException($"Invoice {Id} already bills a subscription period or is no longer a draft.");
        }

        SubscriptionId = subscriptionId;
        SubscriptionPeriod = periodIndex;
    }

    public void SetMuted(bool muted, DateTimeOffset now)
    {
        if (Muted != muted)
        {
            Muted = muted;
            Touch(now);
        }
    }

    private static IEnumerable<RuleViolation> ValidateItems(IReadOnlyList<LineItemSpec> items, string field)
    {
        if (items.Count > MaxItems)
        {
            return [RuleViolation.Invalid(field, "too_many_items", $"An invoice has at most {MaxItems} items.")];
        }

        return items.SelectMany((item, i) => item is null
            ? [RuleViolation.Invalid($"{field}[{i}]", "invalid_item", "An item cannot be null.")]
            : item.Validate($"{field}[{i}]"));
    }

    private static string Name(InvoiceStatus status) => status.ToString().ToLowerInvariant();

    private RuleViolation? RequireDraft(string action) =>
        Status == InvoiceStatus.Draft ? null : RuleViolation.Conflict("invoice_not_draft", $"Only a draft can be changed; cannot {action} an invoice that is {Name(Status)}.");

    private void SetHeader(InvoiceDraft draft)
    {
        Reference = draft.Reference;
        Description = draft.Description;
        DueAt = draft.DueAt;
        DaysUntilDue = draft.DaysUntilDue;
        PeriodStart = draft.PeriodStart;
        PeriodEnd = draft.PeriodEnd;
        DiscountAmount = draft.Discount?.Amount;
        DiscountPercent = draft.Discount?.Percent;
    }

    private void ReplaceItems(IReadOnlyList<LineItemSpec> items, Func<Guid> newId)
    {
        _items.Clear();
        for (var i = 0; i < items.Count; i++)
        {
            _items.Add(new InvoiceItem(newId(), Id, i, items[i]));
        }
    }

    private void Renumber()
    {
        for (var i = 0; i < _items.Count; i++)
        {
            _items[i].Position = i;
        }
    }

    /// <summary>Recomputes every amount from the lines; a violation when the figures would overflow.</summary>
    private RuleViolation? Recalculate()
    {
        InvoiceTotals totals;
        try
        {
            totals = InvoiceCalculator.Calculate([.. _items.Select(i => i.Spec)], new InvoiceDiscount(DiscountAmount, DiscountPercent));
        }
        catch (OverflowException)
        {
            return RuleViolation.Unprocessable("amount_too_large", "The invoice's amounts are too large to be represented exactly.", "items");
        }

        for (var i = 0; i < _items.Count; i++)
        {
            _items[i].Apply(totals.Lines[i]);
        }

        Subtotal = totals.Subtotal;
        Discount = totals.Discount;
        InvoiceDiscount = totals.InvoiceDiscount;
        Tax = totals.Tax;
        Total = totals.Total;
        AmountRemaining = Total - CreditApplied - AmountPaid;
        return null;
    }

    private void Touch(DateTimeOffset now)
    {
        UpdatedAt = now;
        Version++;
    }

    private (InvoiceDraft Header, List<InvoiceItem> Items) Snapshot() => (Header, [.. _items]);

    private void Restore((InvoiceDraft Header, List<InvoiceItem> Items) snapshot)
    {
        SetHeader(snapshot.Header);
        _items.Clear();
        _items.AddRange(snapshot.Items);
        Recalculate();
    }
}

/// <summary>How a payment was split: <see cref="Applied"/> to the invoice, <see cref="Excess"/> to the customer's credit balance.</summary>
public sealed record PaymentApplication(long Applied, long Excess);
