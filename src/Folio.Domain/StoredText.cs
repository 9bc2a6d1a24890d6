namespace Folio.Domain;

/// <summary>
/// Text the books can hold on every engine. PostgreSQL refuses the NUL character in text, and no engine can keep half of
/// a UTF-16 surrogate pair (UTF-8 has no encoding for it: SQLite would silently store U+FFFD instead). Folio refuses
/// both wherever text enters, so that a book is the same on either engine and can always be copied between them.
/// </summary>
public static class StoredText
{
    /// <summary>Why a piece of text was refused, for a problem's detail.</summary>
    public const string Rule = "Text may not hold the NUL character (U+0000), half of a surrogate pair or invalid UTF-8.";

    public static bool CanHold(ReadOnlySpan<char> text) => FirstUnstorable(text) < 0;

    /// <summary>The index of the first character the books cannot hold, or -1.</summary>
    public static int FirstUnstorable(ReadOnlySpan<char> text)
    {
        // Most text has neither, and two vectorized searches answer for it.
        var nul = text.IndexOf('\0');
        var surrogate = text.IndexOfAnyInRange('\uD800', '\uDFFF');
        if (surrogate < 0)
        {
            return nul;
        }

        var first = nul < 0 ? surrogate : Math.Min(nul, surrogate);
        for (var i = first; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\0')
            {
                return i;
            }

            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(c))
            {
                return i;
            }
        }

        return -1;
    }
}
