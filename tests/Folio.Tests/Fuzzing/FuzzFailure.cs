using System.Text;

namespace Folio.Tests.Fuzzing;

/// <summary>
/// A request Folio did not hold under, with what it answered and what the server logged while answering. Severity orders
/// the report: 0 for a server error, 1 for a refusal that changed the books or of a link Folio gave, 2 for a malformed problem.
/// </summary>
public sealed record FuzzFailure(FuzzRequest Request, int? Status, string? Code, string Problem, string Response, string? ServerError, int Severity)
{
    /// <summary>
    /// Failures alike in this are one failure: the same route refusing or breaking in the same way. Every server error has
    /// the same code, so its exception's type tells one apart from another.
    /// </summary>
    public string Kind => $"{Request.Method} {Request.Operation.Path} → {Status?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "no response"} {Code ?? "-"}" +
        (ServerError is null ? string.Empty : $" ({ServerError.Split(':')[0]})");

    public const int MaxShown = 30;

    public static string Report(ulong seed, IReadOnlyList<FuzzFailure> failures, IReadOnlyList<string> invariants)
    {
        // The worst first, then in the order the run met them.
        var kinds = failures.GroupBy(f => f.Kind).OrderBy(k => k.Min(f => f.Severity)).ThenBy(k => k.First().Request.Index).ToList();
        var text = new StringBuilder()
            .AppendLine($"Fuzzing with seed {seed} ({FuzzSettings.SeedVariable}={seed} replays it): {kinds.Count} distinct failures in {failures.Count} requests, {invariants.Count} broken invariants.");
        foreach (var kind in kinds.Take(MaxShown))
        {
            var first = kind.First();
            text.AppendLine()
                .AppendLine($"{kind.Key}: {first.Problem} (case {first.Request.Index}, seed {seed}; {kind.Count()} such requests)")
                .AppendLine(first.Request.Describe())
                .AppendLine($"    response: {first.Response}");
            if (first.ServerError is not null)
            {
                text.AppendLine($"    server: {first.ServerError.Replace("\n", "\n    ", StringComparison.Ordinal)}");
            }
        }

        if (kinds.Count > MaxShown)
        {
            text.AppendLine().AppendLine($"…and {kinds.Count - MaxShown} more: {string.Join("; ", kinds.Skip(MaxShown).Select(k => k.Key))}");
        }

        if (invariants.Count > 0)
        {
            text.AppendLine().AppendLine("The books after the run:");
            foreach (var broken in invariants.Take(MaxShown))
            {
                text.AppendLine($"    {broken}");
            }
        }

        return text.ToString();
    }

    /// <summary>The exception's types and messages down to the innermost, then where it was thrown and where Folio's code called it.</summary>
    public static string Describe(Exception exception)
    {
        var text = new StringBuilder();
        for (var e = exception; e is not null; e = e.InnerException)
        {
            text.AppendLine($"{(e == exception ? string.Empty : "inner ")}{e.GetType().FullName}: {e.Message.Split('\n')[0].Trim()}");
        }

        var frames = (exception.StackTrace ?? string.Empty).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        foreach (var frame in frames.Take(4).Concat(frames.Skip(4).Where(f => f.StartsWith("at Folio.", StringComparison.Ordinal)).Take(4)))
        {
            text.AppendLine($"  {frame}");
        }

        return text.ToString().TrimEnd();
    }
}
