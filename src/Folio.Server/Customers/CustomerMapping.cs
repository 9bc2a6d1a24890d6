using Folio.Data;
using Folio.Domain.Customers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Folio.Customers;

internal sealed class CustomerMapping : IEntityTypeConfiguration<Customer>
{
    public void Configure(EntityTypeBuilder<Customer> builder)
    {
        builder.ToTable("customers");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Kind).HasMaxLength(16);
        builder.Property(c => c.Name).HasMaxLength(200);
        builder.Property(c => c.Company).HasMaxLength(200);
        builder.Property(c => c.Email).HasMaxLength(254);
        builder.Property(c => c.Phone).HasMaxLength(40);
        builder.Property(c => c.TaxId).HasMaxLength(64);
        builder.Property(c => c.PurchaseOrder).HasMaxLength(100);
        builder.Property(c => c.ExternalId).HasMaxLength(200);
        builder.Property(c => c.Metadata).AsJsonText();
        builder.ComplexProperty(c => c.Address, address =>
        {
            address.Property(a => a.Line1).HasColumnName("address_line1").HasMaxLength(200);
            address.Property(a => a.Line2).HasColumnName("address_line2").HasMaxLength(200);
            address.Property(a => a.City).HasColumnName("address_city").HasMaxLength(200);
            address.Property(a => a.Region).HasColumnName("address_region").HasMaxLength(200);
            address.Property(a => a.PostalCode).HasColumnName("address_postal_code").HasMaxLength(200);
            address.Property(a => a.Country).HasColumnName("address_country").HasMaxLength(2);
        });
        builder.Property(c => c.Status).HasMaxLength(16);
        builder.Property(c => c.SuspendedReason).HasMaxLength(500);
        builder.ComplexProperty(c => c.Billing, billing =>
        {
            billing.Ignore(b => b.DomainList);
            billing.Property(b => b.Tier).HasColumnName("billing_tier").HasMaxLength(50);
            billing.Property(b => b.Domains).HasColumnName("billing_domains")
                .HasConversion(
                    domains => domains == null ? null : string.Join(',', domains),
                    text => string.IsNullOrEmpty(text) ? null : text.Split(',', StringSplitOptions.None),
                    new ValueComparer<IReadOnlyList<string>?>(
                        (a, b) => (a ?? Array.Empty<string>()).SequenceEqual(b ?? Array.Empty<string>()),
                        value => value == null ? 0 : value.Aggregate(0, HashCode.Combine),
                        value => value == null ? null : value.ToArray()));
            billing.Property(b => b.AllNotificationsEmail).HasColumnName("billing_all_notifications_email").HasMaxLength(254);
            billing.Property(b => b.ActionRequiredNotificationsEmail).HasColumnName("billing_action_required_notifications_email").HasMaxLength(254);
            billing.Property(b => b.AutoRechargeEnabled).HasColumnName("billing_auto_recharge_enabled");
            billing.Property(b => b.AutoRechargeBelowUsdCents).HasColumnName("billing_auto_recharge_below_usd_cents");
            billing.Property(b => b.AutoRechargeBackUpToUsdCents).HasColumnName("billing_auto_recharge_back_up_to_usd_cents");
            billing.Property(b => b.CreditUninvoicedLimitUsdCents).HasColumnName("billing_credit_uninvoiced_limit_usd_cents");
            billing.Property(b => b.SpendManagementEnabled).HasColumnName("billing_spend_management_enabled");
            billing.Property(b => b.SpendDailyHardLimitUsdCents).HasColumnName("billing_spend_daily_hard_limit_usd_cents");
            billing.Property(b => b.SpendDailyNotifyThresholdUsdCents).HasColumnName("billing_spend_daily_notify_threshold_usd_cents");
            billing.Property(b => b.SpendWebhookUrl).HasColumnName("billing_spend_webhook_url").HasMaxLength(2000);
        });
        builder.Ignore(c => c.Profile);
        builder.Ignore(c => c.IsArchived);
        builder.HasOne<Customer>().WithMany().HasForeignKey(c => c.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(c => new { c.OrganizationId, c.Id });
        builder.HasIndex(c => c.Email);
    }
}
