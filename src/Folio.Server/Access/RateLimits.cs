using System.Globalization;
using System.Net;
using System.Threading.RateLimiting;
using Folio.Api;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Folio.Access;

/// <summary>
/// Budgets of requests (<c>Folio:RateLimits</c>), in the spirit of Stripe's: each API key has one for reads (GET, HEAD) and
/// one for writes (every other method), and a client address that sends a missing or wrong key to a route that needs one
/// has a small one, so that guessing keys is slow. Token buckets: a budget refills over its window, and a burst may spend
/// it at once.
/// </summary>
public sealed class RateLimitOptions
{
    public const string Section = "Folio:RateLimits";

    /// <summary>False turns every budget off (a load test with one key, a server behind a gateway that limits already).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Reads per key per <see cref="Window"/>.</summary>
    public int Reads { get; set; } = 100;

    /// <summary>Writes per key per <see cref="Window"/>.</summary>
    public int Writes { get; set; } = 100;

    public TimeSpan Window { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Requests with a missing or wrong key per client address per <see cref="WrongKeyWindow"/>.</summary>
    public int WrongKeys { get; set; } = 20;

    public TimeSpan WrongKeyWindow { get; set; } = TimeSpan.FromMinutes(1);

    internal bool IsValid => Reads > 0 && Writes > 0 && WrongKeys > 0 && Window > TimeSpan.Zero && WrongKeyWindow > TimeSpan.Zero;
}

public static class RateLimits
{
    public static IServiceCollection AddFolioRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<RateLimitOptions>().Bind(configuration.GetSection(RateLimitOptions.Section))
            .Validate(o => o.IsValid, $"{RateLimitOptions.Section}: Reads, Writes and WrongKeys are positive counts, Window and WrongKeyWindow positive times (00:00:01).")
            .ValidateOnStart();
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<RateLimitOptions>>((limiter, settings) =>
        {
            var budgets = settings.Value;
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, Budget>(context => Partition(context, budgets));
            limiter.OnRejected = (rejected, cancellationToken) => Refuse(rejected.HttpContext, rejected.Lease);
        });
        return services;
    }

    /// <summary>After authentication, so that a budget is the key's (by id, never the secret); before authorization and any handler.</summary>
    public static IApplicationBuilder UseFolioRateLimits(this IApplicationBuilder app) =>
        app.ApplicationServices.GetRequiredService<IOptions<RateLimitOptions>>().Value.Enabled ? app.UseRateLimiter() : app;

    private readonly record struct Budget(Guid KeyId, bool Writes, IPAddress? Address);

    private static RateLimitPartition<Budget> Partition(HttpContext context, RateLimitOptions budgets)
    {
        if (context.Features.Get<Caller>() is { } caller)
        {
            var writes = !HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method);
            return Bucket(new Budget(caller.KeyId, writes, null), writes ? budgets.Writes : budgets.Reads, budgets.Window);
        }

        return context.GetEndpoint()?.Metadata.GetMetadata<IAuthorizeData>() is not null
            ? Bucket(new Budget(Guid.Empty, false, context.Connection.RemoteIpAddress ?? IPAddress.None), budgets.WrongKeys, budgets.WrongKeyWindow)
            : RateLimitPartition.GetNoLimiter(default(Budget));
    }

    private static RateLimitPartition<Budget> Bucket(Budget budget, int count, TimeSpan window) =>
        RateLimitPartition.GetTokenBucketLimiter(budget, _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = count,
            TokensPerPeriod = count,
            ReplenishmentPeriod = window,
            QueueLimit = 0,
            AutoReplenishment = true,
        });

    private static async ValueTask Refuse(HttpContext context, RateLimitLease lease)
    {
        var wait = lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromSeconds(1);
        var seconds = Math.Max(1, (long)Math.Ceiling(wait.TotalSeconds));
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        await Problems.Create(StatusCodes.Status429TooManyRequests, "rate_limited", $"Too many requests; retry in {seconds} s (see Retry-After).")
            .ExecuteAsync(context);
    }
}
