using System.Buffers;
using System.Buffers.Binary;
using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Folio.Access;
using Microsoft.AspNetCore.DataProtection;

namespace Folio.Api;

/// <summary>The lists that hand out page tokens. A token names its list, so that it is refused by every other one.</summary>
public enum PageList : byte
{
    Invoices = 1,
    Customers = 2,
    Products = 3,
    Prices = 4,
    Subscriptions = 5,
    ApiKeys = 6,
    BalanceTransactions = 7,
    OrganizationBillingInvoices = 8,
    AdminInvoices = 9,
    WebhookEndpoints = 10,
    WebhookAttempts = 11,
    Events = 12,
    AuditEvents = 13,
}

/// <summary>What reading a page token found.</summary>
public enum PageTokenReading
{
    Read,

    /// <summary>Not a token Folio issued for this list: edited, truncated, of another list, or of the old format.</summary>
    Malformed,

    /// <summary>A token of this list, issued for other filters, another order or another caller's scope.</summary>
    OtherQuery,
}

/// <summary>
/// Page tokens: opaque, authenticated and encrypted by the key ring (<see cref="IDataProtector"/>, AES-256-GCM), so that a
/// client can neither read nor forge one. A token holds the list it belongs to, a fingerprint of the filters, order and
/// caller scope of the request that returned it (<see cref="PageBinding"/>), and the cursor; a token presented with
/// anything else is refused. Base64url text, about 120 characters for a list ordered by id.
/// </summary>
public sealed class PageTokens(IDataProtectionProvider provider)
{
    /// <summary>The key ring's purpose for this token format. A new format takes a new purpose, so old tokens are refused cleanly.</summary>
    public const string Purpose = "Folio.PageTokens.v1";

    private const int HeaderLength = 11;
    private const int MaxValues = 4;
    private const int MaxTextLength = 512;
    private const byte BackwardFlag = 1;
    private const byte EdgeFlag = 2;

    private readonly IDataProtector _protector = provider.CreateProtector(Purpose);

    public string Issue(PageList list, ulong binding, PageCursor cursor)
    {
        ArgumentNullException.ThrowIfNull(cursor);
        var from = cursor.From;
        var values = from?.Values ?? [];
        var plain = new byte[HeaderLength + (from is null ? 0 : (8 * values.Length) + 16)];
        plain[0] = (byte)list;
        plain[1] = (byte)((cursor.Direction == PageDirection.Backward ? BackwardFlag : 0) | (from is null ? EdgeFlag : 0));
        BinaryPrimitives.WriteUInt64BigEndian(plain.AsSpan(2), binding);
        plain[10] = (byte)values.Length;
        if (from is not null)
        {
            for (var n = 0; n < values.Length; n++)
            {
                BinaryPrimitives.WriteInt64BigEndian(plain.AsSpan(HeaderLength + (8 * n)), values[n].UtcTicks);
            }

            from.Id.TryWriteBytes(plain.AsSpan(HeaderLength + (8 * values.Length)), bigEndian: true, out _);
        }

        return Base64Url.EncodeToString(_protector.Protect(plain));
    }

    /// <summary>Reads a token for <paramref name="list"/> under <paramref name="binding"/>, whose positions hold <paramref name="valueCount"/> sort values.</summary>
    public PageTokenReading Read(string text, PageList list, ulong binding, int valueCount, out PageCursor? cursor)
    {
        ArgumentNullException.ThrowIfNull(text);
        cursor = null;
        if (text.Length is 0 or > MaxTextLength)
        {
            return PageTokenReading.Malformed;
        }

        var sealedBytes = new byte[Base64Url.GetMaxDecodedLength(text.Length)];
        if (!PageTokenText.TryDecode(text, sealedBytes, out var written))
        {
            return PageTokenReading.Malformed;
        }

        if (written != sealedBytes.Length)
        {
            Array.Resize(ref sealedBytes, written);
        }

        byte[] plain;
        try
        {
            plain = _protector.Unprotect(sealedBytes);
        }
        catch (CryptographicException)
        {
            return PageTokenReading.Malformed;
        }

        if (plain.Length < HeaderLength || plain[0] != (byte)list || plain[1] > (BackwardFlag | EdgeFlag))
        {
            return PageTokenReading.Malformed;
        }

        if (BinaryPrimitives.ReadUInt64BigEndian(plain.AsSpan(2)) != binding)
        {
            return PageTokenReading.OtherQuery;
        }

        var direction = (plain[1] & BackwardFlag) != 0 ? PageDirection.Backward : PageDirection.Forward;
        if ((plain[1] & EdgeFlag) != 0)
        {
            if (plain.Length != HeaderLength || plain[10] != 0)
            {
                return PageTokenReading.Malformed;
            }

            cursor = direction == PageDirection.Forward ? PageCursor.Start : PageCursor.End;
            return PageTokenReading.Read;
        }

        var count = plain[10];
        if (count != valueCount || count > MaxValues || plain.Length != HeaderLength + (8 * count) + 16)
        {
            return PageTokenReading.Malformed;
        }

        var values = count == 0 ? [] : new DateTimeOffset[count];
        for (var n = 0; n < count; n++)
        {
            var ticks = BinaryPrimitives.ReadInt64BigEndian(plain.AsSpan(HeaderLength + (8 * n)));
            if (ticks < DateTimeOffset.MinValue.UtcTicks || ticks > DateTimeOffset.MaxValue.UtcTicks)
            {
                return PageTokenReading.Malformed;
            }

            values[n] = new DateTimeOffset(ticks, TimeSpan.Zero);
        }

        var id = new Guid(plain.AsSpan(HeaderLength + (8 * count), 16), bigEndian: true);
        cursor = new PageCursor(direction, new PagePosition(values, id));
        return PageTokenReading.Read;
    }
}

/// <summary>
/// The fingerprint a page token is bound to: its list, the caller's scope (admin, or which organization), and every
/// filter and ordering of the request, each written with its kind and length so that no two requests share a text.
/// The first 8 bytes of its SHA-256 go into the token (encrypted with it). Built on the stack: no allocation unless a
/// filter's text is long.
/// </summary>
public ref struct PageBinding
{
    private Span<byte> _buffer;
    private byte[]? _rented;
    private int _length;

    public PageBinding(Span<byte> buffer, PageList list, Caller? caller)
    {
        _buffer = buffer;
        _rented = null;
        _length = 0;
        Add((long)list);
        Add(caller?.IsAdmin);
        Add(caller?.OrganizationId);
    }

    public void Add(Guid? value)
    {
        if (Tag(value is null, 16))
        {
            value!.Value.TryWriteBytes(_buffer[_length..], bigEndian: true, out _);
            _length += 16;
        }
    }

    public void Add(long? value)
    {
        if (Tag(value is null, 8))
        {
            BinaryPrimitives.WriteInt64BigEndian(_buffer[_length..], value!.Value);
            _length += 8;
        }
    }

    public void Add(bool? value) => Add(value is { } flag ? (flag ? 1L : 0L) : null);

    public void Add(DateTimeOffset? value) => Add(value?.UtcTicks);

    public void Add(string? value)
    {
        if (value is null)
        {
            Tag(isNull: true, 0);
            return;
        }

        var bytes = Encoding.UTF8.GetByteCount(value);
        Tag(isNull: false, 4 + bytes);
        BinaryPrimitives.WriteInt32BigEndian(_buffer[_length..], bytes);
        _length += 4;
        _length += Encoding.UTF8.GetBytes(value, _buffer[_length..]);
    }

    /// <summary>The fingerprint; the binding cannot be used afterwards.</summary>
    public ulong Finish()
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(_buffer[.._length], hash);
        if (_rented is not null)
        {
            ArrayPool<byte>.Shared.Return(_rented);
            _rented = null;
        }

        return BinaryPrimitives.ReadUInt64BigEndian(hash);
    }

    /// <summary>Writes whether a value follows, making room for it; true when it does.</summary>
    private bool Tag(bool isNull, int size)
    {
        Ensure(1 + size);
        _buffer[_length++] = isNull ? (byte)0 : (byte)1;
        return !isNull;
    }

    private void Ensure(int more)
    {
        if (_length + more <= _buffer.Length)
        {
            return;
        }

        var larger = ArrayPool<byte>.Shared.Rent(Math.Max(_buffer.Length * 2, _length + more));
        _buffer[.._length].CopyTo(larger);
        if (_rented is not null)
        {
            ArrayPool<byte>.Shared.Return(_rented);
        }

        _rented = larger;
        _buffer = larger;
    }
}
