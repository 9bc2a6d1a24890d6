using System.Net.Http.Headers;
using Folio.ApiKeys;
using Folio.BillRuns;
using Folio.Data;
using Folio.ExchangeRates;
using Folio.Hosting;
using Folio.Webhooks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace Folio.Tests.Support;

/// <summary>
/// The real Folio pipeline on a test server, over its own SQLite file, with a clock the tests move. When
/// <see cref="PostgresVariable"/> names a PostgreSQL server, over a database of its own there instead, dropped at the end.
/// One per test class; tests create their own customers so they never depend on each other.
/// </summary>
public class FolioApp : IAsyncLifetime
{
    public static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private WebApplication? _app;

    /// <summary>The app whose database this one shares (it neither creates nor removes it); null for an app of its own.</summary>
    private FolioApp? _sharing;

    private string? _database;

    /// <summary>Books that exist before the app starts (a SQLite file or a PostgreSQL connection string); null for new books of its own.</summary>
    private string? _existing;

    public FakeTimeProvider Clock { get; private init; } = new(Start);

    /// <summary>
    /// The pipeline over books that already exist (a SQLite file, or a PostgreSQL connection string naming its database), as
    /// they are, with the clock at <paramref name="now"/>: nothing is migrated, no rate is set and no key is created, and the
    /// books are left in place at the end (whoever made them removes them). <see cref="AdminKey"/> stays empty.
    /// </summary>
    public static FolioApp OnExisting(string database, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(database);
        return new FolioApp { _existing = database, Clock = new FakeTimeProvider(now) };
    }

    /// <summary>A PostgreSQL server (keyword connection string, no database) to run every FolioApp on instead of SQLite.</summary>
    public const string PostgresVariable = "FOLIO_TEST_POSTGRES";

    public static string? PostgresServer => Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } server ? server : null;

    public static bool OnPostgres => PostgresServer is not null;

    public string DatabasePath { get; } = Path.Combine(Path.GetTempPath(), "folio-tests", $"{Guid.NewGuid():N}.db");

    private readonly string _postgresDatabase = $"folio_{Guid.NewGuid():N}";

    public string AdminKey { get; private set; } = string.Empty;

    /// <summary>The rates to US dollars set before each test class; a currency left out (CHF, GBP) has none.</summary>
    public static readonly IReadOnlyDictionary<string, decimal> Rates = new Dictionary<string, decimal> { ["EUR"] = 1.1m, ["JPY"] = 0.0065m, ["BHD"] = 2.6525m };

    public CapturedLogs Logs { get; } = new();

    public IServiceProvider Services => _app!.Services;

    /// <summary>Configuration a test class needs beyond the defaults, such as a number pattern.</summary>
    protected virtual IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>();

    /// <summary>A second server on the books of <paramref name="first"/>, as another Folio process on the same database would be.</summary>
    public static FolioApp OnTheBooksOf(FolioApp first)
    {
        ArgumentNullException.ThrowIfNull(first);
        return new FolioApp { _sharing = first };
    }

    public async Task InitializeAsync()
    {
        var database = _sharing is not null ? _sharing._database! : _existing ?? (OnPostgres ? await CreatePostgresDatabase() : DatabasePath);
        _database = database;
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Testing", ContentRootPath = AppContext.BaseDirectory });
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders();
        builder.Logging.AddProvider(Logs);
        builder.Configuration[DatabaseSetup.Setting] = database;
        // The bill run runs when a test asks for it; a test class that wants the schedule turns it on in Settings.
        builder.Configuration[BillRunSchedule.Setting] = "off";
        // So are the events' clean-up and past-due check: a test class that wants them turns them on.
        builder.Configuration["Folio:Events:CleanupMinutes"] = "0";
        builder.Configuration["Folio:Events:PastDueCheckMinutes"] = "0";
        // Tests drive one key far past a real client's pace; a test class of the budgets turns them on in Settings.
        builder.Configuration["Folio:RateLimits:Enabled"] = "false";
        // Events are dispatched and webhooks sent in test classes that ask for it (Webhooks/WebhookApp), so that no
        // background write lands between two reads of the books elsewhere.
        builder.Configuration[$"{WebhookOptions.Section}:{nameof(WebhookOptions.Deliver)}"] = "false";
        foreach (var (key, value) in Settings)
        {
            builder.Configuration[key] = value;
        }

        builder.AddFolio();
        builder.Services.Replace(ServiceDescriptor.Singleton<TimeProvider>(Clock));
        _app = builder.Build();
        if (_existing is null)
        {
            await Seed(_app);
        }

        _app.UseFolio();
        await _app.StartAsync();
    }

    private async Task Seed(WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FolioDb>();
        await db.MigrateAsync(Clock, scope.ServiceProvider.GetService<IDataProtectionProvider>());
        foreach (var (currency, usdPerUnit) in Rates)
        {
            await ExchangeRateOperations.Set(db, Clock, currency, usdPerUnit, default);
        }

        var created = await ApiKeyOperations.Create(db, Clock, new CreateApiKeyRequest(ApiKeyScope.Admin, "tests"), default);
        AdminKey = created.Value.Secret;
    }

    public virtual async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        if (_sharing is not null)
        {
            return;
        }

        if (_existing is not null)
        {
            // The books stay; only this process's pooled connections to them go.
            NpgsqlConnection.ClearAllPools();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            return;
        }

        if (OnPostgres)
        {
            await DropPostgresDatabase();
            return;
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { string.Empty, "-wal", "-shm" })
        {
            File.Delete(DatabasePath + suffix);
        }
    }

    private async Task<string> CreatePostgresDatabase()
    {
        await using (var server = new NpgsqlConnection(PostgresServer))
        {
            await server.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {_postgresDatabase}", server);
            await create.ExecuteNonQueryAsync();
        }

        return new NpgsqlConnectionStringBuilder(PostgresServer) { Database = _postgresDatabase }.ConnectionString;
    }

    private async Task DropPostgresDatabase()
    {
        NpgsqlConnection.ClearAllPools();
        await using var server = new NpgsqlConnection(PostgresServer);
        await server.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_postgresDatabase} WITH (FORCE)", server);
        await drop.ExecuteNonQueryAsync();
    }

    public HttpClient Client(string? key)
    {
        var client = _app!.GetTestClient();
        if (key is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }

        return client;
    }

    public HttpClient Admin() => Client(AdminKey);

    public Books Books() => new(Admin());

    /// <summary>Reads the books directly, for facts the API does not show (how a key is stored).</summary>
    public async Task<T> Query<T>(Func<FolioDb, Task<T>> query)
    {
        await using var scope = _app!.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<FolioDb>());
    }
}
