using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Folio.Webhooks;

/// <summary>
/// The <c>webhook-signature</c> header of the Standard Webhooks specification: <c>v1,</c> and the base64 HMAC-SHA256 of
/// <c>id.timestamp.body</c>, one per key in force, space-separated (the current secret's first).
/// </summary>
public static class WebhookSignature
{
    public static string Header(IReadOnlyList<byte[]> keys, string id, long timestamp, ReadOnlySpan<byte> body)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var prefix = Encoding.UTF8.GetBytes($"{id}.{timestamp.ToString(CultureInfo.InvariantCulture)}.");
        var signed = new byte[prefix.Length + body.Length];
        prefix.CopyTo(signed, 0);
        body.CopyTo(signed.AsSpan(prefix.Length));
        var header = new StringBuilder();
        foreach (var key in keys)
        {
            header.Append(header.Length == 0 ? "v1," : " v1,").Append(Convert.ToBase64String(HMACSHA256.HashData(key, signed)));
        }

        return header.ToString();
    }
}
