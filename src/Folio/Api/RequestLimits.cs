using Microsoft.AspNetCore.Http.Features;

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
}
