using System.Diagnostics;

namespace Folio.Access;

public static class RequestLogging
{
    /// <summary>One structured line per request, with the id of the key that made it (never the key).</summary>
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
                        "{Method} {Path} {StatusCode} {ElapsedMs:0.0}ms key={KeyId}",
                        context.Request.Method,
                        context.Request.Path.Value,
                        context.Response.StatusCode,
                        Stopwatch.GetElapsedTime(started).TotalMilliseconds,
                        context.Features.Get<Caller>()?.KeyId.ToString() ?? "-");
                }
            }
        });
    }
}
