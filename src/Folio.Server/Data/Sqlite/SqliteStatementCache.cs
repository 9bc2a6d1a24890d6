using System.Data;
using System.Data.Common;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Folio.Data.Sqlite;

/// <summary>
/// Runs each query SQL on a connection through a statement SQLite compiled once, instead of compiling it on every request:
/// compiling the invoice query costs SQLite more than running it. Microsoft.Data.Sqlite keeps a command's statements
/// only as long as the command, and EF disposes its commands after each query, so EF is handed a reusable command here.
/// Only queries are cached (their SQL repeats); the statements of a connection go when it closes.
/// </summary>
internal sealed class SqliteStatementCache : DbCommandInterceptor
{
    public static readonly SqliteStatementCache Instance = new();

    private readonly ConditionalWeakTable<SqliteConnection, ConnectionStatements> _connections = [];

    private SqliteStatementCache()
    {
    }

    public override DbCommand CommandInitialized(CommandEndEventData eventData, DbCommand result)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        if (eventData.CommandSource != CommandSource.LinqQuery || result is not SqliteCommand { Connection: { } connection } command)
        {
            return result;
        }

        var statements = _connections.GetValue(connection, static c => new ConnectionStatements(c));
        return statements.Take(command) ?? result;
    }

    /// <summary>The prepared statements of one connection, least recently used evicted beyond a bound.</summary>
    private sealed class ConnectionStatements
    {
        private const int Capacity = 64;

        private readonly SqliteConnection _connection;
        private readonly Dictionary<string, ReusableCommand> _commands = new(StringComparer.Ordinal);
        private long _uses;

        public ConnectionStatements(SqliteConnection connection)
        {
            _connection = connection;
            connection.StateChange += (_, change) =>
            {
                if (change.CurrentState == ConnectionState.Closed)
                {
                    // Closing disposed the statements; the commands must not outlive them.
                    _commands.Clear();
                }
            };
        }

        /// <summary>The reusable command for this SQL, loaded with the parameters of <paramref name="fresh"/>; null when it is busy.</summary>
        public ReusableCommand? Take(SqliteCommand fresh)
        {
            if (!_commands.TryGetValue(fresh.CommandText, out var reusable))
            {
                if (_commands.Count >= Capacity && !TryEvict())
                {
                    return null;
                }

                reusable = new ReusableCommand(_connection.CreateCommand(), fresh.CommandText);
                _commands.Add(fresh.CommandText, reusable);
            }
            else if (reusable.InUse)
            {
                // The same query nested inside its own results: let EF use its own command.
                return null;
            }

            reusable.Load(fresh, ++_uses);
            fresh.Dispose();
            return reusable;
        }

        private bool TryEvict()
        {
            var oldest = default(KeyValuePair<string, ReusableCommand>?);
            foreach (var entry in _commands)
            {
                if (!entry.Value.InUse && (oldest is null || entry.Value.LastUse < oldest.Value.Value.LastUse))
                {
                    oldest = entry;
                }
            }

            if (oldest is not { } evicted)
            {
                return false;
            }

            _commands.Remove(evicted.Key);
            evicted.Value.Release();
            return true;
        }
    }

    /// <summary>A command whose Dispose hands it back for the next query with the same SQL instead of finalizing its statements.</summary>
    private sealed class ReusableCommand : DbCommand
    {
        private readonly SqliteCommand _inner;

        public ReusableCommand(SqliteCommand inner, string sql)
        {
            _inner = inner;
            _inner.CommandText = sql;
        }

        public bool InUse { get; private set; }

        public long LastUse { get; private set; }

        [AllowNull]
        public override string CommandText
        {
            get => _inner.CommandText;
            set
            {
                if (!string.Equals(value, _inner.CommandText, StringComparison.Ordinal))
                {
                    throw new InvalidOperationException("A cached statement's SQL cannot change.");
                }
            }
        }

        public override int CommandTimeout { get => _inner.CommandTimeout; set => _inner.CommandTimeout = value; }

        public override CommandType CommandType { get => _inner.CommandType; set => _inner.CommandType = value; }

        public override bool DesignTimeVisible { get => _inner.DesignTimeVisible; set => _inner.DesignTimeVisible = value; }

        public override UpdateRowSource UpdatedRowSource { get => _inner.UpdatedRowSource; set => _inner.UpdatedRowSource = value; }

        protected override DbConnection? DbConnection { get => _inner.Connection; set => throw new InvalidOperationException("A cached statement belongs to its connection."); }

        protected override DbParameterCollection DbParameterCollection => _inner.Parameters;

        protected override DbTransaction? DbTransaction { get => _inner.Transaction; set => _inner.Transaction = (SqliteTransaction?)value; }

        public void Load(SqliteCommand fresh, long use)
        {
            InUse = true;
            LastUse = use;
            _inner.Transaction = fresh.Transaction;
            _inner.CommandTimeout = fresh.CommandTimeout;
            _inner.Parameters.Clear();
            foreach (SqliteParameter parameter in fresh.Parameters)
            {
                _inner.Parameters.Add(parameter);
            }

            fresh.Parameters.Clear();
        }

        /// <summary>Finalizes the statements for good (eviction).</summary>
        public void Release() => _inner.Dispose();

        public override void Cancel() => _inner.Cancel();

        public override int ExecuteNonQuery() => _inner.ExecuteNonQuery();

        public override object? ExecuteScalar() => _inner.ExecuteScalar();

        public override void Prepare() => _inner.Prepare();

        protected override DbParameter CreateDbParameter() => _inner.CreateParameter();

        protected override DbDataReader ExecuteDbDataReader(CommandBehavior behavior) => _inner.ExecuteReader(behavior);

        protected override void Dispose(bool disposing)
        {
            // Back to the cache: the statements stay compiled, the parameters and transaction of this query go.
            _inner.Parameters.Clear();
            _inner.Transaction = null;
            InUse = false;
            base.Dispose(disposing);
        }
    }
}
