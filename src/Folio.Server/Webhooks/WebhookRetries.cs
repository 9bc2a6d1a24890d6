using System.Net;
using System.Net.Http.Headers;

namespace Folio.Webhooks;

/// <summary>
/// When a failed delivery is tried again: the Standard Webhooks schedule after the first attempt (5 s, 5 min, 30 min, 2 h,
/// 5 h, 10 h, 10 h), each lengthened by up to a tenth at random so that the retries of many deliveries spread out; after
/// the eighth attempt the delivery fails. A 429 or 503 with <c>Retry-After</c> is never tried sooner than it asked (up to
/// <see cref="LongestRetryAfter"/>).
/// </summary>
public static class WebhookRetries
{
    public static readonly IReadOnlyList<TimeSpan> Schedule =
    [
        TimeSpan.FromSeconds(5), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(30), TimeSpan.FromHours(2), TimeSpan.FromHours(5), TimeSpan.FromHours(10), TimeSpan.FromHours(10),
    ];

    /// <summary>The longest a receiver's Retry-After delays a retry: the schedule's longest step.</summary>
    public static readonly TimeSpan LongestRetryAfter = TimeSpan.FromHours(10);

    /// <summary>After this long failing without a success, an endpoint is disabled.</summary>
    public static readonly TimeSpan DisableAfter = TimeSpan.FromDays(5);

    public static int MaxAttempts => Schedule.Count + 1;

    /// <summary>When attempt <paramref name="attempt"/> (1 for the first), made at <paramref name="at"/>, is followed by another; null when it was the last.</summary>
    public static DateTimeOffset? Next(int attempt, DateTimeOffset at, TimeSpan? retryAfter)
    {
        if (attempt >= MaxAttempts)
        {
            return null;
        }

        var step = Schedule[attempt - 1];
        var delay = step + TimeSpan.FromTicks((long)(step.Ticks * Random.Shared.NextDouble() / 10));
        if (retryAfter is { } asked)
        {
            var honoured = asked < LongestRetryAfter ? asked : LongestRetryAfter;
            delay = delay > honoured ? delay : honoured;
        }

        return at + delay;
    }

    /// <summary>What a 429 or 503 asked for in <c>Retry-After</c> (seconds, or a date), from <paramref name="now"/>; null otherwise.</summary>
    public static TimeSpan? RetryAfter(HttpStatusCode status, RetryConditionHeaderValue? header, DateTimeOffset now)
    {
        if (status is not (HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable) || header is null)
        {
            return null;
        }

        var asked = header.Delta ?? (header.Date is { } date ? date - now : null);
        return asked is { } delay && delay > TimeSpan.Zero ? delay : null;
    }
}
