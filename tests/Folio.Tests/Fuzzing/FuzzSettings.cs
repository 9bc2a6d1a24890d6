using System.Globalization;

namespace Folio.Tests.Fuzzing;

/// <summary>How much to fuzz and from which seed; the defaults keep CI deterministic and within its time.</summary>
public static class FuzzSettings
{
    public const string SeedVariable = "FOLIO_FUZZ_SEED";
    public const string RequestsVariable = "FOLIO_FUZZ_REQUESTS";
    public const string TraceVariable = "FOLIO_FUZZ_TRACE";
    public const ulong DefaultSeed = 20260302;
    public const int DefaultRequests = 2500;

    public static ulong Seed => Read(SeedVariable, DefaultSeed, text => ulong.Parse(text, CultureInfo.InvariantCulture));

    public static int Requests => Read(RequestsVariable, DefaultRequests, text => int.Parse(text, CultureInfo.InvariantCulture));

    /// <summary>A file to append every request and its answer to, when set.</summary>
    public static string? Trace => Environment.GetEnvironmentVariable(TraceVariable) is { Length: > 0 } path ? path : null;

    private static T Read<T>(string variable, T fallback, Func<string, T> parse) =>
        Environment.GetEnvironmentVariable(variable) is { Length: > 0 } text ? parse(text.Trim()) : fallback;
}
