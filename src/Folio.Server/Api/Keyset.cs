using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;

namespace Folio.Api;

/// <summary>Which way a page goes from its cursor: on along the list's order, or back against it.</summary>
public enum PageDirection : byte
{
    Forward,
    Backward,
}

/// <summary>Where a row stands in a list's order: its value for each sort (none for a list ordered by id), then its id.</summary>
public sealed record PagePosition(DateTimeOffset[] Values, Guid Id)
{
    public static PagePosition OfId(Guid id) => new([], id);
}

/// <summary>
/// Where a page starts: just beyond <see cref="From"/> in <see cref="Direction"/>, or, without a position, at an edge of the
/// list (<see cref="Start"/>: the first page; <see cref="End"/>: the last one).
/// </summary>
public sealed record PageCursor(PageDirection Direction, PagePosition? From)
{
    public static readonly PageCursor Start = new(PageDirection.Forward, null);
    public static readonly PageCursor End = new(PageDirection.Backward, null);

    public static PageCursor After(PagePosition position) => new(PageDirection.Forward, position);

    public static PageCursor Before(PagePosition position) => new(PageDirection.Backward, position);
}

/// <summary>
/// A list's order for keyset paging: zero or more time sorts, each ascending or descending, then the id, which breaks ties
/// in the direction of the last sort (descending when there is no sort: UUIDv7 ids, so newest first).
/// </summary>
public sealed class KeysetOrder<T>
{
    private readonly ParameterExpression _row = Expression.Parameter(typeof(T), "row");
    private readonly (Expression Key, bool Descending)[] _keys;

    public KeysetOrder(IReadOnlyList<(Expression<Func<T, DateTimeOffset>> Key, bool Descending)> sorts, Expression<Func<T, Guid>> id)
    {
        ArgumentNullException.ThrowIfNull(sorts);
        ArgumentNullException.ThrowIfNull(id);
        var idDescending = sorts.Count == 0 || sorts[^1].Descending;
        _keys = [.. sorts.Select(s => (Bind(s.Key), s.Descending)), (Bind(id), idDescending)];
    }

    /// <summary>Newest first: by id, descending.</summary>
    public static KeysetOrder<T> NewestFirst(Expression<Func<T, Guid>> id) => new([], id);

    /// <summary>How many sort values a position of this order holds.</summary>
    public int ValueCount => _keys.Length - 1;

    public IQueryable<T> Ordered(IQueryable<T> rows, bool reverse = false)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var ordered = rows;
        for (var n = 0; n < _keys.Length; n++)
        {
            var (key, descending) = _keys[n];
            var method = (n == 0, descending != reverse) switch
            {
                (true, false) => nameof(Queryable.OrderBy),
                (true, true) => nameof(Queryable.OrderByDescending),
                (false, false) => nameof(Queryable.ThenBy),
                (false, true) => nameof(Queryable.ThenByDescending),
            };
            ordered = ordered.Provider.CreateQuery<T>(Expression.Call(
                typeof(Queryable), method, [typeof(T), key.Type], ordered.Expression, Expression.Quote(Expression.Lambda(key, _row))));
        }

        return ordered;
    }

    /// <summary>
    /// The rows after <paramref name="position"/> in this order, or before it when <paramref name="reverse"/>;
    /// <paramref name="inclusive"/> keeps the row at the position itself.
    /// </summary>
    public IQueryable<T> Beyond(IQueryable<T> rows, PagePosition position, bool reverse = false, bool inclusive = false)
    {
        ArgumentNullException.ThrowIfNull(position);
        if (position.Values.Length != ValueCount)
        {
            throw new ArgumentException("A position holds one value per sort.", nameof(position));
        }

        // Lexicographic: (k1 beyond v1) or (k1 = v1 and k2 beyond v2) or … or (every key equal and id beyond).
        Expression? predicate = null;
        Expression? equalSoFar = null;
        for (var n = 0; n < _keys.Length; n++)
        {
            var (key, descending) = _keys[n];
            var value = n < ValueCount ? Parameter(position.Values[n]) : Parameter(position.Id);
            var orEqual = inclusive && n == _keys.Length - 1;
            var step = (descending != reverse, orEqual) switch
            {
                (false, false) => Expression.GreaterThan(key, value),
                (false, true) => Expression.GreaterThanOrEqual(key, value),
                (true, false) => Expression.LessThan(key, value),
                (true, true) => Expression.LessThanOrEqual(key, value),
            };
            var term = equalSoFar is null ? step : Expression.AndAlso(equalSoFar, step);
            predicate = predicate is null ? term : Expression.OrElse(predicate, term);
            if (n < _keys.Length - 1)
            {
                var equal = Expression.Equal(key, value);
                equalSoFar = equalSoFar is null ? equal : Expression.AndAlso(equalSoFar, equal);
            }
        }

        return rows.Where(Expression.Lambda<Func<T, bool>>(predicate!, _row));
    }

    private Expression Bind(LambdaExpression key) => new Rebind(key.Parameters[0], _row).Visit(key.Body);

    // A member of a captured object rather than a constant, so that the database sees a parameter and reuses its statement.
    private static MemberExpression Parameter<TValue>(TValue value) =>
        Expression.Field(Expression.Constant(new Captured<TValue>(value)), nameof(Captured<TValue>.Value));

    private sealed class Captured<TValue>(TValue value)
    {
#pragma warning disable CA1051 // A field, so that the query's parameter is read the way a closure's would be.
        public readonly TValue Value = value;
#pragma warning restore CA1051
    }

    private sealed class Rebind(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : base.VisitParameter(node);
    }
}

/// <summary>
/// A page read by <see cref="Keyset.Window"/>, in list order. <see cref="Before"/> counts the rows that come before it, up to
/// the limit asked for (0: none); <see cref="MoreAfter"/> says whether any come after it.
/// </summary>
public sealed record KeysetWindow<TRow>(List<TRow> Rows, int Before, bool MoreAfter);

/// <summary>
/// The one keyset walker behind every list. A page is the rows strictly beyond a position, in the list's order or against
/// it, so that it costs one indexed range read wherever it starts. Rows created during a walk have higher ids (and later
/// times) than the rows already seen, so a page never shifts under a client: walking on visits every row once, and
/// walking back returns the pages seen before.
/// </summary>
public static class Keyset
{
    /// <summary>
    /// Reads the page <paramref name="cursor"/> points at (the first page when null). <paramref name="read"/> runs the
    /// query it is given (projection, related rows) and <paramref name="positionOf"/> tells where a row it returned stands.
    /// </summary>
    /// <param name="countBefore">How many rows before the page to count, at most (0: do not look; 1: only whether there are).</param>
    /// <param name="fillFirstPage">Going back to within a page of the start, read the first page instead, so that it is full.</param>
    public static async Task<KeysetWindow<TRow>> Window<T, TRow>(
        IQueryable<T> rows,
        KeysetOrder<T> order,
        PageCursor? cursor,
        int size,
        Func<IQueryable<T>, CancellationToken, Task<List<TRow>>> read,
        Func<TRow, PagePosition> positionOf,
        CancellationToken cancellationToken,
        int countBefore = 0,
        bool fillFirstPage = false)
    {
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(read);
        ArgumentNullException.ThrowIfNull(positionOf);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(size);
        cursor ??= PageCursor.Start;
        var from = cursor.From;
        if (cursor.Direction == PageDirection.Forward)
        {
            var page = await read(order.Ordered(from is null ? rows : order.Beyond(rows, from)).Take(size + 1), cancellationToken);
            var moreAfter = page.Count > size;
            if (moreAfter)
            {
                page.RemoveAt(size);
            }

            var before = from is null || countBefore == 0
                ? 0
                : await Count(page.Count > 0 ? order.Beyond(rows, positionOf(page[0]), reverse: true) : order.Beyond(rows, from, reverse: true, inclusive: true), countBefore, cancellationToken);
            return new KeysetWindow<TRow>(page, before, moreAfter);
        }

        var backward = await read(order.Ordered(from is null ? rows : order.Beyond(rows, from, reverse: true), reverse: true).Take(size + 1), cancellationToken);
        if (fillFirstPage && backward.Count <= size)
        {
            return await Window(rows, order, PageCursor.Start, size, read, positionOf, cancellationToken, countBefore, fillFirstPage: false);
        }

        var moreBefore = backward.Count > size;
        if (moreBefore)
        {
            backward.RemoveAt(size);
        }

        backward.Reverse();
        var counted = !moreBefore || countBefore == 0 ? (moreBefore ? 1 : 0)
            : countBefore == 1 ? 1
            : await Count(order.Beyond(rows, positionOf(backward[0]), reverse: true), countBefore, cancellationToken);
        var after = from is not null && (backward.Count > 0
            ? await order.Beyond(rows, positionOf(backward[^1])).AnyAsync(cancellationToken)
            : await order.Beyond(rows, from, inclusive: true).AnyAsync(cancellationToken));
        return new KeysetWindow<TRow>(backward, counted, after);
    }

    private static async Task<int> Count<T>(IQueryable<T> rows, int limit, CancellationToken cancellationToken) =>
        limit == 1 ? (await rows.AnyAsync(cancellationToken) ? 1 : 0) : await rows.Take(limit).CountAsync(cancellationToken);
}
