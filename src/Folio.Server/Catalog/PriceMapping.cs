using Folio.Data;
using Folio.Domain.Catalog;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Folio.Catalog;

internal sealed class PriceMapping : IEntityTypeConfiguration<Price>
{
    public void Configure(EntityTypeBuilder<Price> builder)
    {
        builder.ToTable("prices");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Currency).HasMaxLength(3).IsFixedLength();
        builder.Property(p => p.Type).HasMaxLength(16);
        builder.Property(p => p.RecurringInterval).HasMaxLength(8);
        builder.Property(p => p.TaxRate).HasPrecision(7, 4);
        builder.Property(p => p.Nickname).HasMaxLength(PriceDetails.MaxNicknameLength);
        builder.Property(p => p.LookupKey).HasMaxLength(PriceDetails.MaxLookupKeyLength);
        builder.Property(p => p.Metadata).AsJsonText();
        builder.Property(p => p.Version).IsConcurrencyToken();
        builder.Ignore(p => p.IsArchived);
        builder.Ignore(p => p.Recurrence);
        builder.Ignore(p => p.Terms);
        builder.Ignore(p => p.Details);

        // Deleting a product deletes its unused prices first, explicitly: never by cascade.
        builder.HasOne<Product>().WithMany().HasForeignKey(p => p.ProductId).OnDelete(DeleteBehavior.Restrict);

        // Keyset pagination walks ids (UUIDv7, newest first) under each list filter.
        builder.HasIndex(p => new { p.ProductId, p.Id });
        builder.HasIndex(p => new { p.Currency, p.Id });
        builder.HasIndex(p => new { p.Type, p.Id });
        builder.HasIndex(p => new { p.ArchivedAt, p.Id });
        builder.HasIndex(p => new { p.LookupKey, p.Id });
        // A lookup key names one active price at a time; archived prices keep theirs without holding it.
        builder.HasIndex(p => p.LookupKey).IsUnique().HasFilter("\"archived_at\" IS NULL AND \"lookup_key\" IS NOT NULL");
    }
}
