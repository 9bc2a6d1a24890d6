using System.Data.Common;
using Folio.BillRuns;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql;

namespace Folio.Data.Postgres;

/// <summary>
/// PostgreSQL: several servers may share the database, and its writers run side by side at READ COMMITTED, so a change
/// locks the rows it checks (<see cref="RowLocks"/>), migrations and bill runs take advisory locks, and bulk writes use
/// binary COPY. Statements are prepared by the server (Npgsql's auto-prepare, <see cref="PostgresConnection.WithDefaults"/>).
/// </summary>
internal sealed class PostgresEngine : DatabaseEngine
{
    public static readonly PostgresEngine Instance = new();

    /// <summary>
    /// The generated migrations live in a project of their own (src/Folio.Migrations.Postgres), which the folio executable
    /// references; EF loads it by name.
    /// </summary>
    public const string MigrationsAssembly = "Folio.Migrations.Postgres";

    /// <summary>The advisory lock key that one migrating server holds while others wait ("FolioMig" in ASCII).</summary>
    private const long MigrationLockKey = 0x466F6C696F4D6967;

    private PostgresEngine()
    {
    }

    public override (string Writes, string Reads) ServerConnections(string? setting, string? readSetting)
    {
        var writes = PostgresConnection.WithDefaults(PostgresConnection.ToKeywordForm(setting!));
        var reads = readSetting is { Length: > 0 } standbys ? PostgresConnection.WithDefaults(PostgresConnection.ForReads(writes, standbys)) : writes;
        return (writes, reads);
    }

    public override string ConnectionString(string? setting) => PostgresConnection.ToKeywordForm(setting!);

    protected override void UseDatabase(DbContextOptionsBuilder options, string connectionString)
    {
        options.UseNpgsql(connectionString, npgsql => npgsql.MigrationsHistoryTable(DatabaseSetup.MigrationsHistoryTable).MigrationsAssembly(MigrationsAssembly));
        options.AddInterceptors(PostgresRowLocking.Instance);
    }

    public override void ConfigureConventions(ModelConfigurationBuilder conventions)
    {
        ArgumentNullException.ThrowIfNull(conventions);
        conventions.Properties<DateTimeOffset>().HaveConversion<UniversalTimeConverter>();
        conventions.Properties<DateTimeOffset?>().HaveConversion<UniversalTimeConverter>();
    }

    /// <summary>Creates the database the context names and its migrations history table when they are missing.</summary>
    public override async Task PrepareDatabase(FolioDb db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (db.Database.GetConnectionString() is { } connectionString)
        {
            await PostgresConnection.CreateDatabaseIfMissing(connectionString, cancellationToken);
            await db.GetService<IHistoryRepository>().CreateIfNotExistsAsync(cancellationToken);
        }
    }

    /// <summary>
    /// Migrates holding a session advisory lock on the context's connection, so that servers starting together on a new
    /// database migrate one after the other: EF Core takes its own lock per migration transaction only, and two of them
    /// could both apply the same migration. The lock needs the database, so a missing one is created first.
    /// </summary>
    public override async Task Migrate(FolioDb db, Func<Task> seed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(seed);
        if (db.Database.GetConnectionString() is { } connectionString)
        {
            await PostgresConnection.CreateDatabaseIfMissing(connectionString, cancellationToken);
        }

        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_lock({MigrationLockKey})", cancellationToken);
            try
            {
                await PrepareDatabase(db, cancellationToken);
                await db.Database.MigrateAsync(cancellationToken);
                await seed();
            }
            finally
            {
                await PostgresConnection.ReleaseAdvisoryLock(db, MigrationLockKey);
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    public override Task LockRows(FolioDb db, RowLockMode mode, string table, string column, Guid value, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        // By key there is one row; rows found by another column are locked in id order, so two lockers never wait on each
        // other in a cycle. The table and column are Folio's own names, never input.
        var order = column == "id" ? string.Empty : " ORDER BY id";
        var sql = $"SELECT 1 FROM {table} WHERE {column} = {{0}}{order} {LockingClause(mode)}";
        return db.Database.ExecuteSqlRawAsync(sql, [value], cancellationToken);
    }

    public override async Task LockRows(FolioDb db, RowLockMode mode, string table, IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(ids);
        if (ids.Count == 0)
        {
            return;
        }

        Guid[] array = [.. ids];
        var sql = $"SELECT 1 FROM {table} WHERE id = ANY({{0}}) ORDER BY id {LockingClause(mode)}";
        await db.Database.ExecuteSqlRawAsync(sql, [array], cancellationToken);
    }

    /// <summary>A transaction-scoped advisory lock on the key: the second writer waits, then finds the first one's row.</summary>
    public override async Task LockKey(FolioDb db, string key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtext({key}))", cancellationToken);
    }

    public override IQueryable<T> Claiming<T>(IQueryable<T> query) => query.TagWith(PostgresRowLocking.ClaimTag);

    public override Task<BillRunLock?> TryTakeBillRunLock(FolioDb db, TimeProvider clock, TimeSpan lease, Guid holder, CancellationToken cancellationToken) =>
        PostgresBillRunLock.TryLock(db, cancellationToken);

    public override PlannerStatistics PlannerStatisticsOf(string table) => new PostgresPlannerStatistics(table);

    /// <summary>PostgreSQL's buffers are the server's, shared by every connection: there is nothing to widen per connection.</summary>
    public override Task<IAsyncDisposable?> WidenWriterPageCache(FolioDb db, CancellationToken cancellationToken) => Task.FromResult<IAsyncDisposable?>(null);

    internal override Task BulkInsert<T>(BulkTable table, DbConnection connection, DbTransaction transaction, IReadOnlyCollection<T> rows, CancellationToken cancellationToken) =>
        PostgresBulkWrites.Copy((NpgsqlConnection)connection, table, rows, cancellationToken);

    internal override Task BulkUpdate<T>(BulkTable table, DbConnection connection, DbTransaction transaction, IReadOnlyCollection<T> rows, CancellationToken cancellationToken) =>
        PostgresBulkWrites.InOneBatch((NpgsqlConnection)connection, table.UpdateSql, table.UpdateColumns, rows, cancellationToken);

    protected override bool IsUniqueViolationOf(Exception databaseException) =>
        databaseException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation };

    private static string LockingClause(RowLockMode mode) => mode == RowLockMode.Share ? "FOR SHARE" : "FOR UPDATE";
}
