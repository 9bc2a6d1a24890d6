using System.Data.Common;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Folio.Data.Postgres;

/// <summary>
/// Turns a query tagged with <see cref="RowLocks.ForUpdate{T}"/> into a locking read on PostgreSQL: FOR UPDATE OF the
/// query's first table, so the row is locked as it is read instead of in a round trip of its own beforehand. EF Core has
/// no locking clause of its own, and the query tag is how its documentation suggests adding such hints.
/// </summary>
internal sealed partial class PostgresRowLocking : DbCommandInterceptor
{
    public static readonly PostgresRowLocking Instance = new();

    /// <summary>Marks a query whose root rows a claimer takes: FOR UPDATE OF them, SKIP LOCKED (<see cref="DatabaseEngine.Claiming{T}"/>).</summary>
    public const string ClaimTag = "folio:claim";

    private static readonly string Marker = $"-- {RowLocks.ForUpdateTag}";
    private static readonly string ClaimMarker = $"-- {ClaimTag}";

    private PostgresRowLocking()
    {
    }

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Lock(command);
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Lock(command);
        return ValueTask.FromResult(result);
    }

    private static void Lock(DbCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        var sql = command.CommandText;
        var claim = sql.StartsWith(ClaimMarker, StringComparison.Ordinal);
        if (!claim && !sql.StartsWith(Marker, StringComparison.Ordinal))
        {
            return;
        }

        // The rows of the first table read (the aggregate's root); the lines joined to it are not locked, a root's lock covers them.
        var root = FirstTable().Match(sql);
        if (!root.Success)
        {
            throw new InvalidOperationException($"A query tagged {RowLocks.ForUpdateTag} has no table to lock: {sql}");
        }

        command.CommandText = $"{sql}\nFOR UPDATE OF {root.Groups["alias"].Value}{(claim ? " SKIP LOCKED" : string.Empty)}";
    }

    [GeneratedRegex(@"\bFROM\s+""?\w+""?\s+AS\s+(?<alias>""?\w+""?)", RegexOptions.CultureInvariant)]
    private static partial Regex FirstTable();
}
