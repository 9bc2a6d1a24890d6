using Microsoft.AspNetCore.Http.Features;
using Microsoft.Net.Http.Headers;

namespace Folio.Api;

public static class RequestLimits
{
    /// <summary>Refuses oversized bodies up front when their length is declared, and caps streamed ones as they are read.</summary>
    public static IApplicationBuilder UseBodySizeLimit(this IApplicationBuilder app, long maxBytes) =>
        app.Use(async (context, next) =>
        {
            if (context.Request.ContentLength > maxBytes)
            {
                await Problems.Create(StatusCodes.Status413PayloadTooLarge, "body_too_large", $"Request bodies are limited to {maxBytes} bytes.").ExecuteAsync(context);
                return;
            }

            if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
            {
                limit.MaxRequestBodySize = maxBytes;
            }

            await next(context);
        });

    /// <summary>
    /// JSON travels as UTF-8 (RFC 8259): a body declared in another charset is refused up front, by name, rather than
    /// transcoded from whatever a client names (or failing on a charset .NET no longer reads, such as UTF-7). UTF-8 named
    /// in quotes is passed on unquoted, the only form the JSON reader takes.
    /// </summary>
    public static IApplicationBuilder UseUtf8Bodies(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (context.Request.ContentType is { } contentType
                && MediaTypeHeaderValue.TryParse(contentType, out var mediaType)
                && mediaType.Charset is { HasValue: true } declared)
            {
                var charset = HeaderUtilities.RemoveQuotes(declared);
                if (!charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase) && !charset.Equals("utf8", StringComparison.OrdinalIgnoreCase))
                {
                    await Problems.UnsupportedMediaType().ExecuteAsync(context);
                    return;
                }

                if (charset.Length != declared.Length)
                {
                    mediaType.Charset = charset;
                    context.Request.ContentType = mediaType.ToString();
                }
            }

            await next(context);
        });
}
