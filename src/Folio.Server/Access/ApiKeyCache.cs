using System.Collections.Concurrent;
using Folio.Api;
using Folio.ApiKeys;
using Microsoft.Extensions.Options;

namespace Folio.Access;

/// <summary>
/// Keys found in the database, remembered for a few seconds so that a busy client costs no key lookup per request. A key
/// revoked through this server is forgotten at once; one revoked elsewhere (the CLI, another server) stops working
/// within <see cref="ApiOptions.KeyCacheSeconds"/>. Only keys that exist are remembered, so the cache stays as small as the key table.
/// </summary>
public sealed class ApiKeyCache(TimeProvider clock, IOptions<ApiOptions> options)
{
    private readonly ConcurrentDictionary<string, (ApiKey Key, DateTimeOffset Until)> _keys = new(StringComparer.Ordinal);
    private readonly TimeSpan _lifetime = TimeSpan.FromSeconds(Math.Max(0, options.Value.KeyCacheSeconds));

    public ApiKey? Find(string prefix) =>
        _keys.TryGetValue(prefix, out var entry) && entry.Until > clock.GetUtcNow() ? entry.Key : null;

    public void Remember(ApiKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (_lifetime > TimeSpan.Zero)
        {
            _keys[key.Prefix] = (key, clock.GetUtcNow() + _lifetime);
        }
    }

    public void Forget(string prefix) => _keys.TryRemove(prefix, out _);
}
