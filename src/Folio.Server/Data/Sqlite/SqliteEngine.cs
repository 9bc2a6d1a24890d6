using System.Data.Common;
using Folio.BillRuns;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Folio.Data.Sqlite;

/// <summary>
/// SQLite: one file on one machine, and one writer at a time, which holds the database's write lock from the start of its
/// transaction (Microsoft.Data.Sqlite begins them IMMEDIATE), so a change needs no row locks. What it costs per request
/// is compiling statements and opening connections, hence the kept-open connection and the statement cache.
/// </summary>
internal sealed class SqliteEngine : DatabaseEngine
{
    public static readonly SqliteEngine Instance = new();

    /// <summary>
    /// The generated migrations live in a project of their own (src/Folio.Migrations.Sqlite), which the folio executable
    /// references; EF loads it by name.
    /// </summary>
    public const string MigrationsAssembly = "Folio.Migrations.Sqlite";

    public const string DefaultFile = "data/folio.db";

    // SQLITE_CONSTRAINT_UNIQUE: a unique index refused the row; SQLITE_CONSTRAINT_PRIMARYKEY: the primary key did.
    private const int UniqueConstraintFailed = 2067;
    private const int PrimaryKeyConstraintFailed = 1555;

    private SqliteEngine()
    {
    }

    /// <summary>Reads and writes go to the one file; standbys are PostgreSQL's.</summary>
    public override (string Writes, string Reads) ServerConnections(string? setting, string? readSetting)
    {
        if (!string.IsNullOrWhiteSpace(readSetting))
        {
            throw new InvalidOperationException($"{DatabaseSetup.ReadSetting} names PostgreSQL standbys; it needs {DatabaseSetup.Setting} to name their PostgreSQL primary.");
        }

        var connectionString = ConnectionString(setting);
        return (connectionString, connectionString);
    }

    /// <summary>Turns the setting into a SQLite connection string: a bare path is a file, created with its folder on first use.</summary>
    public override string ConnectionString(string? setting)
    {
        var value = string.IsNullOrWhiteSpace(setting) ? DefaultFile : setting.Trim();
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

    protected override void UseDatabase(DbContextOptionsBuilder options, string connectionString)
    {
        options.UseSqlite(connectionString, sqlite => sqlite.MigrationsHistoryTable(DatabaseSetup.MigrationsHistoryTable).MigrationsAssembly(MigrationsAssembly));
        SqliteKeptOpenConnection.Use(options);
        options.AddInterceptors(SqliteStatementCache.Instance);
    }

    public override void ConfigureConventions(ModelConfigurationBuilder conventions)
    {
        ArgumentNullException.ThrowIfNull(conventions);
        conventions.Properties<DateTimeOffset>().HaveConversion<UtcTicksConverter>();
        conventions.Properties<DateTimeOffset?>().HaveConversion<UtcTicksConverter>();
    }

    /// <summary>Nothing to prepare: opening the file creates it.</summary>
    public override Task PrepareDatabase(FolioDb db, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// EF Core's lock row keeps two migrating processes apart. Write-ahead-log mode, once set, stays with the file: readers
    /// run beside the writer.
    /// </summary>
    public override async Task Migrate(FolioDb db, Func<Task> seed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(seed);
        await db.Database.MigrateAsync(cancellationToken);
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        await seed();
    }

    /// <summary>Nothing to lock: the writer holds the whole database.</summary>
    public override Task LockRows(FolioDb db, RowLockMode mode, string table, string column, Guid value, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Nothing to lock: the writer holds the whole database.</summary>
    public override Task LockRows(FolioDb db, RowLockMode mode, string table, IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Nothing to lock: the writer holds the whole database.</summary>
    public override Task LockKey(FolioDb db, string key, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>SQLite has no lock that outlives a transaction: a lease row (<see cref="BillRunLease"/>).</summary>
    public override Task<BillRunLock?> TryTakeBillRunLock(FolioDb db, TimeProvider clock, TimeSpan lease, Guid holder, CancellationToken cancellationToken) =>
        BillRunLeaseLock.TryLease(db, clock, lease, holder, cancellationToken);

    /// <summary>Folio never runs ANALYZE on SQLite: without statistics its planner goes by the schema alone, so a growing table changes no plan.</summary>
    public override PlannerStatistics PlannerStatisticsOf(string table) => PlannerStatistics.None;

    public override Task<IAsyncDisposable?> WidenWriterPageCache(FolioDb db, CancellationToken cancellationToken) => SqliteWriterPageCache.Widen(db, cancellationToken);

    internal override Task BulkInsert<T>(BulkTable table, DbConnection connection, DbTransaction transaction, IReadOnlyCollection<T> rows, CancellationToken cancellationToken) =>
        SqliteBulkWrites.OneByOne(connection, transaction, table.InsertSql, table.Columns, rows, cancellationToken);

    internal override Task BulkUpdate<T>(BulkTable table, DbConnection connection, DbTransaction transaction, IReadOnlyCollection<T> rows, CancellationToken cancellationToken) =>
        SqliteBulkWrites.OneByOne(connection, transaction, table.UpdateSql, table.UpdateColumns, rows, cancellationToken);

    protected override bool IsUniqueViolationOf(Exception databaseException) =>
        databaseException is SqliteException { SqliteExtendedErrorCode: UniqueConstraintFailed or PrimaryKeyConstraintFailed };
}
