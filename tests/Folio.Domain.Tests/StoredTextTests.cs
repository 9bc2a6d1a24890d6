using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Folio.Domain.Tests;

public sealed class StoredTextTests
{
    // Built at run time and not enumerated at discovery: attributes and the discovery channel carry strings as UTF-8,
    // which turns half a pair into U+FFFD.
    public static TheoryData<string, int> Samples => new()
    {
        { string.Empty, -1 },
        { "Initech", -1 },
        { "a\0b", 1 },
        { "\0", 0 },
        { "emoji \U0001F600 ok", -1 },
        { "half \uD83D pair", 5 },
        { "low \uDE00 first", 4 },
        { "ends high \uD83D", 10 },
        { "\uDE00\uD83D", 0 },
        { "pair \U0001F600 then \0", 13 },
        { "tab\tnew\nline\u001b[31m", -1 },
    };

    [Theory]
    [MemberData(nameof(Samples), DisableDiscoveryEnumeration = true)]
    public void Finds_the_first_character_the_books_cannot_hold(string text, int expected) =>
        Assert.Equal(expected, StoredText.FirstUnstorable(text));

    /// <summary>The rule agrees with what survives a round trip through UTF-8, the encoding every engine stores, apart from NUL.</summary>
    [Property(MaxTest = 2000)]
    public Property Text_is_storable_exactly_when_it_survives_utf8_and_holds_no_nul() =>
        Prop.ForAll(Arb.From(Gen.ArrayOf(Gen.Elements('a', '\0', '\uD83D', '\uDE00', '\uDBFF', '\uDC00', 'é', '\u001b'))), chars =>
        {
            var text = new string(chars);
            var survives = Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(text)) == text;
            return StoredText.CanHold(text) == (survives && !text.Contains('\0', StringComparison.Ordinal));
        });
}
