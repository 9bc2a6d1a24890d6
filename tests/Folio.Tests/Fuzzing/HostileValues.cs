using System.Buffers.Text;
using System.Globalization;
using FsCheck;
using FsCheck.Fluent;

namespace Folio.Tests.Fuzzing;

/// <summary>Generators of the values a careless or hostile client sends: text, numbers, timestamps, ids and tokens.</summary>
public static class HostileValues
{
    private static readonly string[] Pieces =
    [
        "\u0000", "a\u0000b", "\u0001\u0002\u0007\b\u000b\u000c\u001f\u007f", "\u001b[31mred\u001b[0m", "\u001b]0;title\u0007",
        "line\r\nX-Injected: 1", "\r", "\n\n", "\t", "\ud800", "\udfff", "a\ud800b", "\udc00\ud800", "\ud83d\ude00",
        "' OR 1=1 --", "'; DROP TABLE invoices; --", "\" OR \"\"=\"", "%", "_", "%00", "\\", "\\'", "../../etc/passwd",
        "..\\..\\windows\\win.ini", "/", "//", "?", "#", "&", "=", "<script>alert(1)</script>", "${jndi:ldap://x/a}", "{{7*7}}",
        "\u202egnp.exe", "\u200b", "\ufeff", "\u2028\u2029", "\u0130", "ß", "ﬀ", "e\u0301\u0301\u0301", "請求書", "فاتورة",
        " ", "", "   ", "null", "true", "0", "-1", "NaN", "Infinity", "1e400", "\uffff", "\ufffe",
    ];

    /// <summary>Text that is valid JSON once quoted, but awkward for a database, a log or a terminal.</summary>
    public static Gen<string> Text { get; } = Gen.Frequency(
        (12, Gen.Elements(Pieces)),
        (6, Gen.Choose(2, 4).SelectMany(n => Gen.Elements(Pieces).ArrayOf(n)).Select(string.Concat)),
        (4, Gen.Choose(0, 0xFFFF).Select(c => (char)c).ArrayOf().Select(chars => new string(chars))),
        (2, Gen.Elements(RawText.InvalidUtf8).Select(bad => $"a{bad}b")),
        (1, LongText()));

    /// <summary>A string of 10 to 100 KB: one character repeated, or a hostile piece repeated.</summary>
    public static Gen<string> LongText() =>
        from length in Gen.Choose(10_000, 100_000)
        from piece in Gen.Elements("a", "é", "\ud83d\ude00", "' OR 1=1 --", "\u0000", "\r\n")
        select string.Create(length / piece.Length * piece.Length, piece, (text, p) =>
        {
            for (var at = 0; at < text.Length; at += p.Length)
            {
                p.CopyTo(text[at..]);
            }
        });

    /// <summary>JSON numbers at and beyond the edges of every type the server could read them into.</summary>
    public static Gen<string> Number { get; } = Gen.Elements(
        "2147483647", "-2147483648", "2147483648", "-2147483649", "9223372036854775807", "-9223372036854775808",
        "9223372036854775808", "-9223372036854775809", "18446744073709551616", "-1", "0", "-0", "1", "1e308", "-1e308",
        "1.7976931348623157e308", "1e-30", "5e-324", "1e400", "-1e400", "123456789012345678901234567890.123456789",
        "79228162514264337593543950335", "79228162514264337593543950336", "0.00001", "0.12345", "1.0", "1E2", "100.00001",
        "99.99995", "100", "1000000.0001", "1000001", "1000000000000000001", "1e6", new string('9', 400), "0." + new string('1', 400));

    /// <summary>A plausible RFC 3339 instant within a year of <paramref name="now"/>, in the forms RFC 3339 allows.</summary>
    public static Gen<string> Timestamp(DateTimeOffset now) =>
        from days in Gen.Choose(-400, 400)
        from seconds in Gen.Choose(0, 86_399)
        from form in Gen.Elements("yyyy-MM-dd'T'HH:mm:ss'Z'", "yyyy-MM-dd'T'HH:mm:ss.fff'Z'", "yyyy-MM-dd'T'HH:mm:ss.fffffffzzz", "yyyy-MM-dd'T'HH:mm:sszzz")
        from offset in Gen.Elements(0, 2 * 60, -5 * 60 - 30, 14 * 60)
        select now.AddDays(days).AddSeconds(seconds).ToOffset(TimeSpan.FromMinutes(offset)).ToString(form, CultureInfo.InvariantCulture);

    /// <summary>Instants at the edges of what a timestamp type holds, impossible dates, and things that are not timestamps.</summary>
    public static Gen<string> BadTimestamp { get; } = Gen.Elements(
        "0001-01-01T00:00:00Z", "0001-01-01T00:00:00+14:00", "9999-12-31T23:59:59.9999999Z", "9999-12-31T23:59:59-14:00",
        "2026-02-30T00:00:00Z", "2026-13-01T00:00:00Z", "2026-03-02T24:00:00Z", "2016-12-31T23:59:60Z", "2026-03-02",
        "2026-03-02T09:00:00", "2026-03-02t09:00:00z", "2026-03-02 09:00:00Z", "2026-03-02T09:00:00+25:00", "+275760-09-13T00:00:00Z",
        "1970-01-01T00:00:00Z", "1700000000", "now", "", "0", "-1");

    public static Gen<Guid> Uuid { get; } = Gen.Choose(0, 255).Select(b => (byte)b).ArrayOf(16).Select(bytes => new Guid(bytes));

    /// <summary>What may stand where an id belongs: unknown UUIDs, other spellings of one, and text that is no UUID at all.</summary>
    public static Gen<string> BadId { get; } = Gen.Frequency(
        (4, Uuid.Select(id => id.ToString())),
        (2, Uuid.Select(id => id.ToString("N"))),
        (1, Uuid.Select(id => id.ToString("B").ToUpperInvariant())),
        (1, Uuid.Select(id => id.ToString()[..20])),
        (1, Uuid.Select(id => id + "x")),
        (2, Gen.Elements("00000000-0000-0000-0000-000000000000", "ffffffff-ffff-ffff-ffff-ffffffffffff", "not-a-uuid", "1", "-1", "0", "..", ".", "%00", "null")),
        (3, Text));

    /// <summary>Text for a parameter that a server reads as a whole number: edges, signs, other digits and no number.</summary>
    public static Gen<string> BadInteger { get; } = Gen.Elements(
        "2147483647", "2147483648", "-1", "0", "-2147483648", "-2147483649", "9223372036854775807", "99999999999999999999999", "1.5",
        "1e3", "0x10", "+1", " 1", "1 ", "١٢", "NaN", "", "abc", "\u0000", "1\u0000", "01", "1,000");

    /// <summary>Tokens a list never returned: random base64url of any length, well-formed ones naming no row, other alphabets.</summary>
    public static Gen<string> RandomToken { get; } = Gen.Frequency(
        (3, Gen.Choose(0, 255).Select(b => (byte)b).ArrayOf().Select(bytes => Base64Url.EncodeToString(bytes))),
        (3, Gen.Choose(0, 255).Select(b => (byte)b).ArrayOf(16).Select(bytes => Base64Url.EncodeToString([1, .. bytes]))),
        (1, Gen.Choose(0, 255).Select(b => (byte)b).ArrayOf(17).Select(bytes => Convert.ToBase64String(bytes))),
        (1, Gen.Elements("", "=", "AAAAAAAAAAAAAAAAAAAAAAA", "_______________________", "-", "%00", "null", "0")));

    /// <summary>A token a list did return, changed a little: one character, its length, its case, its padding.</summary>
    public static Gen<string> Tamper(string token) =>
        token.Length == 0 ? RandomToken : Gen.Choose(0, token.Length - 1).SelectMany(at => Gen.Elements(
            token[..at] + (token[at] == 'A' ? 'B' : 'A') + token[(at + 1)..],
            token[..at],
            token + "A",
            token + token,
            token + "==",
            token.ToUpperInvariant(),
            token[..at] + "\u0000" + token[at..],
            new string([.. token.Reverse()])));
}
