using System.Text.Json;
using System.Text.RegularExpressions;
using Folio.Data;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Folio.Api;

/// <summary>
/// Turns failures that escape a handler into problem+json: malformed bodies and parameters name the field at fault, and
/// nothing internal (exception text, type names) ever reaches the client. A refusal is the client's doing, not a fault of
/// the server: it is logged as one line at information level, its client text escaped, without a stack trace. Only a
/// real fault is logged as an error, with its stack trace.
/// </summary>
public static partial class ErrorHandling
{
    public static IApplicationBuilder UseProblemResponses(this IApplicationBuilder app)
    {
        var logger = app.ApplicationServices.GetRequiredService<ILoggerFactory>().CreateLogger("Folio.Requests");
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            ExceptionHandler = async context =>
            {
                var error = context.Features.Get<IExceptionHandlerFeature>()?.Error;
                var result = Refusal(error);
                if (result is not null)
                {
                    LogRefusal(logger, context.Request, result.ProblemDetails);
                }

                await (result ?? Problems.Create(StatusCodes.Status500InternalServerError, "internal_error", "Folio could not complete the request. Nothing was changed; the server log has the details."))
                    .ExecuteAsync(context);
            },
            SuppressDiagnosticsCallback = context => Refusal(context.Exception) is not null,
        });
        app.UseStatusCodePages(context => Problems.ForStatus(context.HttpContext.Response.StatusCode).ExecuteAsync(context.HttpContext));
        return app;
    }

    /// <summary>The problem a client's own mistake (or a lost race) answers with; null for a fault of the server.</summary>
    private static ProblemHttpResult? Refusal(Exception? error) => error switch
    {
        BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } =>
            Problems.Create(StatusCodes.Status413PayloadTooLarge, "body_too_large", "The request body is larger than this server accepts."),
        BadHttpRequestException { StatusCode: StatusCodes.Status415UnsupportedMediaType } => Problems.UnsupportedMediaType(),
        BadHttpRequestException { InnerException: JsonException json } => FromJson(json),
        BadHttpRequestException bad => FromBinding(bad),
        DbUpdateConcurrencyException => Problems.Create(StatusCodes.Status409Conflict, "concurrent_update", "The object changed while this request was being applied; read it again and retry."),
        _ => null,
    };

    private static void LogRefusal(ILogger logger, HttpRequest request, ProblemDetails problem)
    {
        if (logger.IsEnabled(LogLevel.Information))
        {
            var path = LogText.Escape(request.Path.Value);
            var field = LogText.Escape(Field(problem));
            var code = Code(problem);
            Refused(logger, request.Method, path, problem.Status ?? StatusCodes.Status400BadRequest, code, field);
        }
    }

    private static string Code(ProblemDetails problem) => problem.Extensions.TryGetValue("code", out var code) ? code as string ?? "-" : "-";

    private static string? Field(ProblemDetails problem) => problem.Extensions.TryGetValue("field", out var field) ? field as string : null;

    [LoggerMessage(Level = LogLevel.Information, Message = "Refused {Method} {Path}: {StatusCode} {Code} at {Field}")]
    private static partial void Refused(ILogger logger, string method, string path, int statusCode, string code, string? field);

    private static ProblemHttpResult FromJson(JsonException json)
    {
        var path = FieldOf(json.Path);
        if (json is RefusedInput refused)
        {
            var at = refused.Member is null ? path ?? "body" : path is null ? refused.Member : $"{path}.{refused.Member}";
            return Problems.Invalid(at, refused.Code, $"'{at}' {refused.Message}");
        }

        var message = json.Message;
        if (message.Contains("could not be mapped", StringComparison.Ordinal))
        {
            var member = UnmappedName().Match(message) is { Success: true } m ? m.Groups[1].Value : path;
            var field = path is null ? member : path.EndsWith(member ?? string.Empty, StringComparison.Ordinal) ? path : $"{path}.{member}";
            return Problems.Invalid(field ?? "body", "unknown_field", $"'{member}' is not a field this request accepts: it is unknown or read-only.");
        }

        if (message.Contains("missing required properties", StringComparison.Ordinal))
        {
            var missing = QuotedName().Matches(message).Select(m => m.Groups[1].Value).LastOrDefault() ?? "body";
            var field = path is null ? missing : $"{path}.{missing}";
            return Problems.Invalid(field, "missing_field", $"'{missing}' is required.");
        }

        return Problems.Invalid(path ?? "body", "invalid_json", path is null
            ? "The body is not valid JSON for this request."
            : $"'{path}' has the wrong type or format (amounts are integers in minor units; timestamps are RFC 3339).");
    }

    /// <summary>The serializer's JSON path ($.items[0].description, $['odd name']) as a field name: items[0].description, odd name.</summary>
    private static string? FieldOf(string? path) =>
        path is null or "$" ? null : BracketedName().Replace(path, m => "." + m.Groups[1].Value).TrimStart('$').TrimStart('.');

    private static ProblemHttpResult FromBinding(BadHttpRequestException bad)
    {
        if (bad.Message.Contains("from body", StringComparison.Ordinal) || bad.Message.Contains("body was", StringComparison.OrdinalIgnoreCase))
        {
            return Problems.Invalid("body", "missing_body", "This request needs a JSON body.");
        }

        var parameter = BoundParameter().Match(bad.Message) is { Success: true } m ? SnakeCase.From(m.Groups[1].Value) : "query";
        return Problems.Invalid(parameter, "invalid_parameter", $"'{parameter}' has the wrong type or format.");
    }

    [GeneratedRegex("'([^']+)'")]
    private static partial Regex QuotedName();

    [GeneratedRegex("^The JSON property '(.*)' could not be mapped", RegexOptions.Singleline)]
    private static partial Regex UnmappedName();

    // The serializer brackets a name that is not plain ($['a b']) without escaping quotes inside it: a bracket ends where
    // the path goes on.
    [GeneratedRegex(@"\['(.*?)'\](?=[.\[]|$)", RegexOptions.Singleline)]
    private static partial Regex BracketedName();

    [GeneratedRegex("parameter \"[^\"]*?\\s?([A-Za-z_][A-Za-z0-9_]*)\"")]
    private static partial Regex BoundParameter();
}
