using System.Net;
using Folio.Domain;

namespace Folio.Webhooks;

/// <summary>What an endpoint URL must be: absolute, https (http only when allowed), without credentials, and not a literal address deliveries may not reach.</summary>
public static class WebhookUrls
{
    public static RuleViolation? Check(string? url, WebhookOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrWhiteSpace(url) || url.Length > WebhookEndpoint.MaxUrlLength || !Uri.TryCreate(url, UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp) || string.IsNullOrEmpty(uri.Host))
        {
            return RuleViolation.Invalid("url", "invalid_url", $"url is an absolute https URL of at most {WebhookEndpoint.MaxUrlLength} characters, such as https://example.com/webhooks.");
        }

        if (uri.Scheme == Uri.UriSchemeHttp && !options.AllowHttp)
        {
            return RuleViolation.Invalid("url", "insecure_url", $"url must use https ({WebhookOptions.Section}:AllowHttp allows http).");
        }

        if (uri.UserInfo.Length > 0 || uri.Fragment.Length > 0)
        {
            // Credentials in a URL would be stored and shown as they are; the signature is how a receiver knows Folio.
            return RuleViolation.Invalid("url", "invalid_url", "url may carry neither a user name, a password nor a fragment.");
        }

        if (!options.AllowPrivateNetworks && IPAddress.TryParse(uri.IdnHost.Trim('[', ']'), out var address) && !OutgoingAddresses.IsPublic(address))
        {
            return RuleViolation.Invalid("url", "url_not_allowed", $"url is a loopback, private, link-local or reserved address, which deliveries may not reach ({WebhookOptions.Section}:AllowPrivateNetworks allows them).");
        }

        return null;
    }
}
