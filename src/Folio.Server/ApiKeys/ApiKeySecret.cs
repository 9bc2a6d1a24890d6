using System.Buffers;
using System.Security.Cryptography;
using System.Text;

namespace Folio.ApiKeys;

/// <summary>
/// Key secrets look like <c>folio_sk_</c> + 8 lookup characters + 32 secret characters (base62, about 190 random bits).
/// The lookup part is stored as the non-secret prefix; the whole secret only as its SHA-256 hash.
/// </summary>
public static class ApiKeySecret
{
    public const string Marker = "folio_sk_";
    private const int LookupLength = 8;
    private const int SecretLength = 32;
    private const string Alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static readonly SearchValues<char> AlphabetChars = SearchValues.Create(Alphabet);

    public static (string Secret, string Prefix, byte[] Hash) Generate()
    {
        var secret = Marker + RandomNumberGenerator.GetString(Alphabet, LookupLength + SecretLength);
        return (secret, PrefixOf(secret)!, Hash(secret));
    }

    /// <summary>
    /// The stored lookup prefix of a presented secret, or null when it is not shaped like a Folio key: a header that is not
    /// a key never reaches a query.
    /// </summary>
    public static string? PrefixOf(string presented) =>
        presented.Length == Marker.Length + LookupLength + SecretLength && presented.StartsWith(Marker, StringComparison.Ordinal)
            && !presented.AsSpan(Marker.Length).ContainsAnyExcept(AlphabetChars)
            ? presented[..(Marker.Length + LookupLength)]
            : null;

    public static byte[] Hash(string secret) => SHA256.HashData(Encoding.UTF8.GetBytes(secret));

    public static bool Matches(string presented, byte[] storedHash) =>
        CryptographicOperations.FixedTimeEquals(Hash(presented), storedHash);
}
