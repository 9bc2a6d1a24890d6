using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace Folio.Webhooks;

/// <summary>
/// Endpoint signing secrets: <c>whsec_</c> and the base64 of 32 random bytes (the Standard Webhooks format), shown once when
/// made and otherwise kept only as the key ring protected them (AES-256-GCM, keys in the database).
/// </summary>
public sealed class WebhookSecrets(IDataProtectionProvider provider)
{
    /// <summary>The key ring's purpose for endpoint secrets; a new format takes a new purpose.</summary>
    public const string Purpose = "Folio.WebhookSecrets.v1";

    public const string Prefix = "whsec_";

    private const int KeyBytes = 32;

    private readonly IDataProtector _protector = provider.CreateProtector(Purpose);

    /// <summary>A new secret, as shown to its owner, and as stored.</summary>
    public (string Secret, string Protected) Generate()
    {
        var key = RandomNumberGenerator.GetBytes(KeyBytes);
        var secret = Prefix + Convert.ToBase64String(key);
        return (secret, Convert.ToBase64String(_protector.Protect(key)));
    }

    /// <summary>The HMAC key a stored secret protects.</summary>
    public byte[] Key(string protectedSecret) => _protector.Unprotect(Convert.FromBase64String(protectedSecret));
}
