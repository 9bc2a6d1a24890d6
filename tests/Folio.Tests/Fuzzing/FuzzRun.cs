using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Folio.Tests.Support;
using FsCheck;
using FsCheck.Fluent;

namespace Folio.Tests.Fuzzing;

/// <summary>
/// Sends the generated requests one after another and checks each answer: never a 5xx; every 4xx a problem+json with
/// its status and a code; and a refused write leaves every row of the books as it was. Ids and page tokens in the
/// answers feed the requests after them.
/// </summary>
public sealed class FuzzRun(FolioApp app, OpenApiOperations document, FuzzKeys keys, IdPools pools, ulong seed)
{
    // The clock moves this many times in a run, so that subscriptions come due and bill runs have periods to invoice.
    private const int ClockSteps = 8;

    private readonly HttpClient _client = app.Client(null);
    private readonly Dictionary<string, int> _statuses = [];
    // The books as the last write left them. Reads keep it: nothing in Folio writes while answering a read, and should
    // something start to, the refused write after it reports how many reads came in between.
    private BooksFingerprint? _books;
    private int _readsSince;
    private TimeSpan _fingerprinting;
    private int _fingerprints;
    private TimeSpan _generating;

    public string Summary { get; private set; } = string.Empty;

    /// <summary>
    /// Which operation each request exercises: rounds in which every operation comes once, or more often the more input
    /// it takes (a body, several query parameters), in an order shuffled per round. However many operations the document
    /// has, each is fuzzed at least count / round length times.
    /// </summary>
    public static IReadOnlyList<OpenApiOperation> Schedule(OpenApiOperations document, ulong seed, int count)
    {
        var round = document.All.SelectMany(o => Enumerable.Repeat(o, 1 + (o.Body is null ? 0 : 2) + (o.In("query").Count() >= 3 ? 1 : 0))).ToArray();
        var schedule = new List<OpenApiOperation>(count);
        for (var n = 0; schedule.Count < count; n++)
        {
            schedule.AddRange(Gen.Shuffle(round).Sample(1, Seed(seed, -1 - n), 1)[0]);
        }

        return schedule.GetRange(0, count);
    }

    /// <summary>The random state request <paramref name="index"/> is generated from: the same for the same seed, whatever came before.</summary>
    public static Rnd Seed(ulong seed, int index) => new(unchecked((seed * 0x9E3779B97F4A7C15UL) + ((ulong)(long)index * 0xBF58476D1CE4E5B9UL)));

    public static FuzzRequest Generate(OpenApiOperations document, IdPools pools, DateTimeOffset now, ulong seed, int index, OpenApiOperation operation) =>
        new RequestGenerator(document, pools, now).For(index, operation).Sample(RequestGenerator.Size, Seed(seed, index), 1)[0];

    public async Task<IReadOnlyList<FuzzFailure>> Send(int count)
    {
        var started = Stopwatch.GetTimestamp();
        var failures = new List<FuzzFailure>();
        var schedule = Schedule(document, seed, count);
        var step = Math.Max(count / ClockSteps, 1);
        for (var index = 0; index < count; index++)
        {
            if (index > 0 && index % step == 0)
            {
                app.Clock.Advance(TimeSpan.FromDays(9));
            }

            var generating = Stopwatch.GetTimestamp();
            var request = Generate(document, pools, app.Clock.GetUtcNow(), seed, index, schedule[index]);
            _generating += Stopwatch.GetElapsedTime(generating);
            var (failure, answer) = await Send(request);
            failures.AddRange(failure is null ? [] : [failure]);
            if (request.Operation.IsRead && answer is { } page)
            {
                foreach (var following in PageLinks.Of(request, page))
                {
                    failures.AddRange((await Send(following, mustSucceed: true)).Failure is { } refused ? [refused] : []);
                }
            }
        }

        Summary = $"{count} requests in {Stopwatch.GetElapsedTime(started).TotalSeconds:0.0} s ({_generating.TotalSeconds:0.0} s generating, {_fingerprinting.TotalSeconds:0.0} s reading the books {_fingerprints} times): " +
            string.Join(", ", _statuses.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => $"{s.Value} × {s.Key}"));
        return failures;
    }

    /// <summary>Sends one request and checks the answer; a success's JSON body comes back with it.</summary>
    private async Task<(FuzzFailure? Failure, JsonElement? Answer)> Send(FuzzRequest request, bool mustSucceed = false)
    {
        var write = !request.Operation.IsRead;
        var before = write ? _books ??= await Fingerprint() : null;
        var readsBefore = _readsSince;
        if (write)
        {
            _books = null;
            _readsSince = 0;
        }
        else
        {
            _readsSince++;
        }

        var logged = app.Logs.Entries.Count;
        HttpResponseMessage response;
        byte[] body;
        try
        {
            using var message = request.ToMessage(keys.Secret);
            response = await _client.SendAsync(message);
            body = await response.Content.ReadAsByteArrayAsync();
        }
        catch (Exception exception)
        {
            return (new FuzzFailure(request, null, null, "the request threw instead of being answered", "(none)", FuzzFailure.Describe(exception), 0), null);
        }

        using (response)
        {
            var status = (int)response.StatusCode;
            Count(status);
            if (FuzzSettings.Trace is { } trace)
            {
                await File.AppendAllTextAsync(trace, $"{request.Index} {status} {request.Key} {request.Intent}\n{request.Describe()}\n    response: {RawText.Printable(body, 300)}\n");
            }

            var problems = new List<string>();
            var code = ProblemCode(response, body, status, problems);
            var severity = status >= 500 ? 0 : 2;
            if (mustSucceed && status is >= 400 and < 500)
            {
                problems.Insert(0, "Folio refused a page link or token it had just returned");
                severity = Math.Min(severity, 1);
            }

            // A server error promises that nothing was changed, as a refusal does.
            if (status >= 400 && before is not null)
            {
                _books = await Fingerprint();
                if (_books.ChangedSince(before) is { Count: > 0 } changed)
                {
                    problems.Insert(0, $"refused, yet rows changed in {string.Join(", ", changed)}" + (readsBefore > 0 ? $" (since {readsBefore} reads before it)" : string.Empty));
                    severity = Math.Min(severity, 1);
                }
            }

            var answer = status is >= 200 and < 300 ? Learn(request, body) : null;
            if (status is >= 400 and < 500)
            {
                LearnFromRefusal(request, code, body);
            }

            return (problems.Count == 0 ? null : new FuzzFailure(
                request,
                status,
                code,
                string.Join("; ", problems),
                $"{status} {response.Content.Headers.ContentType} {RawText.Printable(body, 800)}",
                status >= 500 ? ServerError(logged) : null,
                severity), answer);
        }
    }

    private async Task<BooksFingerprint> Fingerprint()
    {
        var started = Stopwatch.GetTimestamp();
        var fingerprint = await BooksFingerprint.Take(app);
        _fingerprinting += Stopwatch.GetElapsedTime(started);
        _fingerprints++;
        return fingerprint;
    }

    /// <summary>The problem's code; what is wrong with the answer goes to <paramref name="problems"/>.</summary>
    private static string? ProblemCode(HttpResponseMessage response, byte[] body, int status, List<string> problems)
    {
        if (status >= 500)
        {
            problems.Add("server error");
        }

        if (status < 400)
        {
            return null;
        }

        string? code = null;
        try
        {
            using var json = JsonDocument.Parse(body);
            var root = json.RootElement;
            code = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("code", out var c) && c.ValueKind == JsonValueKind.String ? c.GetString() : null;
            var stated = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("status", out var s) && s.ValueKind == JsonValueKind.Number && s.TryGetInt32(out var n) ? n : (int?)null;
            if (status < 500 && (string.IsNullOrEmpty(code) || stated != status))
            {
                problems.Add($"a {status} must state its status and a code (status {stated?.ToString(CultureInfo.InvariantCulture) ?? "missing"}, code {code ?? "missing"})");
            }
        }
        catch (JsonException)
        {
            if (status < 500)
            {
                problems.Add($"a {status} must have a JSON problem as its body");
            }
        }

        if (status < 500 && response.Content.Headers.ContentType?.MediaType != "application/problem+json")
        {
            problems.Add($"a {status} must be application/problem+json, not {response.Content.Headers.ContentType?.MediaType ?? "untyped"}");
        }

        return code;
    }

    /// <summary>Keeps what a success teaches: the ids and tokens in its body, an id a delete removed, a query that works.</summary>
    private JsonElement? Learn(FuzzRequest request, byte[] body)
    {
        if (request.Method == "DELETE")
        {
            pools.Forget(Uri.UnescapeDataString(request.Path[(request.Path.LastIndexOf('/') + 1)..]));
        }

        if (request.Query.Count > 0)
        {
            pools.KeepGoodQuery(request.Operation, request.Query);
        }

        try
        {
            using var json = JsonDocument.Parse(body);
            pools.Harvest(request.Operation, json.RootElement);
            return json.RootElement.Clone();
        }
        catch (JsonException)
        {
            // Not every success has a JSON body (204, a health check's text).
            return null;
        }
    }

    /// <summary>Keeps what a refusal teaches: that an operation needs an admin key, or a query parameter its document calls optional.</summary>
    private void LearnFromRefusal(FuzzRequest request, string? code, byte[] body)
    {
        if (code == "admin_key_required" && request.Key is KeyKind.Organization or KeyKind.OtherOrganization)
        {
            pools.MarkAdminOnly(request.Operation);
        }

        if (code?.StartsWith("missing_", StringComparison.Ordinal) == true && request.Intent == "valid")
        {
            using var json = JsonDocument.Parse(body);
            if (json.RootElement.TryGetProperty("field", out var field) && field.ValueKind == JsonValueKind.String && request.Operation.In("query").Any(p => p.Name == field.GetString()))
            {
                pools.MarkNeeded(request.Operation, field.GetString()!);
            }
        }
    }

    /// <summary>What the server logged while it answered with a 5xx: the exception when there was one.</summary>
    private string ServerError(int logged)
    {
        var entries = app.Logs.Entries.Skip(logged).ToList();
        var failed = entries.FirstOrDefault(e => e.Exception is not null);
        if (failed is not null)
        {
            return FuzzFailure.Describe(failed.Exception!);
        }

        var errors = entries.Where(e => e.Level >= Microsoft.Extensions.Logging.LogLevel.Error).Select(e => e.Message).ToList();
        return errors.Count > 0 ? string.Join("\n", errors) : "no exception logged";
    }

    private void Count(int status)
    {
        var key = status.ToString(CultureInfo.InvariantCulture);
        _statuses[key] = _statuses.GetValueOrDefault(key) + 1;
    }
}
