using Folio.Connections;
using Folio.KeyRing;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Folio.Data;

/// <summary>
/// Chooses and prepares the database named by <c>FOLIO_DATABASE</c>: PostgreSQL for a <c>Host=…</c> connection string or a
/// <c>postgres://</c> URI, otherwise SQLite (data/folio.db when unset). What differs between the two is the
/// <see cref="DatabaseEngine"/>'s, chosen here once.
/// </summary>
public static class DatabaseSetup
{
    public const string Setting = "FOLIO_DATABASE";

    /// <summary>Optional: PostgreSQL hot standbys (one or several hosts) that serve list and detail reads.</summary>
    public const string ReadSetting = "FOLIO_DATABASE_READ";

    /// <summary>The name both engines give EF's table of applied migrations.</summary>
    internal const string MigrationsHistoryTable = "ef_migrations_history";

    public static IServiceCollection AddFolioDb(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var setting = configuration[Setting];
        var engine = DatabaseEngine.For(setting);
        var (writes, reads) = engine.ServerConnections(setting, configuration[ReadSetting]);
        services.AddDbContextPool<FolioDb>(options => engine.Configure(options, writes));
        services.AddDbContextPool<FolioReadDb>(options => engine.Configure(options, reads));
        return services;
    }

    /// <summary>A context of its own on the database a setting names (as <c>FOLIO_DATABASE</c> does), for work outside a request.</summary>
    public static FolioDb Open(string? setting)
    {
        var engine = DatabaseEngine.For(setting);
        var options = new DbContextOptionsBuilder<FolioDb>();
        engine.Configure(options, engine.ConnectionString(setting));
        return new FolioDb(options.Options);
    }

    /// <summary>Migrates a database whose key ring is not this process's to keep (the target of a copy).</summary>
    public static Task MigrateAsync(this FolioDb db, TimeProvider clock, CancellationToken cancellationToken = default) =>
        db.MigrateAsync(clock, keyRing: null, cancellationToken);

    /// <summary>
    /// Applies pending migrations (each engine has its own, and its own way of preparing the database and of migrating one
    /// server at a time), and creates what every installation has from the start: Folio's own ledger connection, and a
    /// key in <paramref name="keyRing"/> (<see cref="KeyRingSetup.EnsureKey"/>).
    /// </summary>
    public static async Task MigrateAsync(this FolioDb db, TimeProvider clock, IDataProtectionProvider? keyRing, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        await db.Engine.Migrate(
            db,
            async () =>
            {
                await BillingConnections.EnsureLedger(db, clock, cancellationToken);
                KeyRingSetup.EnsureKey(keyRing);
            },
            cancellationToken);
    }
}

/// <summary>One process may open Folio's books on more than one engine (the test suite does); each gets its own model.</summary>
internal sealed class ProviderModelCacheKeyFactory : IModelCacheKeyFactory
{
    public object Create(DbContext context, bool designTime) => (context.GetType(), context.Database.ProviderName, designTime);
}
