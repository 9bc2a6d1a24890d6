using System.Buffers.Text;
using Folio.Domain;

namespace Folio.Api;

/// <summary>A page of a keyset-paginated list: <c>{"data": [...], "next_page_token": "…" | null}</c>.</summary>
public sealed record Page<T>(IReadOnlyList<T> Data, string? NextPageToken);

/// <summary>Cursor pagination over UUIDv7 ids: newest first, and a page costs the same wherever it starts.</summary>
public static class Paging
{
    public const int DefaultLimit = 25;
    public const int MaxLimit = 100;
    private const byte TokenVersion = 1;

    public static IEnumerable<RuleViolation> Read(int? limit, string? pageToken, out int size, out Guid? after)
    {
        size = limit ?? DefaultLimit;
        after = null;
        var violations = new List<RuleViolation>();
        if (size is < 1 or > MaxLimit)
        {
            violations.Add(RuleViolation.Invalid("limit", "invalid_limit", $"limit is from 1 to {MaxLimit}."));
        }

        if (pageToken is not null)
        {
            if (TryDecode(pageToken, out var id))
            {
                after = id;
            }
            else
            {
                violations.Add(RuleViolation.Invalid("page_token", "invalid_page_token", "page_token is not a token this list returned."));
            }
        }

        return violations;
    }

    /// <summary>Builds the page from up to size + 1 rows read: the extra row only says that another page exists.</summary>
    public static Page<TOut> ToPage<TIn, TOut>(IReadOnlyList<TIn> rows, int size, Func<TIn, Guid> id, Func<TIn, TOut> map)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var pageRows = rows.Take(size).ToList();
        var next = rows.Count > size ? Encode(id(pageRows[^1])) : null;
        return new Page<TOut>([.. pageRows.Select(map)], next);
    }

    public static string Encode(Guid lastId)
    {
        Span<byte> bytes = stackalloc byte[17];
        bytes[0] = TokenVersion;
        lastId.TryWriteBytes(bytes[1..], bigEndian: true, out _);
        return Base64Url.EncodeToString(bytes);
    }

    public static bool TryDecode(string token, out Guid lastId)
    {
        lastId = Guid.Empty;
        Span<byte> bytes = stackalloc byte[24];
        if (token.Length != 23 || !PageTokenText.TryDecode(token, bytes, out var written) || written != 17 || bytes[0] != TokenVersion)
        {
            return false;
        }

        lastId = new Guid(bytes[1..17], bigEndian: true);
        return true;
    }
}
