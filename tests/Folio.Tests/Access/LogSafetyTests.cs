using System.Net;
using Folio.Tests.Support;
using Microsoft.Extensions.Logging;

namespace Folio.Tests.Access;

/// <summary>What a client sends cannot fill, break or forge the operator's log: a refusal is one escaped line, no stack trace.</summary>
public sealed class LogSafetyTests(FolioApp app) : IClassFixture<FolioApp>
{
    private const string Forgery = "\u001b[31mevil\ninfo: Folio.Requests[0]\r\n      GET /v1/invoices 200 key=admin";

    private Task<HttpResponseMessage> PostRaw(string url, string json) => app.Admin().SendJson(HttpMethod.Post, url, json);

    private List<CapturedLogs.LogEntry> EntriesSince(int count) => [.. app.Logs.Entries.Skip(count)];

    [Fact]
    public async Task A_malformed_body_is_logged_as_one_information_line_without_a_stack_trace()
    {
        var before = app.Logs.Entries.Count;

        await PostRaw("/v1/customers", "{not json").ExpectProblem(HttpStatusCode.BadRequest, "invalid_json");
        await PostRaw("/v1/customers", """{"kind":"organization","name":42}""").ExpectProblem(HttpStatusCode.BadRequest, "invalid_json", "name");
        await PostRaw("/v1/products", """{"name":"a\u0000b"}""").ExpectProblem(HttpStatusCode.BadRequest, "invalid_text", "name");

        var entries = EntriesSince(before);
        Assert.DoesNotContain(entries, e => e.Level >= LogLevel.Warning || e.Exception is not null);
        var refusals = entries.Where(e => e.Message.StartsWith("Refused ", StringComparison.Ordinal)).ToList();
        Assert.Equal(3, refusals.Count);
        Assert.All(refusals, e => Assert.Equal(LogLevel.Information, e.Level));
        Assert.Equal(["invalid_json", "invalid_json", "invalid_text"], refusals.Select(e => e.Values["Code"]));
        Assert.Equal(["body", "name", "name"], refusals.Select(e => e.Values["Field"]));
    }

    [Fact]
    public async Task Client_text_reaches_the_log_escaped_never_as_control_characters_or_line_breaks()
    {
        var organization = (await app.Books().Organization()).Str("id");
        var before = app.Logs.Entries.Count;
        var escapedName = System.Text.Json.JsonEncodedText.Encode(Forgery).ToString();

        var problem = await PostRaw("/v1/customers", $$"""{"kind":"organization","name":"x","{{escapedName}}":1}""").ExpectProblem(HttpStatusCode.BadRequest, "unknown_field");
        Assert.Equal(Forgery, problem.Str("field"));
        await app.Admin().GetAsync(new Uri("/v1/customers/%1B%5B2J%0Aforged%0D%0Aline", UriKind.Relative)).ExpectProblem(HttpStatusCode.NotFound, "customer_not_found");
        await app.Admin().GetAsync(new Uri($"/v1/customers/{organization}", UriKind.Relative)).Expect(HttpStatusCode.OK);

        var entries = EntriesSince(before);
        Assert.Contains(entries, e => e.Message.Contains("at \\u001b[31mevil\\ninfo: Folio.Requests[0]\\r\\n", StringComparison.Ordinal));
        Assert.Contains(entries, e => Equals(e.Values.GetValueOrDefault("Path"), "/v1/customers/\\u001b[2J\\nforged\\r\\nline"));
        Assert.All(entries, e => Assert.False(
            e.Message.AsSpan().ContainsAny("\u001b\n\r") || e.Values.Values.Any(v => v is string s && s.AsSpan().ContainsAny("\u001b\n\r")),
            $"a log entry holds client control characters: {e.Message}"));
    }
}
