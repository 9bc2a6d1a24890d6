namespace Folio.Domain.Catalog;

/// <summary>
/// Something the seller sells, named once and priced by its <see cref="Price"/>s. An archived product stays in the books
/// for the lines already made from its prices, but its prices cannot be newly used and it gets no new prices.
/// </summary>
public sealed class Product
{
    private Product()
    {
        Name = string.Empty;
        Metadata = new Dictionary<string, string>();
    }

    public Guid Id { get; private set; }
    public string Name { get; private set; }
    public string? Description { get; private set; }
    public Dictionary<string, string> Metadata { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public DateTimeOffset? ArchivedAt { get; private set; }

    /// <summary>Incremented on every change; the optimistic-concurrency token.</summary>
    public int Version { get; private set; }

    public bool IsArchived => ArchivedAt is not null;

    public ProductDetails Details => new(Name, Description, Metadata);

    public static (Product? Product, IReadOnlyList<RuleViolation> Violations) Create(Guid id, ProductDetails details, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(details);
        var violations = details.Validate().ToList();
        if (violations.Count > 0)
        {
            return (null, violations);
        }

        var product = new Product { Id = id, CreatedAt = now };
        product.Apply(details, now);
        return (product, []);
    }

    /// <summary>Renames or redescribes the product; allowed while archived, since its lines keep their own descriptions.</summary>
    public IReadOnlyList<RuleViolation> Update(ProductDetails details, DateTimeOffset now)
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
            return RuleViolation.Conflict("product_archived", "The product is already archived.");
        }

        ArchivedAt = now;
        Touch(now);
        return null;
    }

    public RuleViolation? Unarchive(DateTimeOffset now)
    {
        if (!IsArchived)
        {
            return RuleViolation.Conflict("product_not_archived", "The product is not archived.");
        }

        ArchivedAt = null;
        Touch(now);
        return null;
    }

    /// <summary>A product can be deleted only while none of its prices is used; otherwise it is archived.</summary>
    public static RuleViolation? CanDelete(bool used) => used
        ? RuleViolation.Conflict("product_in_use", "A price of this product has been used, so the product stays in the books: archive it instead (POST /v1/products/{id}/archive).")
        : null;

    private void Apply(ProductDetails details, DateTimeOffset now)
    {
        Name = details.Name.Trim();
        Description = details.Description;
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
