using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Folio.Events;

internal sealed class EventMapping : IEntityTypeConfiguration<Event>
{
    public void Configure(EntityTypeBuilder<Event> builder)
    {
        builder.ToTable("events");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.Property(e => e.Type).HasMaxLength(Event.MaxTypeLength);
        builder.Property(e => e.ObjectType).HasMaxLength(Event.MaxObjectTypeLength);
        // Lists walk (created_at, id); an organization's key walks its own; one object's history is asked for by id.
        builder.HasIndex(e => new { e.CreatedAt, e.Id });
        builder.HasIndex(e => new { e.OrganizationId, e.CreatedAt, e.Id });
        builder.HasIndex(e => new { e.ObjectId, e.CreatedAt });
        // The dispatcher's queue: only the events not yet dispatched, a handful, whatever the size of the history.
        builder.HasIndex(e => e.Id).HasDatabaseName("ix_events_undispatched").HasFilter("dispatched_at IS NULL");
    }
}
