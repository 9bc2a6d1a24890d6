using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace Folio.Api;

/// <summary>
/// The absolute links Folio writes into responses (the dialects' prev and next). They come from configuration, never from
/// the request: the Host header is the client's to choose, and a link built from it would send the next caller anywhere.
/// In order: <see cref="ApiOptions.PublicUrl"/>; else the address the server listens on, when it names a host (not
/// 0.0.0.0 or [::]); else a link relative to the server's root.
/// </summary>
public sealed class PublicLinks(IOptions<ApiOptions> options, IServer server)
{
    private string? _root;

    /// <param name="path">The route, as Folio writes it: /v1/… with ids it parsed, not the path the client sent.</param>
    public string To(string path, QueryString query) => Root + new PathString(path).ToUriComponent() + query.ToUriComponent();

    // Read once the server has bound its addresses, at the first link.
    private string Root => _root ??= Configured() ?? Listening() ?? string.Empty;

    private string? Configured() => options.Value.PublicUrl is { Length: > 0 } url ? url.TrimEnd('/') : null;

    private string? Listening() =>
        (server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [])
            .Select(address => Uri.TryCreate(address, UriKind.Absolute, out var uri) ? uri : null)
            .FirstOrDefault(uri => uri is { Scheme: "http" or "https" } && uri.Host is not ("0.0.0.0" or "[::]" or "::"))
            ?.GetLeftPart(UriPartial.Authority);

    /// <summary>A setting that is not an absolute http(s) URL without query or fragment stops the server at start.</summary>
    public static bool IsValidPublicUrl(string? url) =>
        url is null || (Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && uri.Query.Length == 0 && uri.Fragment.Length == 0 && uri.UserInfo.Length == 0);
}
