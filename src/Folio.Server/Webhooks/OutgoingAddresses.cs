using System.Net;
using System.Net.Sockets;

namespace Folio.Webhooks;

/// <summary>
/// Which addresses a delivery may connect to: by default none of loopback, private (10/8, 172.16/12, 192.168/16,
/// fc00::/7), link-local (169.254/16, fe80::/10, where cloud metadata services answer), CGNAT (100.64/10), unspecified,
/// multicast or reserved ones, so that an endpoint URL cannot reach into the network Folio runs in. Checked on every
/// connection, after resolving the name, and the connection goes to the very address checked: a name that resolves to
/// another address later (DNS rebinding) gains nothing.
/// </summary>
public static class OutgoingAddresses
{
    private static readonly (IPAddress Network, int Bits)[] Refused =
    [
        (IPAddress.Parse("0.0.0.0"), 8),
        (IPAddress.Parse("10.0.0.0"), 8),
        (IPAddress.Parse("100.64.0.0"), 10),
        (IPAddress.Parse("127.0.0.0"), 8),
        (IPAddress.Parse("169.254.0.0"), 16),
        (IPAddress.Parse("172.16.0.0"), 12),
        (IPAddress.Parse("192.0.0.0"), 24),
        (IPAddress.Parse("192.168.0.0"), 16),
        (IPAddress.Parse("198.18.0.0"), 15),
        (IPAddress.Parse("224.0.0.0"), 4),
        (IPAddress.Parse("240.0.0.0"), 4),
        (IPAddress.Parse("::"), 128),
        (IPAddress.Parse("::1"), 128),
        (IPAddress.Parse("fc00::"), 7),
        (IPAddress.Parse("fe80::"), 10),
        (IPAddress.Parse("ff00::"), 8),
    ];

    // NAT64 (RFC 6052) carries an IPv4 address in its last 32 bits; what it reaches is that address.
    private static readonly IPAddress Nat64 = IPAddress.Parse("64:ff9b::");

    /// <summary>True when a delivery may connect to <paramref name="address"/> without the private-networks setting.</summary>
    public static bool IsPublic(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }
        else if (address.AddressFamily == AddressFamily.InterNetworkV6 && InNetwork(address, Nat64, 96))
        {
            address = new IPAddress(address.GetAddressBytes().AsSpan(12));
        }

        foreach (var (network, bits) in Refused)
        {
            if (InNetwork(address, network, bits))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// The connection callback of the delivery client: resolves the host, keeps the addresses allowed, and connects to the
    /// first of them that answers. None allowed: <see cref="AddressRefusedException"/>.
    /// </summary>
    public static async ValueTask<Stream> Connect(SocketsHttpConnectionContext context, bool allowPrivate, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var host = context.DnsEndPoint.Host;
        var addresses = IPAddress.TryParse(host.Trim('[', ']'), out var literal) ? [literal] : await Dns.GetHostAddressesAsync(host, cancellationToken);
        var allowed = allowPrivate ? addresses : [.. addresses.Where(IsPublic)];
        if (allowed.Length == 0)
        {
            throw new AddressRefusedException(addresses.Length == 0 ? host : addresses[0].ToString());
        }

        SocketException? last = null;
        foreach (var address in allowed)
        {
            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(new IPEndPoint(address, context.DnsEndPoint.Port), cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch (SocketException exception)
            {
                socket.Dispose();
                last = exception;
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        }

        throw last!;
    }

    private static bool InNetwork(IPAddress address, IPAddress network, int bits)
    {
        if (address.AddressFamily != network.AddressFamily)
        {
            return false;
        }

        Span<byte> a = stackalloc byte[16];
        Span<byte> n = stackalloc byte[16];
        address.TryWriteBytes(a, out var length);
        network.TryWriteBytes(n, out _);
        var whole = bits / 8;
        if (!a[..whole].SequenceEqual(n[..whole]))
        {
            return false;
        }

        var rest = bits % 8;
        return rest == 0 || whole >= length || ((a[whole] ^ n[whole]) & (0xFF << (8 - rest)) & 0xFF) == 0;
    }
}

/// <summary>A delivery refused because every address of its host is one deliveries may not reach.</summary>
public sealed class AddressRefusedException(string address) : Exception($"address not allowed: {address}")
{
    public string Address { get; } = address;
}
