using Folio.Data;
using Folio.Domain.Catalog;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Folio.Catalog;

internal sealed class ProductMapping : IEntityTypeConfiguration<Product>
{
    public void Configure(EntityTypeBuilder<Product> builder)
    {
        builder.ToTable("products");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Name).HasMaxLength(ProductDetails.MaxNameLength);
        builder.Property(p => p.Description).HasMaxLength(ProductDetails.MaxDescriptionLength);
        builder.Property(p => p.Metadata).AsJsonText();
        builder.Property(p => p.Version).IsConcurrencyToken();
        builder.Ignore(p => p.IsArchived);
        builder.Ignore(p => p.Details);
        // Keyset pagination walks ids (UUIDv7, newest first); the active filter walks them among the unarchived.
        builder.HasIndex(p => new { p.ArchivedAt, p.Id });
    }
}
