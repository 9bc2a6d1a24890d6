using Folio.Domain;

namespace Folio.Api;

/// <summary>A page of a keyset-paginated list: <c>{"data": [...], "next_page_token": "…" | null}</c>.</summary>
public sealed record Page<T>(IReadOnlyList<T> Data, string? NextPageToken);

/// <summary>
/// One page asked of a native list: how many rows, from where, and what the next page's token is bound to.
/// </summary>
public sealed record PageRequest(PageTokens Tokens, PageList List, ulong Binding, int Size, PageCursor? Cursor)
{
    public string Token(PageCursor cursor) => Tokens.Issue(List, Binding, cursor);
}

/// <summary>The native lists' paging: <c>limit</c> and <c>page_token</c> in, newest first, <c>next_page_token</c> out.</summary>
public static class Paging
{
    public const int DefaultLimit = 25;
    public const int MaxLimit = 100;

    public static List<RuleViolation> Read(PageTokens tokens, PageList list, ulong binding, int? limit, string? pageToken, out PageRequest request)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        var size = limit ?? DefaultLimit;
        var violations = new List<RuleViolation>();
        if (size is < 1 or > MaxLimit)
        {
            violations.Add(RuleViolation.Invalid("limit", "invalid_limit", $"limit is from 1 to {MaxLimit}."));
        }

        PageCursor? cursor = null;
        if (pageToken is not null && tokens.Read(pageToken, list, binding, 0, out cursor) != PageTokenReading.Read)
        {
            violations.Add(RuleViolation.Invalid(
                "page_token", "invalid_page_token", "page_token is not a token this list returned for these filters and this key; pass next_page_token back with the same filters."));
        }

        request = new PageRequest(tokens, list, binding, size, cursor);
        return violations;
    }

    /// <summary>
    /// Reads the page of a list ordered newest first. <paramref name="read"/> runs the query (projection, related rows);
    /// <paramref name="idOf"/> gives a returned row's id, from which the next page starts.
    /// </summary>
    public static async Task<Page<TRow>> Newest<T, TRow>(
        this PageRequest request, IQueryable<T> rows, KeysetOrder<T> order, Func<IQueryable<T>, CancellationToken, Task<List<TRow>>> read, Func<TRow, Guid> idOf, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(idOf);
        var window = await Keyset.Window(rows, order, request.Cursor, request.Size, read, row => PagePosition.OfId(idOf(row)), cancellationToken);
        var next = window.MoreAfter ? request.Token(PageCursor.After(PagePosition.OfId(idOf(window.Rows[^1])))) : null;
        return new Page<TRow>(window.Rows, next);
    }
}
