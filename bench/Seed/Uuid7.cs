using System.Buffers.Binary;

namespace Folio.Bench.Seed;

/// <summary>
/// UUIDv7 ids (RFC 9562) laid out as Folio's own <c>Clock.NewId</c> does: 48-bit Unix milliseconds, a 12-bit counter that
/// keeps ids strictly increasing within a millisecond (method 1), then random bits. Deterministic for a given seed, and
/// strictly increasing as long as it is asked in time order (an earlier time reuses the last millisecond and counts on).
/// </summary>
internal sealed class Uuid7(Random random)
{
    private long _lastMilliseconds;
    private int _counter;

    public Guid Next(DateTimeOffset at)
    {
        var milliseconds = at.ToUnixTimeMilliseconds();
        if (milliseconds > _lastMilliseconds)
        {
            _lastMilliseconds = milliseconds;
            _counter = random.Next(0, 1024);
        }
        else if (++_counter > 0xFFF)
        {
            _lastMilliseconds++;
            _counter = 0;
        }

        Span<byte> bytes = stackalloc byte[16];
        random.NextBytes(bytes[8..]);
        BinaryPrimitives.WriteInt64BigEndian(bytes, _lastMilliseconds << 16);
        bytes[6] = (byte)(0x70 | (_counter >> 8));
        bytes[7] = (byte)_counter;
        bytes[8] = (byte)(0x80 | (bytes[8] & 0x3F));
        return new Guid(bytes, bigEndian: true);
    }

    /// <summary>The text EF Core stores for a Guid on SQLite.</summary>
    public static string Stored(Guid id) => id.ToString().ToUpperInvariant();
}
