using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Folio.Data;

/// <summary>The last invoice number handed out in one numbering period of one seller.</summary>
public sealed class NumberSequence
{
    public required string Scope { get; init; }
    public required string Period { get; init; }
    public long LastValue { get; set; }
}

internal sealed class NumberSequenceMapping : IEntityTypeConfiguration<NumberSequence>
{
    public void Configure(EntityTypeBuilder<NumberSequence> builder)
    {
        builder.ToTable("number_sequences");
        builder.HasKey(s => new { s.Scope, s.Period });
        builder.Property(s => s.Scope).HasMaxLength(64);
        builder.Property(s => s.Period).HasMaxLength(16);
    }
}
