using System.Buffers;
using System.Globalization;
using System.Text;

namespace Folio.Api;

/// <summary>
/// Client text on its way into a log line: control characters, line breaks and bidirectional overrides are rendered visibly
/// (\n, \u001b) so that a client cannot break, colour or forge the operator's log, and the length is bounded.
/// </summary>
public static class LogText
{
    public const int MaxLength = 200;

    // C0 and C1 controls, DEL, the backslash that escapes them, Unicode's line and paragraph separators, and the bidi
    // embeddings, overrides and isolates that reorder what a terminal shows.
    private static readonly SearchValues<char> Unsafe = SearchValues.Create(
        [.. Enumerable.Range(0, 0x20).Concat(Enumerable.Range(0x7f, 0x21)).Concat([0x5c, 0x2028, 0x2029, 0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069]).Select(c => (char)c)]);

    public static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text ?? string.Empty;
        }

        var clipped = text.Length > MaxLength;
        var span = clipped ? text.AsSpan(0, MaxLength) : text.AsSpan();
        if (!clipped && !span.ContainsAny(Unsafe))
        {
            return text;
        }

        var escaped = new StringBuilder(span.Length + 16);
        foreach (var c in span)
        {
            _ = c switch
            {
                '\n' => escaped.Append("\\n"),
                '\r' => escaped.Append("\\r"),
                '\t' => escaped.Append("\\t"),
                '\\' => escaped.Append("\\\\"),
                _ when Unsafe.Contains(c) => escaped.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture)),
                _ => escaped.Append(c),
            };
        }

        return clipped ? escaped.Append('…').ToString() : escaped.ToString();
    }
}
