namespace Folio.Domain.Customers;

/// <summary>Someone the seller bills: an organization, or a user (who may belong to an organization).</summary>
public sealed class Customer
{
    private Customer()
    {
        Name = string.Empty;
        Address = Address.Empty;
        Metadata = new Dictionary<string, string>();
        Billing = BillingSettings.Default;
    }

    public Guid Id { get; private set; }
    public CustomerKind Kind { get; private set; }

    /// <summary>For a user, the organization it belongs to.</summary>
    public Guid? OrganizationId { get; private set; }

    public string Name { get; private set; }
    public string? Company { get; private set; }
    public string? Email { get; private set; }
    public string? Phone { get; private set; }
    public Address Address { get; private set; }
    public string? TaxId { get; private set; }
    public string? PurchaseOrder { get; private set; }

    /// <summary>The customer's id at an external payment provider.</summary>
    public string? ExternalId { get; private set; }

    public Dictionary<string, string> Metadata { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public DateTimeOffset? ArchivedAt { get; private set; }

    public bool IsArchived => ArchivedAt is not null;

    /// <summary>
    /// Why the customer cannot be given a new invoice: an archived customer stays in the books but is invoiced no more.
    /// Null when it can be.
    /// </summary>
    public RuleViolation? RefusesNewInvoices() =>
        IsArchived ? RuleViolation.Unprocessable("customer_archived", "The customer is archived and cannot be invoiced.", "customer_id") : null;

    /// <summary>The seller's billing settings for this customer (tier, notification e-mails, credit and spend limits).</summary>
    public BillingSettings Billing { get; private set; }

    public AccountStatus Status { get; private set; }

    /// <summary>When <see cref="Status"/> last changed; null while the account has always been active.</summary>
    public DateTimeOffset? StatusChangedAt { get; private set; }

    public string? SuspendedReason { get; private set; }

    public CustomerProfile Profile => new(Name, Company, Email, Phone, Address, TaxId, PurchaseOrder, ExternalId, Metadata);

    /// <summary>Creates a customer; <paramref name="organization"/> is the organization a user belongs to, already looked up.</summary>
    public static (Customer? Customer, IReadOnlyList<RuleViolation> Violations) Create(
        Guid id, CustomerKind kind, Customer? organization, CustomerProfile profile, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var violations = profile.Validate().ToList();
        if (organization is not null && kind != CustomerKind.User)
        {
            violations.Add(RuleViolation.Invalid("organization_id", "invalid_organization", "Only a user can belong to an organization."));
        }

        if (organization is { Kind: not CustomerKind.Organization })
        {
            violations.Add(RuleViolation.Invalid("organization_id", "invalid_organization", "organization_id must name a customer of kind organization."));
        }

        if (organization is { IsArchived: true })
        {
            violations.Add(RuleViolation.Unprocessable("organization_archived", "The organization is archived.", "organization_id"));
        }

        if (violations.Count > 0)
        {
            return (null, violations);
        }

        var customer = new Customer
        {
            Id = id,
            Kind = kind,
            OrganizationId = organization?.Id,
            CreatedAt = now,
        };
        customer.Apply(profile, now);
        return (customer, []);
    }

    public IReadOnlyList<RuleViolation> Update(CustomerProfile profile, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(profile);
        if (IsArchived)
        {
            return [RuleViolation.Conflict("customer_archived", "An archived customer cannot be changed.")];
        }

        var violations = profile.Validate().ToList();
        if (violations.Count == 0)
        {
            Apply(profile, now);
        }

        return violations;
    }

    public IReadOnlyList<RuleViolation> UpdateBilling(BillingSettings settings, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (IsArchived)
        {
            return [RuleViolation.Conflict("customer_archived", "An archived customer cannot be changed.")];
        }

        var violations = settings.Validate().ToList();
        if (violations.Count == 0)
        {
            Billing = settings with { Domains = [.. settings.DomainList.Select(d => d.ToLowerInvariant()).Distinct(StringComparer.Ordinal)] };
            UpdatedAt = now;
        }

        return violations;
    }

    /// <summary>Suspends the account with a reason, or reactivates it; the time of the change is kept.</summary>
    public IReadOnlyList<RuleViolation> SetStatus(AccountStatus status, string? reason, DateTimeOffset now)
    {
        if (IsArchived)
        {
            return [RuleViolation.Conflict("customer_archived", "An archived customer cannot be changed.")];
        }

        if (status == AccountStatus.Suspended && (string.IsNullOrWhiteSpace(reason) || reason.Length > 500))
        {
            return [RuleViolation.Invalid("suspended_reason", "invalid_suspended_reason", "A suspension needs a suspended_reason of at most 500 characters.")];
        }

        if (status == AccountStatus.Active && reason is not null)
        {
            return [RuleViolation.Invalid("suspended_reason", "invalid_suspended_reason", "Only a suspension takes a suspended_reason.")];
        }

        if (status != Status || reason != SuspendedReason)
        {
            Status = status;
            SuspendedReason = status == AccountStatus.Suspended ? reason!.Trim() : null;
            StatusChangedAt = now;
            UpdatedAt = now;
        }

        return [];
    }

    public RuleViolation? Archive(DateTimeOffset now)
    {
        if (IsArchived)
        {
            return RuleViolation.Conflict("customer_archived", "The customer is already archived.");
        }

        ArchivedAt = now;
        UpdatedAt = now;
        return null;
    }

    private void Apply(CustomerProfile profile, DateTimeOffset now)
    {
        Name = profile.Name.Trim();
        Company = profile.Company;
        Email = profile.Email;
        Phone = profile.Phone;
        Address = profile.Address ?? Address.Empty;
        TaxId = profile.TaxId;
        PurchaseOrder = profile.PurchaseOrder;
        ExternalId = profile.ExternalId;
        Metadata = new Dictionary<string, string>(profile.Metadata ?? new Dictionary<string, string>(), StringComparer.Ordinal);
        UpdatedAt = now;
    }
}
