using System.Globalization;
using System.Text;

namespace Folio.Tests.Fuzzing;

/// <summary>
/// Writes generated values the way a hostile client would, byte for byte: JSON strings with lone surrogates as escapes,
/// percent-encoded URLs whose bytes need not be UTF-8, and a readable form of any body for a failure report.
/// </summary>
public static class RawText
{
    /// <summary>
    /// Stands in a generated string for bytes that are not UTF-8 at all; <see cref="Bytes"/> writes them. JSON has no
    /// escape for such bytes, so they can only be put in the raw body or a URL.
    /// </summary>
    public static readonly IReadOnlyList<string> InvalidUtf8 = ["\uE000", "\uE001", "\uE002", "\uE003"];

    private static readonly byte[][] InvalidSequences =
    [
        [0xFF],
        [0xC3, 0x28], // a lead byte followed by ASCII
        [0xED, 0xA0, 0x80], // a surrogate encoded as if it were a character
        [0xC0, 0x80], // an overlong NUL
    ];

    /// <summary>A JSON string literal. Surrogates are always written as \u escapes, so a lone one reaches the server as such.</summary>
    public static string Quote(string text)
    {
        var plain = FirstToEscape(text);
        if (plain < 0)
        {
            return $"\"{text}\"";
        }

        var json = new StringBuilder(text.Length + 16).Append('"').Append(text, 0, plain);
        foreach (var c in text.AsSpan(plain))
        {
            _ = c switch
            {
                '"' => json.Append("\\\""),
                '\\' => json.Append("\\\\"),
                '\n' => json.Append("\\n"),
                '\r' => json.Append("\\r"),
                '\t' => json.Append("\\t"),
                _ when c < ' ' || char.IsSurrogate(c) => json.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}"),
                _ => json.Append(c),
            };
        }

        return json.Append('"').ToString();
    }

    private static int FirstToEscape(string text)
    {
        var span = text.AsSpan();
        var firsts = new[] { span.IndexOfAny('"', '\\'), span.IndexOfAnyInRange('\0', '\u001f'), span.IndexOfAnyInRange('\uD800', '\uDFFF') };
        return firsts.Where(i => i >= 0).DefaultIfEmpty(-1).Min();
    }

    /// <summary>UTF-8, except that a lone surrogate is encoded as if it were a character and the markers become invalid bytes.</summary>
    public static byte[] Bytes(string text)
    {
        if (text.AsSpan().IndexOfAnyInRange('\uD800', '\uDFFF') < 0 && text.AsSpan().IndexOfAnyInRange('\uE000', '\uE003') < 0)
        {
            return Encoding.UTF8.GetBytes(text);
        }

        var bytes = new List<byte>(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is >= '\uE000' and <= '\uE003')
            {
                bytes.AddRange(InvalidSequences[c - '\uE000']);
            }
            else if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                bytes.AddRange(Encoding.UTF8.GetBytes(text.Substring(i++, 2)));
            }
            else if (char.IsSurrogate(c))
            {
                bytes.AddRange([(byte)(0xE0 | (c >> 12)), (byte)(0x80 | ((c >> 6) & 0x3F)), (byte)(0x80 | (c & 0x3F))]);
            }
            else
            {
                bytes.AddRange(Encoding.UTF8.GetBytes(c.ToString()));
            }
        }

        return [.. bytes];
    }

    /// <summary>Percent-encodes every byte outside the unreserved set, so that the server decodes exactly <paramref name="text"/>'s bytes.</summary>
    public static string PercentEncode(string text)
    {
        // Uri's escaping is the same, and fast, where the text is plain UTF-16 with nothing to encode by hand.
        if (text.AsSpan().IndexOfAnyInRange('\uD800', '\uDFFF') < 0 && text.AsSpan().IndexOfAnyInRange('\uE000', '\uE003') < 0)
        {
            return Uri.EscapeDataString(text);
        }

        var encoded = new StringBuilder();
        foreach (var b in Bytes(text))
        {
            if (b is (>= (byte)'a' and <= (byte)'z') or (>= (byte)'A' and <= (byte)'Z') or (>= (byte)'0' and <= (byte)'9') or (byte)'-' or (byte)'_' or (byte)'.' or (byte)'~')
            {
                encoded.Append((char)b);
            }
            else
            {
                encoded.Append(CultureInfo.InvariantCulture, $"%{b:X2}");
            }
        }

        return encoded.ToString();
    }

    /// <summary>Bytes as text a person can copy: printable ASCII as is (a JSON escape such as \u0000 stays as sent), others as \xNN; long ones cut.</summary>
    public static string Printable(byte[] bytes, int max = 1500)
    {
        var text = new StringBuilder();
        foreach (var b in bytes.Take(max))
        {
            _ = b is >= 0x20 and < 0x7F ? text.Append((char)b) : text.Append(CultureInfo.InvariantCulture, $"\\x{b:X2}");
        }

        return bytes.Length > max ? $"{text}… ({bytes.Length} bytes in all)" : text.ToString();
    }
}
