using System.Buffers.Binary;
using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Folio.Invoices;

namespace Folio.Dialects.AdminApi;

internal enum TokenReading
{
    Read,
    Malformed,
    OtherQuery,
}

/// <summary>
/// A page token: the position of the row a page starts beyond, which way to go from it, and a fingerprint of the filters and
/// order of the call that returned it, so that a token replayed under other filters is refused instead of skipping rows.
/// </summary>
internal sealed record AdminPageToken(bool Backward, InvoicePosition Position)
{
    private const byte Version = 1;
    private const int FingerprintLength = 8;
    private const int HeaderLength = 2 + FingerprintLength + 1;
    private const int MaxTextLength = 128;

    public static byte[] Fingerprint(Guid? organizationId, Guid? userId, IReadOnlyList<InvoiceSort> sorts)
    {
        var query = $"{organizationId:D}|{userId:D}|{string.Join(",", sorts.Select(s => $"{s.Field}:{(s.Descending ? "desc" : "asc")}"))}";
        return SHA256.HashData(Encoding.UTF8.GetBytes(query))[..FingerprintLength];
    }

    public string Encode(byte[] fingerprint)
    {
        var values = Position.Values;
        var bytes = new byte[HeaderLength + (8 * values.Count) + 16];
        bytes[0] = Version;
        bytes[1] = Backward ? (byte)1 : (byte)0;
        fingerprint.CopyTo(bytes, 2);
        bytes[HeaderLength - 1] = (byte)values.Count;
        for (var n = 0; n < values.Count; n++)
        {
            BinaryPrimitives.WriteInt64BigEndian(bytes.AsSpan(HeaderLength + (8 * n)), values[n].UtcTicks);
        }

        Position.Id.TryWriteBytes(bytes.AsSpan(HeaderLength + (8 * values.Count)), bigEndian: true, out _);
        return Base64Url.EncodeToString(bytes);
    }

    public static TokenReading TryDecode(string text, byte[] fingerprint, int sortCount, out AdminPageToken? token)
    {
        token = null;
        if (text.Length > MaxTextLength || !Base64Url.IsValid(text, out var length))
        {
            return TokenReading.Malformed;
        }

        var bytes = new byte[length];
        if (!Base64Url.TryDecodeFromChars(text, bytes, out length) || length < HeaderLength || bytes[0] != Version || bytes[1] > 1)
        {
            return TokenReading.Malformed;
        }

        if (!bytes.AsSpan(2, FingerprintLength).SequenceEqual(fingerprint))
        {
            return TokenReading.OtherQuery;
        }

        var count = bytes[HeaderLength - 1];
        if (count != sortCount || length != HeaderLength + (8 * count) + 16)
        {
            return TokenReading.Malformed;
        }

        var values = new DateTimeOffset[count];
        for (var n = 0; n < count; n++)
        {
            var ticks = BinaryPrimitives.ReadInt64BigEndian(bytes.AsSpan(HeaderLength + (8 * n)));
            if (ticks < DateTimeOffset.MinValue.UtcTicks || ticks > DateTimeOffset.MaxValue.UtcTicks)
            {
                return TokenReading.Malformed;
            }

            values[n] = new DateTimeOffset(ticks, TimeSpan.Zero);
        }

        var id = new Guid(bytes.AsSpan(HeaderLength + (8 * count), 16), bigEndian: true);
        token = new AdminPageToken(bytes[1] == 1, new InvoicePosition(values, id));
        return TokenReading.Read;
    }
}
