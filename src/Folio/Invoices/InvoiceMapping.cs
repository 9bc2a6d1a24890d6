using Folio.Domain.Customers;
using Folio.Domain.Invoicing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Folio.Invoices;

internal sealed class InvoiceMapping : IEntityTypeConfiguration<Invoice>
{
    public void Configure(EntityTypeBuilder<Invoice> builder)
    {
        builder.ToTable("invoices");
        builder.HasKey(i => i.Id);
        builder.Property(i => i.Currency).HasMaxLength(3).IsFixedLength();
        builder.Property(i => i.Status).HasMaxLength(16);
        builder.Property(i => i.Number).HasMaxLength(100);
        builder.Property(i => i.Reference).HasMaxLength(100);
        builder.Property(i => i.Description).HasMaxLength(2000);
        builder.Property(i => i.DiscountPercent).HasPrecision(7, 4);
        builder.Property(i => i.Version).IsConcurrencyToken();
        builder.Ignore(i => i.TotalExcludingTax);
        builder.Ignore(i => i.Header);
        builder.Ignore(i => i.CurrencyInfo);

        builder.HasOne<Customer>().WithMany().HasForeignKey(i => i.CustomerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(i => i.Items).WithOne().HasForeignKey(i => i.InvoiceId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(i => i.Items).HasField("_items").UsePropertyAccessMode(PropertyAccessMode.Field);

        builder.HasIndex(i => i.Number).IsUnique();
        // Keyset pagination walks ids (UUIDv7, so newest first) under each list filter.
        builder.HasIndex(i => new { i.CustomerId, i.Id });
        builder.HasIndex(i => new { i.OrganizationId, i.Id });
        builder.HasIndex(i => new { i.Status, i.Id });
        builder.HasIndex(i => new { i.Status, i.DueAt });
    }
}

internal sealed class InvoiceItemMapping : IEntityTypeConfiguration<InvoiceItem>
{
    public void Configure(EntityTypeBuilder<InvoiceItem> builder)
    {
        builder.ToTable("invoice_items");
        builder.HasKey(i => i.Id);
        builder.Property(i => i.Description).HasMaxLength(500);
        builder.Property(i => i.Quantity).HasPrecision(18, 4);
        builder.Property(i => i.TaxRate).HasPrecision(7, 4);
        builder.Property(i => i.DiscountPercent).HasPrecision(7, 4);
        builder.Property(i => i.ProductRef).HasMaxLength(200);
        builder.Ignore(i => i.Spec);
        builder.HasIndex(i => new { i.InvoiceId, i.Position });
    }
}
