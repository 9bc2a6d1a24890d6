using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Folio.BillRuns;

internal sealed class BillRunMapping : IEntityTypeConfiguration<BillRun>
{
    public void Configure(EntityTypeBuilder<BillRun> builder)
    {
        builder.ToTable("bill_runs");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Status).HasMaxLength(16);
        builder.HasMany(r => r.Failures).WithOne().HasForeignKey(f => f.BillRunId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(r => r.Failures).HasField("_failures").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class BillRunFailureMapping : IEntityTypeConfiguration<BillRunFailure>
{
    public void Configure(EntityTypeBuilder<BillRunFailure> builder)
    {
        builder.ToTable("bill_run_failures");
        builder.HasKey(f => f.Id);
        builder.Property(f => f.Code).HasMaxLength(64);
        builder.Property(f => f.Detail).HasMaxLength(BillRunFailure.MaxDetailLength);
        builder.HasIndex(f => f.BillRunId);
    }
}

internal sealed class BillRunLeaseMapping : IEntityTypeConfiguration<BillRunLease>
{
    public void Configure(EntityTypeBuilder<BillRunLease> builder)
    {
        builder.ToTable("bill_run_leases");
        builder.HasKey(l => l.Id);
        builder.Property(l => l.Id).ValueGeneratedNever();
        builder.Property(l => l.HolderProcess).HasMaxLength(BillRunLease.MaxHolderProcessLength);
    }
}
