using Folio.Connections;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Folio.Data;

/// <summary>
/// Chooses and prepares the database named by <c>FOLIO_DATABASE</c>: PostgreSQL for a <c>Host=…</c> connection string or a
/// <c>postgres://</c> URI, otherwise SQLite (data/folio.db when unset).
/// </summary>
public static class DatabaseSetup
{
    public const string Setting = "FOLIO_DATABASE";
    public const string DefaultSqliteFile = "data/folio.db";

    /// <summary>Optional: PostgreSQL hot standbys (one or several hosts) that serve list and detail reads.</summary>
    public const string ReadSetting = "FOLIO_DATABASE_READ";

    public static IServiceCollection AddFolioDb(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var setting = configuration[Setting];
        if (PostgresConnection.IsPostgres(setting))
        {
            var postgres = PostgresConnection.WithDefaults(PostgresConnection.ToKeywordForm(setting!));
            var reads = configuration[ReadSetting] is { Length: > 0 } standbys ? PostgresConnection.WithDefaults(PostgresConnection.ForReads(postgres, standbys)) : postgres;
            services.AddDbContextPool<FolioDb, PostgresFolioDb>(options => ConfigurePostgres(options, postgres));
            services.AddDbContextPool<FolioReadDb>(options => ConfigurePostgres(options, reads));
            return services;
        }

        if (!string.IsNullOrWhiteSpace(configuration[ReadSetting]))
        {
            throw new InvalidOperationException($"{ReadSetting} names PostgreSQL standbys; it needs {Setting} to name their PostgreSQL primary.");
        }

        var connectionString = SqliteConnectionString(setting);
        services.AddDbContextPool<FolioDb>(options => Configure(options, connectionString));
        services.AddDbContextPool<FolioReadDb>(options => Configure(options, connectionString));
        return services;
    }

    public static void ConfigurePostgres(DbContextOptionsBuilder options, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.UseNpgsql(connectionString, npgsql => npgsql.MigrationsHistoryTable("ef_migrations_history"));
        options.AddInterceptors(PostgresRowLocking.Instance);
        options.ReplaceService<IModelCacheKeyFactory, ProviderModelCacheKeyFactory>();
    }

    public static void Configure(DbContextOptionsBuilder options, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.UseSqlite(connectionString, sqlite => sqlite.MigrationsHistoryTable("ef_migrations_history"));
        SqliteKeptOpenConnection.Use(options);
        options.AddInterceptors(SqliteStatementCache.Instance);
        options.ReplaceService<IModelCacheKeyFactory, ProviderModelCacheKeyFactory>();
    }

    /// <summary>Turns the setting into a SQLite connection string: a bare path is a file, created with its folder on first use.</summary>
    public static string SqliteConnectionString(string? setting)
    {
        var value = string.IsNullOrWhiteSpace(setting) ? DefaultSqliteFile : setting.Trim();
        var builder = value.Contains('=', StringComparison.Ordinal) ? new SqliteConnectionStringBuilder(value) : new SqliteConnectionStringBuilder { DataSource = value };
        builder.ForeignKeys = true;
        builder.Pooling = true;
        builder.DefaultTimeout = builder.DefaultTimeout <= 0 ? 30 : builder.DefaultTimeout;
        if (builder.DataSource != ":memory:" && Path.GetDirectoryName(Path.GetFullPath(builder.DataSource)) is { } folder)
        {
            Directory.CreateDirectory(folder);
        }

        return builder.ToString();
    }

    /// <summary>
    /// Applies pending migrations (each engine has its own), puts SQLite in write-ahead-log mode (readers run beside a writer), and creates what
    /// every installation has from the start: Folio's own ledger connection.
    /// </summary>
    public static async Task MigrateAsync(this FolioDb db, TimeProvider clock, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (db.Database.IsNpgsql() && db.Database.GetConnectionString() is { } connectionString)
        {
            await PostgresConnection.CreateDatabaseIfMissing(connectionString, cancellationToken);
        }

        await db.OneMigrationAtATime(async () =>
        {
            await db.PreparePostgresDatabase(cancellationToken);
            await db.Database.MigrateAsync(cancellationToken);
            if (db.Database.IsSqlite())
            {
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
            }

            await BillingConnections.EnsureLedger(db, clock, cancellationToken);
        }, cancellationToken);
    }
}

/// <summary>One process may open Folio's books on more than one engine (the test suite does); each gets its own model.</summary>
internal sealed class ProviderModelCacheKeyFactory : IModelCacheKeyFactory
{
    public object Create(DbContext context, bool designTime) => (context.GetType(), context.Database.ProviderName, designTime);
}

/// <summary>Lets <c>dotnet ef migrations add</c> build the model without starting the server.</summary>
internal sealed class DesignTimeFolioDbFactory : IDesignTimeDbContextFactory<FolioDb>
{
    public FolioDb CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<FolioDb>();
        Configure(options, "Data Source=design-time.db");
        return new FolioDb(options.Options);
    }

    private static void Configure(DbContextOptionsBuilder options, string connectionString) => DatabaseSetup.Configure(options, connectionString);
}

/// <summary>
/// Lets <c>dotnet ef migrations add --context PostgresFolioDb</c> build the PostgreSQL model; no server is contacted. Give
/// a connection string after <c>--</c> to point <c>dotnet ef database update</c> at a real one.
/// </summary>
internal sealed class DesignTimePostgresFolioDbFactory : IDesignTimeDbContextFactory<PostgresFolioDb>
{
    public PostgresFolioDb CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<PostgresFolioDb>();
        var connectionString = args is [var given, ..] ? PostgresConnection.ToKeywordForm(given) : "Host=localhost;Database=folio;Username=folio";
        DatabaseSetup.ConfigurePostgres(options, connectionString);
        return new PostgresFolioDb(options.Options);
    }
}
