using System.Diagnostics;
using Folio.Api;

namespace Folio.Access;

public static class RequestLogging
{
    /// <summary>
    /// One structured line per request, with the id of the key that made it (never the key) and the client's address (the
    /// proxy's, unless forwarded headers are on). The path is the client's text, escaped so that it cannot break or forge
    /// the line.
    /// </summary>
    public static IApplicationBuilder UseRequestLogging(this IApplicationBuilder app)
    {
        var logger = app.ApplicationServices.GetRequiredService<ILoggerFactory>().CreateLogger("Folio.Requests");
        return app.Use(async (context, next) =>
        {
            var started = Stopwatch.GetTimestamp();
            try
            {
                await next(context);
            }
            finally
            {
                if (logger.IsEnabled(LogLevel.Information))
                {
                    logger.LogInformation(
                        "{Method} {Path} {StatusCode} {ElapsedMs:0.0}ms key={KeyId} client={Client}",
                        context.Request.Method,
                        LogText.Escape(context.Request.Path.Value),
                        context.Response.StatusCode,
                        Stopwatch.GetElapsedTime(started).TotalMilliseconds,
                        context.Features.Get<Caller>()?.KeyId.ToString() ?? "-",
                        context.Connection.RemoteIpAddress?.ToString() ?? "-");
                }
            }
        });
    }
}
