using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Folio.Data;

public static class Clock
{
    private static readonly Lock Gate = new();
    private static long _lastMilliseconds;
    private static int _counter;

    // Random bits drawn from the OS a block at a time: one draw per id cost a system call each, and the bill run makes
    // several ids per invoice.
    private static readonly byte[] Random = new byte[4096];
    private static int _randomUsed = Random.Length;

    /// <summary>
    /// A UUIDv7 from the injected clock. Ids sort by creation time, which keyset pagination relies on; within one
    /// millisecond a 12-bit counter (RFC 9562, method 1) keeps them increasing in this process.
    /// </summary>
    public static Guid NewId(this TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        var milliseconds = time.GetUtcNow().ToUnixTimeMilliseconds();
        int counter;
        Span<byte> bytes = stackalloc byte[16];
        lock (Gate)
        {
            if (milliseconds > _lastMilliseconds)
            {
                _lastMilliseconds = milliseconds;
                Span<byte> start = stackalloc byte[2];
                TakeRandom(start);
                _counter = BinaryPrimitives.ReadUInt16BigEndian(start) & 0x3FF;
            }
            else if (++_counter > 0xFFF)
            {
                _lastMilliseconds++;
                _counter = 0;
            }

            milliseconds = _lastMilliseconds;
            counter = _counter;
            TakeRandom(bytes[8..]);
        }

        BinaryPrimitives.WriteInt64BigEndian(bytes, milliseconds << 16);
        bytes[6] = (byte)(0x70 | (counter >> 8));
        bytes[7] = (byte)counter;
        bytes[8] = (byte)(0x80 | (bytes[8] & 0x3F));
        return new Guid(bytes, bigEndian: true);
    }

    /// <summary>Fills <paramref name="destination"/> from the block of random bits; the caller holds <see cref="Gate"/>.</summary>
    private static void TakeRandom(Span<byte> destination)
    {
        if (_randomUsed + destination.Length > Random.Length)
        {
            RandomNumberGenerator.Fill(Random);
            _randomUsed = 0;
        }

        Random.AsSpan(_randomUsed, destination.Length).CopyTo(destination);
        _randomUsed += destination.Length;
    }
}
