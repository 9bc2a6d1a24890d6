using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Folio.Data;

public static class Clock
{
    private static readonly Lock Gate = new();
    private static long _lastMilliseconds;
    private static int _counter;

    /// <summary>
    /// A UUIDv7 from the injected clock. Ids sort by creation time, which keyset pagination relies on; within one
    /// millisecond a 12-bit counter (RFC 9562, method 1) keeps them increasing in this process.
    /// </summary>
    public static Guid NewId(this TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        var milliseconds = time.GetUtcNow().ToUnixTimeMilliseconds();
        int counter;
        lock (Gate)
        {
            if (milliseconds > _lastMilliseconds)
            {
                _lastMilliseconds = milliseconds;
                _counter = RandomNumberGenerator.GetInt32(0, 1024);
            }
            else if (++_counter > 0xFFF)
            {
                _lastMilliseconds++;
                _counter = 0;
            }

            milliseconds = _lastMilliseconds;
            counter = _counter;
        }

        Span<byte> bytes = stackalloc byte[16];
        RandomNumberGenerator.Fill(bytes[8..]);
        BinaryPrimitives.WriteInt64BigEndian(bytes, milliseconds << 16);
        bytes[6] = (byte)(0x70 | (counter >> 8));
        bytes[7] = (byte)counter;
        bytes[8] = (byte)(0x80 | (bytes[8] & 0x3F));
        return new Guid(bytes, bigEndian: true);
    }
}
