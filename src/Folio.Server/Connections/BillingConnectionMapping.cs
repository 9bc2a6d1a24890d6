using Folio.Data;
using Folio.Domain.Connections;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Folio.Connections;

internal sealed class BillingConnectionMapping : IEntityTypeConfiguration<BillingConnection>
{
    public void Configure(EntityTypeBuilder<BillingConnection> builder)
    {
        builder.ToTable("billing_connections");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Type).HasMaxLength(32);
        builder.Property(c => c.DisplayName).HasMaxLength(200);
        builder.Property(c => c.State).HasMaxLength(32);
    }
}

public static class BillingConnections
{
    /// <summary>Creates Folio's own ledger connection the first time the books are set up.</summary>
    public static async Task EnsureLedger(FolioDb db, TimeProvider clock, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(clock);
        if (await db.BillingConnections.AnyAsync(c => c.Id == BillingConnection.LedgerId, cancellationToken))
        {
            return;
        }

        db.BillingConnections.Add(BillingConnection.Ledger(clock.GetUtcNow()));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Two servers starting together on a new database both find no ledger; the second insert loses the race.
            db.ChangeTracker.Clear();
            if (!await db.BillingConnections.AnyAsync(c => c.Id == BillingConnection.LedgerId, cancellationToken))
            {
                throw;
            }
        }

        db.ChangeTracker.Clear();
    }
}
