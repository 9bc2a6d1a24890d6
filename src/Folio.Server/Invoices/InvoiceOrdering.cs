using System.Linq.Expressions;
using Folio.Domain.Invoicing;

namespace Folio.Invoices;

public enum InvoiceSortField
{
    CreatedAt,
    DueAt,
}

public sealed record InvoiceSort(InvoiceSortField Field, bool Descending);

/// <summary>Where an invoice stands in an ordering: its value for each sort, then its id, which breaks ties.</summary>
public sealed record InvoicePosition(IReadOnlyList<DateTimeOffset> Values, Guid Id);

/// <summary>
/// Orders invoices by creation or due time and walks them by keyset: a page starts strictly after (or before) the position
/// of a row already seen, so rows inserted while a client walks never make it see a row twice, and a page costs the same
/// wherever it starts. Ties are broken by id, in the direction of the last sort.
/// </summary>
public static class InvoiceOrdering
{
    /// <summary>A draft has no due date yet: it sorts as if due at the end of time, after every dated invoice when ascending.</summary>
    public static readonly DateTimeOffset Undated = DateTimeOffset.MaxValue;

    public static IQueryable<Invoice> OrderedBy(this IQueryable<Invoice> invoices, IReadOnlyList<InvoiceSort> sorts, bool reverse = false)
    {
        ArgumentNullException.ThrowIfNull(sorts);
        var row = Expression.Parameter(typeof(Invoice), "i");
        var ordered = invoices;
        var first = true;
        foreach (var (key, descending) in Keys(sorts, row, reverse))
        {
            var method = (first, descending) switch
            {
                (true, false) => nameof(Queryable.OrderBy),
                (true, true) => nameof(Queryable.OrderByDescending),
                (false, false) => nameof(Queryable.ThenBy),
                (false, true) => nameof(Queryable.ThenByDescending),
            };
            var selector = Expression.Lambda(key, row);
            ordered = ordered.Provider.CreateQuery<Invoice>(Expression.Call(
                typeof(Queryable), method, [typeof(Invoice), key.Type], ordered.Expression, Expression.Quote(selector)));
            first = false;
        }

        return ordered;
    }

    /// <summary>
    /// The invoices that come after <paramref name="position"/> in the ordering, or before it when <paramref name="reverse"/>;
    /// <paramref name="inclusive"/> keeps the invoice at the position itself.
    /// </summary>
    public static IQueryable<Invoice> Beyond(this IQueryable<Invoice> invoices, IReadOnlyList<InvoiceSort> sorts, InvoicePosition position, bool reverse = false, bool inclusive = false)
    {
        ArgumentNullException.ThrowIfNull(sorts);
        ArgumentNullException.ThrowIfNull(position);
        if (position.Values.Count != sorts.Count)
        {
            throw new ArgumentException("A position holds one value per sort.", nameof(position));
        }

        // Lexicographic: (k1 beyond v1) or (k1 = v1 and k2 beyond v2) or … or (every key equal and id beyond).
        var row = Expression.Parameter(typeof(Invoice), "i");
        var keys = Keys(sorts, row, reverse).ToList();
        Expression[] values = [.. position.Values.Select(v => Parameter(v)), Parameter(position.Id)];
        Expression? predicate = null;
        Expression? equalSoFar = null;
        for (var n = 0; n < keys.Count; n++)
        {
            var (key, descending) = keys[n];
            var orEqual = inclusive && n == keys.Count - 1;
            var step = (descending, orEqual) switch
            {
                (false, false) => Expression.GreaterThan(key, values[n]),
                (false, true) => Expression.GreaterThanOrEqual(key, values[n]),
                (true, false) => Expression.LessThan(key, values[n]),
                (true, true) => Expression.LessThanOrEqual(key, values[n]),
            };
            var term = equalSoFar is null ? step : Expression.AndAlso(equalSoFar, step);
            predicate = predicate is null ? term : Expression.OrElse(predicate, term);
            var equal = Expression.Equal(key, values[n]);
            equalSoFar = equalSoFar is null ? equal : Expression.AndAlso(equalSoFar, equal);
        }

        return invoices.Where(Expression.Lambda<Func<Invoice, bool>>(predicate!, row));
    }

    public static InvoicePosition PositionOf(Invoice invoice, IReadOnlyList<InvoiceSort> sorts)
    {
        ArgumentNullException.ThrowIfNull(invoice);
        ArgumentNullException.ThrowIfNull(sorts);
        return new([.. sorts.Select(s => s.Field == InvoiceSortField.CreatedAt ? invoice.CreatedAt : invoice.DueAt ?? Undated)], invoice.Id);
    }

    private static IEnumerable<(Expression Key, bool Descending)> Keys(IReadOnlyList<InvoiceSort> sorts, ParameterExpression row, bool reverse)
    {
        foreach (var sort in sorts)
        {
            yield return (Key(sort.Field, row), sort.Descending != reverse);
        }

        var idDescending = sorts.Count > 0 && sorts[^1].Descending;
        yield return (Expression.Property(row, nameof(Invoice.Id)), idDescending != reverse);
    }

    private static Expression Key(InvoiceSortField field, ParameterExpression row) => field switch
    {
        InvoiceSortField.CreatedAt => Expression.Property(row, nameof(Invoice.CreatedAt)),
        InvoiceSortField.DueAt => Expression.Coalesce(Expression.Property(row, nameof(Invoice.DueAt)), Parameter(Undated)),
        _ => throw new ArgumentOutOfRangeException(nameof(field)),
    };

    // A member of a captured object rather than a constant, so that the database sees a parameter and reuses its statement.
    private static MemberExpression Parameter<T>(T value) => Expression.Field(Expression.Constant(new Captured<T>(value)), nameof(Captured<T>.Value));

    private sealed class Captured<T>(T value)
    {
#pragma warning disable CA1051 // A field, so that the query's parameter is read the way a closure's would be.
        public readonly T Value = value;
#pragma warning restore CA1051
    }
}
