using System.Buffers.Text;

namespace Folio.Api;

/// <summary>
/// Page tokens are base64url text that the client hands back. <see cref="Base64Url.TryDecodeFromChars(ReadOnlySpan{char}, Span{byte}, out int)"/>
/// throws on a character outside the alphabet instead of answering false, so every token is read through here.
/// </summary>
public static class PageTokenText
{
    public static bool TryDecode(ReadOnlySpan<char> token, Span<byte> bytes, out int written)
    {
        written = 0;
        return Base64Url.IsValid(token) && Base64Url.TryDecodeFromChars(token, bytes, out written);
    }
}
