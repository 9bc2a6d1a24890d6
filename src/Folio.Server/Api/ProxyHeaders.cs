using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Folio.Api;

/// <summary>
/// Behind a reverse proxy, the client's address and scheme arrive in X-Forwarded-For and X-Forwarded-Proto. Off by
/// default, and believed only from the proxies configured (loopback when none is named): anyone else could send them.
/// X-Forwarded-Host is never read; links come from <see cref="ApiOptions.PublicUrl"/>.
/// </summary>
public static class ProxyHeaders
{
    public static IApplicationBuilder UseProxyHeaders(this IApplicationBuilder app, ApiOptions api)
    {
        ArgumentNullException.ThrowIfNull(api);
        return api.ForwardedHeaders ? app.UseForwardedHeaders(Options(api.KnownProxies)) : app;
    }

    public static ForwardedHeadersOptions Options(string? knownProxies)
    {
        var options = new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto };
        var entries = (knownProxies ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (entries.Length == 0)
        {
            return options;
        }

        options.KnownProxies.Clear();
        options.KnownIPNetworks.Clear();
        foreach (var entry in entries)
        {
            if (entry.Contains('/', StringComparison.Ordinal) && System.Net.IPNetwork.TryParse(entry, out var network))
            {
                options.KnownIPNetworks.Add(network);
            }
            else if (IPAddress.TryParse(entry, out var address))
            {
                options.KnownProxies.Add(address);
            }
            else
            {
                throw new InvalidOperationException($"{ApiOptions.Section}:KnownProxies: '{entry}' is neither an IP address nor a network such as 10.0.0.0/8.");
            }
        }

        return options;
    }
}
