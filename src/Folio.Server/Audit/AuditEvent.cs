using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Folio.Audit;

/// <summary>
/// One change to the books, written in the transaction that made it: who (<see cref="ActorType"/>, and the key's id and
/// name for an API key), what (<see cref="Action"/>, such as <c>invoice.finalize</c>), to which object, when, and the
/// fields that changed with their values before and after (<see cref="Changes"/>, JSON; never a secret).
/// </summary>
public sealed class AuditEvent
{
    public const int MaxActionLength = 64;

    public AuditEvent(
        Guid id, DateTimeOffset createdAt, string actorType, Guid? actorKeyId, string actorName, string action, string objectType, Guid? objectId,
        Guid? organizationId, string changes)
    {
        Id = id;
        CreatedAt = createdAt;
        ActorType = actorType;
        ActorKeyId = actorKeyId;
        ActorName = actorName;
        Action = action;
        ObjectType = objectType;
        ObjectId = objectId;
        OrganizationId = organizationId;
        Changes = changes;
    }

    public Guid Id { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary><c>api_key</c>, <c>cli</c>, <c>bill_run</c> or <c>scheduler</c>.</summary>
    public string ActorType { get; private set; }

    public Guid? ActorKeyId { get; private set; }
    public string ActorName { get; private set; }
    public string Action { get; private set; }
    public string ObjectType { get; private set; }
    public Guid? ObjectId { get; private set; }

    /// <summary>The organization the change is about (the object's own, or its customer's); null for the seller's own objects.</summary>
    public Guid? OrganizationId { get; private set; }

    /// <summary>A JSON list of the objects written: <c>[{"object_type", "object_id", "change", "fields": {name: {"before", "after"}}}]</c>.</summary>
    public string Changes { get; private set; }
}

internal sealed class AuditEventMapping : IEntityTypeConfiguration<AuditEvent>
{
    public void Configure(EntityTypeBuilder<AuditEvent> builder)
    {
        builder.ToTable("audit_events");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.Property(e => e.ActorType).HasMaxLength(16);
        builder.Property(e => e.ActorName).HasMaxLength(100);
        builder.Property(e => e.Action).HasMaxLength(AuditEvent.MaxActionLength);
        builder.Property(e => e.ObjectType).HasMaxLength(32);
        // The list walks ids newest first, filtered by object, by key or by kind of actor; the console asks for the latest
        // entry about an organization.
        builder.HasIndex(e => new { e.ObjectId, e.Id });
        builder.HasIndex(e => new { e.ActorKeyId, e.Id });
        builder.HasIndex(e => new { e.ActorType, e.Id });
        builder.HasIndex(e => new { e.OrganizationId, e.CreatedAt });
    }
}
