using System.Data.Common;
using Folio.BillRuns;
using Folio.Data.Postgres;
using Folio.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Folio.Data;

/// <summary>
/// What differs between SQLite and PostgreSQL, and nothing else: how a context is configured, how the schema is migrated,
/// row locks, the bill run's one-at-a-time lock, how a unique key refusal looks, planner statistics, the writer's page
/// cache and bulk writes. Chosen once from the setting (<see cref="For"/>); every context carries the engine it was
/// configured by (<see cref="FolioBooks.Engine"/>), so that no feature asks which database it is on.
/// <see cref="Sqlite.SqliteEngine"/> and <see cref="Postgres.PostgresEngine"/> are the only two.
/// </summary>
public abstract class DatabaseEngine
{
    private protected DatabaseEngine()
    {
    }

    /// <summary>PostgreSQL for a <c>Host=…</c> connection string or a <c>postgres://</c> URI, otherwise SQLite.</summary>
    public static DatabaseEngine For(string? setting) => PostgresConnection.IsPostgres(setting) ? PostgresEngine.Instance : SqliteEngine.Instance;

    /// <summary>The engine a context's options were configured by (see <see cref="Configure"/>).</summary>
    internal static DatabaseEngine Of(DbContextOptions options) =>
        options.FindExtension<DatabaseEngineExtension>()?.Engine
        ?? throw new InvalidOperationException($"Folio's contexts are configured by {nameof(DatabaseEngine)}.{nameof(Configure)}.");

    /// <summary>The connection strings of the server's contexts: the primary's, and the one of reads (a standby, or the same).</summary>
    public abstract (string Writes, string Reads) ServerConnections(string? setting, string? readSetting);

    /// <summary>The connection string of a context of its own on the database the setting names (a command's, a copy's target).</summary>
    public abstract string ConnectionString(string? setting);

    /// <summary>Configures a context for this engine on <paramref name="connectionString"/>, and makes it carry the engine.</summary>
    public void Configure(DbContextOptionsBuilder options, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(options);
        UseDatabase(options, connectionString);
        options.ReplaceService<IModelCacheKeyFactory, ProviderModelCacheKeyFactory>();
        ((IDbContextOptionsBuilderInfrastructure)options).AddOrUpdateExtension(new DatabaseEngineExtension(this));
    }

    /// <summary>The provider, its migrations, and what the engine adds to every command or connection.</summary>
    protected abstract void UseDatabase(DbContextOptionsBuilder options, string connectionString);

    /// <summary>How the model stores what the engine has no column type of its own for (times).</summary>
    public abstract void ConfigureConventions(ModelConfigurationBuilder conventions);

    /// <summary>Makes the database ready for EF to read which migrations it has, without logging a failed query first.</summary>
    public abstract Task PrepareDatabase(FolioDb db, CancellationToken cancellationToken);

    /// <summary>
    /// Applies this engine's pending migrations and then <paramref name="seed"/> (what every installation has from the start),
    /// so that servers starting together on a new database do not both apply a migration.
    /// </summary>
    public abstract Task Migrate(FolioDb db, Func<Task> seed, CancellationToken cancellationToken);

    /// <summary>
    /// Locks, in the caller's transaction, the rows of <paramref name="table"/> whose <paramref name="column"/> holds
    /// <paramref name="value"/>; see <see cref="RowLocks"/> for why and in which order.
    /// </summary>
    public abstract Task LockRows(FolioDb db, RowLockMode mode, string table, string column, Guid value, CancellationToken cancellationToken);

    /// <summary>Locks, in the caller's transaction, the rows of <paramref name="table"/> with these ids, in id order.</summary>
    public abstract Task LockRows(FolioDb db, RowLockMode mode, string table, IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken);

    /// <summary>Locks a name, in the caller's transaction, for a row that may not exist yet.</summary>
    public abstract Task LockKey(FolioDb db, string key, CancellationToken cancellationToken);

    /// <summary>
    /// Marks a query whose rows the caller takes for itself in its transaction (a queue's next batch): several processes
    /// claiming at once each get other rows, none waits for another. PostgreSQL locks the rows read and skips the rows
    /// others hold; SQLite's one writer holds the whole database, so the query stays as it is.
    /// </summary>
    public abstract IQueryable<T> Claiming<T>(IQueryable<T> query);

    /// <summary>Takes the one-bill-run-at-a-time lock with <paramref name="db"/>, a context used for nothing else meanwhile; null when another run holds it.</summary>
    public abstract Task<BillRunLock?> TryTakeBillRunLock(FolioDb db, TimeProvider clock, TimeSpan lease, Guid holder, CancellationToken cancellationToken);

    /// <summary>Keeps the planner's statistics of a table a bulk writer grows in step with it.</summary>
    public abstract PlannerStatistics PlannerStatisticsOf(string table);

    /// <summary>Gives a bulk writer's connection a page cache to match, until disposed; null when the engine has nothing to widen.</summary>
    public abstract Task<IAsyncDisposable?> WidenWriterPageCache(FolioDb db, CancellationToken cancellationToken);

    /// <summary>Writes new rows in the caller's transaction, outside the change tracker (see <see cref="BulkWrites"/>).</summary>
    internal abstract Task BulkInsert<T>(BulkTable table, DbConnection connection, DbTransaction transaction, IReadOnlyCollection<T> rows, CancellationToken cancellationToken)
        where T : class;

    /// <summary>Writes changed rows by key in the caller's transaction, outside the change tracker (see <see cref="BulkWrites"/>).</summary>
    internal abstract Task BulkUpdate<T>(BulkTable table, DbConnection connection, DbTransaction transaction, IReadOnlyCollection<T> rows, CancellationToken cancellationToken)
        where T : class;

    /// <summary>True when the database refused a write because it would repeat a unique key: the <see cref="DbUpdateException"/> EF throws, or the database's own.</summary>
    public bool IsUniqueViolation(Exception exception) =>
        IsUniqueViolationOf(exception is DbUpdateException { InnerException: { } inner } ? inner : exception);

    protected abstract bool IsUniqueViolationOf(Exception databaseException);
}

/// <summary>How strongly <see cref="DatabaseEngine.LockRows(FolioDb, RowLockMode, string, string, Guid, CancellationToken)"/> holds rows.</summary>
public enum RowLockMode
{
    /// <summary>The caller will change the rows: every other locker waits.</summary>
    Update,

    /// <summary>The rows must stay as read: writers wait, other keepers do not.</summary>
    Share,
}
