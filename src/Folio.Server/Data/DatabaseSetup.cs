using Folio.Connections;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
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

    /// <summary>
    /// Each engine's generated migrations live in a project of their own (src/Folio.Migrations.*), which the folio
    /// executable references; EF loads the one of the engine in use by name.
    /// </summary>
    public const string SqliteMigrations = "Folio.Migrations.Sqlite";

    public const string PostgresMigrations = "Folio.Migrations.Postgres";

    private const string MigrationsHistoryTable = "ef_migrations_history";

    public static IServiceCollection AddFolioDb(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var setting = configuration[Setting];
        if (PostgresConnection.IsPostgres(setting))
        {
            var postgres = PostgresConnection.WithDefaults(PostgresConnection.ToKeywordForm(setting!));
            var reads = configuration[ReadSetting] is { Length: > 0 } standbys ? PostgresConnection.WithDefaults(PostgresConnection.ForReads(postgres, standbys)) : postgres;
            services.AddDbContextPool<FolioDb>(options => ConfigurePostgres(options, postgres));
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
        options.UseNpgsql(connectionString, npgsql => npgsql.MigrationsHistoryTable(MigrationsHistoryTable).MigrationsAssembly(PostgresMigrations));
        options.AddInterceptors(PostgresRowLocking.Instance);
        options.ReplaceService<IModelCacheKeyFactory, ProviderModelCacheKeyFactory>();
    }

    public static void Configure(DbContextOptionsBuilder options, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.UseSqlite(connectionString, sqlite => sqlite.MigrationsHistoryTable(MigrationsHistoryTable).MigrationsAssembly(SqliteMigrations));
        SqliteKeptOpenConnection.Use(options);
        options.AddInterceptors(SqliteStatementCache.Instance);
        options.ReplaceService<IModelCacheKeyFactory, ProviderModelCacheKeyFactory>();
    }

    /// <summary>A context of its own on the database a setting names (as <c>FOLIO_DATABASE</c> does), for work outside a request.</summary>
    public static FolioDb Open(string? setting)
    {
        var options = new DbContextOptionsBuilder<FolioDb>();
        if (PostgresConnection.IsPostgres(setting))
        {
            ConfigurePostgres(options, PostgresConnection.ToKeywordForm(setting!));
        }
        else
        {
            Configure(options, SqliteConnectionString(setting));
        }

        return new FolioDb(options.Options);
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
