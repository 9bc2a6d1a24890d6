using Folio.Audit;
using Folio.Events;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Folio.Webhooks;

internal sealed class WebhookEndpointMapping : IEntityTypeConfiguration<WebhookEndpoint>
{
    public void Configure(EntityTypeBuilder<WebhookEndpoint> builder)
    {
        builder.ToTable("webhook_endpoints");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.Property(e => e.Url).HasMaxLength(WebhookEndpoint.MaxUrlLength);
        builder.Property(e => e.Description).HasMaxLength(WebhookEndpoint.MaxDescriptionLength);
        builder.Property(e => e.EnabledEvents).HasMaxLength(WebhookEndpoint.MaxEnabledEventsLength);
        builder.Property(e => e.Status).HasMaxLength(16);
        builder.Property(e => e.DisabledReason).HasMaxLength(32);
        builder.Property(e => e.ProtectedSecret).HasMaxLength(512).IsSecret();
        builder.Property(e => e.ProtectedPreviousSecret).HasMaxLength(512).IsSecret();
        builder.Ignore(e => e.EventPatterns);
    }
}

internal sealed class WebhookDeliveryMapping : IEntityTypeConfiguration<WebhookDelivery>
{
    public void Configure(EntityTypeBuilder<WebhookDelivery> builder)
    {
        builder.ToTable("webhook_deliveries");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Id).ValueGeneratedNever();
        builder.Property(d => d.Status).HasMaxLength(16);
        builder.HasOne<WebhookEndpoint>().WithMany().HasForeignKey(d => d.EndpointId).OnDelete(DeleteBehavior.Cascade);
        // Event retention deletes old events; their deliveries and attempts go with them.
        builder.HasOne<Event>().WithMany().HasForeignKey(d => d.EventId).OnDelete(DeleteBehavior.Cascade);
        // The senders' queue: only the deliveries still pending, whatever the size of the history.
        builder.HasIndex(d => d.NextAttemptAt).HasDatabaseName("ix_webhook_deliveries_due").HasFilter("next_attempt_at IS NOT NULL");
        builder.HasIndex(d => d.EndpointId);
        builder.HasIndex(d => d.EventId);
    }
}

internal sealed class WebhookAttemptMapping : IEntityTypeConfiguration<WebhookAttempt>
{
    public void Configure(EntityTypeBuilder<WebhookAttempt> builder)
    {
        builder.ToTable("webhook_attempts");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.EventType).HasMaxLength(Event.MaxTypeLength);
        builder.Property(a => a.Error).HasMaxLength(WebhookAttempt.MaxErrorLength);
        builder.HasOne<WebhookDelivery>().WithMany().HasForeignKey(a => a.DeliveryId).OnDelete(DeleteBehavior.Cascade);
        // An endpoint's attempts, newest first.
        builder.HasIndex(a => new { a.EndpointId, a.Id });
    }
}
