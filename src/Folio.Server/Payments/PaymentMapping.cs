using Folio.Domain.Invoicing;
using Folio.Domain.Payments;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Folio.Payments;

internal sealed class PaymentMapping : IEntityTypeConfiguration<Payment>
{
    public void Configure(EntityTypeBuilder<Payment> builder)
    {
        builder.ToTable("payments");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Currency).HasMaxLength(3).IsFixedLength();
        builder.Property(p => p.Method).HasMaxLength(32);
        builder.Property(p => p.Reference).HasMaxLength(200);
        builder.Ignore(p => p.AppliedToInvoice);
        builder.HasOne<Invoice>().WithMany().HasForeignKey(p => p.InvoiceId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(p => new { p.InvoiceId, p.Id });
        builder.HasIndex(p => new { p.CustomerId, p.ReceivedAt });
    }
}
