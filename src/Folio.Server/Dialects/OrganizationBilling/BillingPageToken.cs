using System.Buffers.Text;
using Folio.Api;
using Folio.Invoices;

namespace Folio.Dialects.OrganizationBilling;

/// <summary>The opaque <c>page</c> parameter: a version byte, the direction and the boundary id, in base64url.</summary>
public static class BillingPageToken
{
    private const byte Version = 1;
    private const int Length = 18;

    public static string Encode(KeysetCursor cursor)
    {
        ArgumentNullException.ThrowIfNull(cursor);
        Span<byte> bytes = stackalloc byte[Length];
        bytes[0] = Version;
        bytes[1] = (byte)cursor.Direction;
        cursor.Boundary.TryWriteBytes(bytes[2..], bigEndian: true, out _);
        return Base64Url.EncodeToString(bytes);
    }

    public static bool TryDecode(string token, out KeysetCursor? cursor)
    {
        cursor = null;
        Span<byte> bytes = stackalloc byte[Length + 3];
        if (token.Length != Base64Url.GetEncodedLength(Length)
            || !PageTokenText.TryDecode(token, bytes, out var written)
            || written != Length
            || bytes[0] != Version
            || !Enum.IsDefined((KeysetDirection)bytes[1]))
        {
            return false;
        }

        cursor = new KeysetCursor((KeysetDirection)bytes[1], new Guid(bytes[2..Length], bigEndian: true));
        return true;
    }
}
