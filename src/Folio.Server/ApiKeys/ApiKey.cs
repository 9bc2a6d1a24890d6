using Folio.Audit;
using Folio.Domain.Customers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Folio.ApiKeys;

public enum ApiKeyScope
{
    Admin,
    Organization,
}

/// <summary>An API key as stored: a non-secret lookup prefix and the SHA-256 hash of the whole secret, never the secret.</summary>
public sealed class ApiKey
{
    public Guid Id { get; init; }
    public required string Name { get; set; }
    public ApiKeyScope Scope { get; init; }
    public Guid? OrganizationId { get; init; }
    public required string Prefix { get; init; }
    public required byte[] SecretHash { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? RevokedAt { get; set; }

    public bool IsActive => RevokedAt is null;
}

internal sealed class ApiKeyMapping : IEntityTypeConfiguration<ApiKey>
{
    public void Configure(EntityTypeBuilder<ApiKey> builder)
    {
        builder.ToTable("api_keys");
        builder.HasKey(k => k.Id);
        builder.Property(k => k.Name).HasMaxLength(100);
        builder.Property(k => k.Scope).HasMaxLength(16);
        builder.Property(k => k.Prefix).HasMaxLength(32);
        builder.Property(k => k.SecretHash).HasMaxLength(32).IsSecret();
        builder.Ignore(k => k.IsActive);
        builder.HasIndex(k => k.Prefix).IsUnique();
        builder.HasOne<Customer>().WithMany().HasForeignKey(k => k.OrganizationId).OnDelete(DeleteBehavior.Restrict);
    }
}
