using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Folio.Data.Postgres;

/// <summary>
/// Recognizes a PostgreSQL setting and turns its URI form (postgres://user:pass@host:port/db?…) into Npgsql's keyword form
/// with Folio's defaults; creates a missing database; lets go of a session advisory lock.
/// </summary>
public static class PostgresConnection
{
    public static bool IsPostgres(string? setting)
    {
        var value = setting?.Trim() ?? string.Empty;
        return IsUri(value) || value.StartsWith("Host=", StringComparison.OrdinalIgnoreCase) || value.StartsWith("Server=", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Npgsql's auto-prepare, unless the connection string sets it (Max Auto Prepare=0 turns it off).</summary>
    public const int DefaultMaxAutoPrepare = 64;

    /// <summary>
    /// Folio's defaults for what the connection string leaves unsaid.
    /// Folio sends a small, fixed set of statements, so each connection prepares them on the server once they repeat
    /// (Npgsql's auto-prepare) and PostgreSQL stops parsing and planning them per request. A pooler that cannot keep
    /// prepared statements (PgBouncer before 1.21 in transaction mode) needs Max Auto Prepare=0 in the connection string.
    /// Folio leaves no session state on a connection it hands back to the pool (its session advisory locks are released
    /// in finally blocks, and a connection whose release failed is dropped from the pool), so the seven-statement reset
    /// Npgsql would otherwise send before each reuse is skipped (No Reset On Close), unless the connection string says.
    /// </summary>
    public static string WithDefaults(string keywordForm)
    {
        var builder = new NpgsqlConnectionStringBuilder(keywordForm);
        var given = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = builder.ConnectionString };
        if (!given.ContainsKey("Max Auto Prepare"))
        {
            builder.MaxAutoPrepare = DefaultMaxAutoPrepare;
        }

        if (!given.ContainsKey("No Reset On Close"))
        {
            builder.NoResetOnClose = true;
        }

        return builder.ConnectionString;
    }

    /// <summary>
    /// Lets go of a session advisory lock. A connection that could not release it leaves the pool instead of carrying
    /// the lock to its next user (connections are not reset between users, see <see cref="WithDefaults"/>).
    /// </summary>
    public static async Task ReleaseAdvisoryLock(FolioDb db, long key)
    {
        ArgumentNullException.ThrowIfNull(db);
        try
        {
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_unlock({key})", CancellationToken.None);
        }
        catch (Exception) when (db.Database.GetDbConnection() is NpgsqlConnection connection)
        {
            NpgsqlConnection.ClearPool(connection);
            throw;
        }
    }

    public static string ToKeywordForm(string setting)
    {
        ArgumentNullException.ThrowIfNull(setting);
        var value = setting.Trim();
        if (!IsUri(value))
        {
            return new NpgsqlConnectionStringBuilder(value).ConnectionString;
        }

        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || string.IsNullOrEmpty(uri.Host))
        {
            throw new InvalidOperationException($"{DatabaseSetup.Setting} is not a valid PostgreSQL URI (postgres://user:password@host:port/database).");
        }

        var builder = new NpgsqlConnectionStringBuilder { Host = uri.Host.Trim('[', ']') };
        if (!uri.IsDefaultPort && uri.Port > 0)
        {
            builder.Port = uri.Port;
        }

        if (uri.UserInfo.Length > 0)
        {
            var separator = uri.UserInfo.IndexOf(':', StringComparison.Ordinal);
            builder.Username = Uri.UnescapeDataString(separator < 0 ? uri.UserInfo : uri.UserInfo[..separator]);
            if (separator >= 0)
            {
                builder.Password = Uri.UnescapeDataString(uri.UserInfo[(separator + 1)..]);
            }
        }

        var database = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/'));
        if (database.Length > 0)
        {
            builder.Database = database;
        }

        foreach (var pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var key = Uri.UnescapeDataString(equals < 0 ? pair : pair[..equals]);
            var parameter = Uri.UnescapeDataString(equals < 0 ? string.Empty : pair[(equals + 1)..]);
            // libpq spells options in lower case without spaces (sslmode); Npgsql accepts those spellings too.
            builder[key] = parameter;
        }

        return builder.ConnectionString;
    }

    /// <summary>
    /// Creates the named database when it is missing, from the server's maintenance database. EF would create it too, but
    /// only after logging a failed connection to it, which reads to an operator as if <c>folio migrate</c> had failed. When
    /// the maintenance database is out of reach, EF's own attempt (and its error, if any) follows.
    /// </summary>
    public static async Task CreateDatabaseIfMissing(string connectionString, CancellationToken cancellationToken)
    {
        var target = new NpgsqlConnectionStringBuilder(connectionString);
        if (string.IsNullOrEmpty(target.Database))
        {
            return;
        }

        var maintenance = new NpgsqlConnectionStringBuilder(connectionString) { Database = "postgres", Pooling = false };
        try
        {
            await using var connection = new NpgsqlConnection(maintenance.ConnectionString);
            await connection.OpenAsync(cancellationToken);
            await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = $1", connection) { Parameters = { new() { Value = target.Database } } };
            if (await exists.ExecuteScalarAsync(cancellationToken) is null)
            {
                await using var create = new NpgsqlCommand($"CREATE DATABASE \"{target.Database.Replace("\"", "\"\"", StringComparison.Ordinal)}\"", connection);
                await create.ExecuteNonQueryAsync(cancellationToken);
            }
        }
        catch (NpgsqlException)
        {
            // No right to the maintenance database or to create one: the migration reports what is wrong with the target.
        }
    }

    private static bool IsUri(string value) =>
        value.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase) || value.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The connection string of reads: the standbys named by <paramref name="standbys"/> (Npgsql's multi-host form,
    /// <c>Host=standby1,standby2</c>, or a URI), with the primary after them, preferring a standby and spreading
    /// connections over them; when no standby answers, reads go to the primary. Credentials and database come from the
    /// standby setting where it names them, from the primary's otherwise.
    /// </summary>
    public static string ForReads(string primary, string standbys)
    {
        var main = new NpgsqlConnectionStringBuilder(primary);
        var reads = new NpgsqlConnectionStringBuilder(ToKeywordForm(standbys));
        var primaryHost = $"{main.Host}:{main.Port}";
        reads.Host = string.Join(',', reads.Host!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(host => host.Contains(':', StringComparison.Ordinal) ? host : $"{host}:{reads.Port}")
            .Append(primaryHost));
        reads.Username ??= main.Username;
        reads.Password ??= main.Password;
        reads.Database ??= main.Database;
        reads.TargetSessionAttributes = "prefer-standby";
        reads.LoadBalanceHosts = true;
        return reads.ConnectionString;
    }
}
