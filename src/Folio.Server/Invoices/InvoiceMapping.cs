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
        builder.Property(i => i.UsdPerUnit).HasPrecision(18, 10);
        builder.Property(i => i.ExternalId).HasMaxLength(200);
        // connection_id names a row of billing_connections (null: Folio's own ledger). No foreign key: on SQLite adding one
        // rebuilds the invoices table.
        builder.HasIndex(i => i.ConnectionId);
        builder.ComplexProperty(i => i.BillTo, billTo =>
        {
            billTo.Property(b => b.Name).HasColumnName("bill_to_name").HasMaxLength(200);
            billTo.Property(b => b.Company).HasColumnName("bill_to_company").HasMaxLength(200);
            billTo.Property(b => b.Email).HasColumnName("bill_to_email").HasMaxLength(254);
            billTo.Property(b => b.Phone).HasColumnName("bill_to_phone").HasMaxLength(40);
            billTo.ComplexProperty(b => b.Address, address =>
            {
                address.Property(a => a.Line1).HasColumnName("bill_to_address_line1").HasMaxLength(200);
                address.Property(a => a.Line2).HasColumnName("bill_to_address_line2").HasMaxLength(200);
                address.Property(a => a.City).HasColumnName("bill_to_address_city").HasMaxLength(200);
                address.Property(a => a.Region).HasColumnName("bill_to_address_region").HasMaxLength(200);
                address.Property(a => a.PostalCode).HasColumnName("bill_to_address_postal_code").HasMaxLength(200);
                address.Property(a => a.Country).HasColumnName("bill_to_address_country").HasMaxLength(2);
            });
        });

        builder.HasOne<Customer>().WithMany().HasForeignKey(i => i.CustomerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(i => i.Items).WithOne().HasForeignKey(i => i.InvoiceId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(i => i.Items).HasField("_items").UsePropertyAccessMode(PropertyAccessMode.Field);

        builder.HasIndex(i => i.Number).IsUnique();
        // One invoice per subscription and billing period: a second bill run over the same period fails on this key.
        builder.HasIndex(i => new { i.SubscriptionId, i.SubscriptionPeriod }).IsUnique();
        // Keyset pagination walks ids (UUIDv7, so newest first) under each list filter.
        builder.HasIndex(i => new { i.CustomerId, i.Id });
        builder.HasIndex(i => new { i.OrganizationId, i.Id });
        builder.HasIndex(i => new { i.Status, i.Id });
        builder.HasIndex(i => new { i.Status, i.DueAt });
        builder.HasIndex(i => new { i.OrganizationId, i.CreatedAt, i.Id });
        builder.HasIndex(i => new { i.OrganizationId, i.DueAt, i.Id });
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
        builder.Property(i => i.ExternalId).HasMaxLength(200);
        builder.Ignore(i => i.Spec);
        builder.HasIndex(i => new { i.InvoiceId, i.Position });
        // price_id names a row of prices. No foreign key: on SQLite adding one rebuilds the invoice_items table. A price is
        // deleted only when CatalogUsage finds no line made from it, under the locks that keep new lines out meanwhile;
        // that check is one probe of this index.
        builder.HasIndex(i => i.PriceId);
    }
}
