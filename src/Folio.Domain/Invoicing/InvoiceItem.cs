namespace Folio.Domain.Invoicing;

/// <summary>One line of an invoice: what was asked (<see cref="Spec"/>) and what it computes to.</summary>
public sealed class InvoiceItem
{
    private InvoiceItem()
    {
        Description = string.Empty;
    }

    internal InvoiceItem(Guid id, Guid invoiceId, int position, LineItemSpec spec)
    {
        Id = id;
        InvoiceId = invoiceId;
        Position = position;
        Description = spec.Description;
        Quantity = spec.Quantity;
        UnitAmount = spec.UnitAmount;
        DiscountAmount = spec.DiscountAmount;
        DiscountPercent = spec.DiscountPercent;
        TaxRate = spec.TaxRate;
        TaxInclusive = spec.TaxInclusive;
        PeriodStart = spec.PeriodStart;
        PeriodEnd = spec.PeriodEnd;
        ProductRef = spec.ProductRef;
        PriceId = spec.PriceId;
    }

    public Guid Id { get; private set; }
    public Guid InvoiceId { get; private set; }
    public int Position { get; internal set; }
    public string Description { get; private set; }
    public decimal Quantity { get; private set; }
    public long UnitAmount { get; private set; }
    public long? DiscountAmount { get; private set; }
    public decimal? DiscountPercent { get; private set; }
    public decimal TaxRate { get; private set; }
    public bool TaxInclusive { get; private set; }
    public DateTimeOffset? PeriodStart { get; private set; }
    public DateTimeOffset? PeriodEnd { get; private set; }
    public string? ProductRef { get; private set; }

    /// <summary>The catalog price the line was made from; null for a line written by hand.</summary>
    public Guid? PriceId { get; private set; }

    /// <summary>The line's id at the external provider its invoice was pulled from.</summary>
    public string? ExternalId { get; private set; }

    /// <summary>Quantity × unit amount, before any discount.</summary>
    public long Amount { get; private set; }

    /// <summary>This line's own discount.</summary>
    public long Discount { get; private set; }

    /// <summary>This line's share of the invoice-level discount.</summary>
    public long InvoiceDiscount { get; private set; }

    public long Tax { get; private set; }

    /// <summary>Net amount plus exclusive tax: what this line adds to the invoice total.</summary>
    public long Total { get; private set; }

    public LineItemSpec Spec => new(Description, Quantity, UnitAmount, DiscountAmount, DiscountPercent, TaxRate, TaxInclusive, PeriodStart, PeriodEnd, ProductRef, PriceId);

    internal void Apply(LineTotals totals)
    {
        Amount = totals.Amount;
        Discount = totals.Discount;
        InvoiceDiscount = totals.InvoiceDiscount;
        Tax = totals.Tax;
        Total = totals.Total;
    }
}
