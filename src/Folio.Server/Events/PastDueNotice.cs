using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Folio.Events;

/// <summary>That <c>invoice.past_due</c> was written for an invoice and its due date: once each, whichever process saw it first.</summary>
public sealed class PastDueNotice(Guid invoiceId, DateTimeOffset dueAt, DateTimeOffset createdAt)
{
    public Guid InvoiceId { get; private set; } = invoiceId;
    public DateTimeOffset DueAt { get; private set; } = dueAt;
    public DateTimeOffset CreatedAt { get; private set; } = createdAt;
}

internal sealed class PastDueNoticeMapping : IEntityTypeConfiguration<PastDueNotice>
{
    public void Configure(EntityTypeBuilder<PastDueNotice> builder)
    {
        builder.ToTable("past_due_notices");
        builder.HasKey(n => new { n.InvoiceId, n.DueAt });
    }
}
