namespace Folio.Api;

public sealed class ApiOptions
{
    public const string Section = "Folio:Api";

    /// <summary>Largest request body accepted, in bytes; larger ones get 413.</summary>
    public long MaxBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>How long a verified API key is remembered; a key revoked on another server stops working within this time. 0 turns the cache off.</summary>
    public int KeyCacheSeconds { get; set; } = 5;

    /// <summary>The address clients reach Folio at (https://billing.example.com), for the absolute links Folio writes.</summary>
    public string? PublicUrl { get; set; }

    /// <summary>Whether to believe X-Forwarded-For and X-Forwarded-Proto, from <see cref="KnownProxies"/> only.</summary>
    public bool ForwardedHeaders { get; set; }

    /// <summary>The proxies whose forwarded headers are believed: addresses or networks (10.0.0.0/8), comma-separated; loopback when empty.</summary>
    public string? KnownProxies { get; set; }
}
