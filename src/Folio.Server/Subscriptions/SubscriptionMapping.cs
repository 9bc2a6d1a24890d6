using Folio.Domain.Customers;
using Folio.Domain.Subscriptions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Folio.Subscriptions;

internal sealed class SubscriptionMapping : IEntityTypeConfiguration<Subscription>
{
    public void Configure(EntityTypeBuilder<Subscription> builder)
    {
        builder.ToTable("subscriptions");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Currency).HasMaxLength(3).IsFixedLength();
        builder.Property(s => s.Status).HasMaxLength(16);
        builder.Property(s => s.Version).IsConcurrencyToken();
        builder.ComplexProperty(s => s.Recurrence, recurrence =>
        {
            recurrence.Property(r => r.Unit).HasColumnName("interval").HasMaxLength(8);
            recurrence.Property(r => r.Count).HasColumnName("interval_count");
        });

        builder.HasOne<Customer>().WithMany().HasForeignKey(s => s.CustomerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(s => s.Items).WithOne().HasForeignKey(i => i.SubscriptionId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(s => s.Items).HasField("_items").UsePropertyAccessMode(PropertyAccessMode.Field);

        // The bill run walks what is due in (next_bill_at, id) order; lists walk ids (UUIDv7, newest first) per owner.
        builder.HasIndex(s => new { s.NextBillAt, s.Id });
        builder.HasIndex(s => new { s.CustomerId, s.Id });
        builder.HasIndex(s => new { s.OrganizationId, s.Id });
    }
}

internal sealed class SubscriptionItemMapping : IEntityTypeConfiguration<SubscriptionItem>
{
    public void Configure(EntityTypeBuilder<SubscriptionItem> builder)
    {
        builder.ToTable("subscription_items");
        builder.HasKey(i => i.Id);
        builder.Property(i => i.Quantity).HasPrecision(18, 4);
        builder.HasIndex(i => new { i.SubscriptionId, i.EffectiveFromPeriod });
        // price_id names a row of prices, checked by CatalogUsage before a price is deleted (one probe of this index).
        builder.HasIndex(i => i.PriceId);
    }
}
