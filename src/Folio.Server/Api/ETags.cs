using System.Globalization;
using Folio.Domain;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Folio.Api;

/// <summary>Optimistic concurrency on the wire: a version is sent as <c>ETag: "v3"</c> and checked from <c>If-Match</c>.</summary>
public static class ETags
{
    public static void Set(HttpResponse response, int version)
    {
        ArgumentNullException.ThrowIfNull(response);
        response.Headers.ETag = $"\"v{version.ToString(CultureInfo.InvariantCulture)}\"";
    }

    /// <summary>Reads If-Match: no header (or *) is no condition; false when the header is not an ETag Folio sent.</summary>
    public static bool TryReadIfMatch(HttpRequest request, out int? version)
    {
        ArgumentNullException.ThrowIfNull(request);
        version = null;
        var header = request.Headers.IfMatch.ToString();
        if (string.IsNullOrEmpty(header) || header == "*")
        {
            return true;
        }

        var tag = header.Trim().TrimStart('W', '/').Trim('"');
        if (tag.StartsWith('v') && int.TryParse(tag.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
        {
            version = parsed;
            return true;
        }

        return false;
    }

    public static ProblemHttpResult InvalidIfMatch(string what) =>
        Problems.Invalid("If-Match", "invalid_if_match", $"If-Match takes the ETag of the {what} as returned, such as \"v3\".");

    /// <summary>The refusal of a change made from a stale copy (412).</summary>
    public static RuleViolation Stale(string what, int current, int expected) =>
        new(ViolationKind.Stale, "version_mismatch", $"The {what} is at version {current}, not {expected}: read it again and retry.");
}
