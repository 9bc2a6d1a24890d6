using System.Text.Json;
using System.Text.RegularExpressions;
using Folio.Data;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Folio.Api;

/// <summary>
/// Turns failures that escape a handler into problem+json: malformed bodies and parameters name the field at fault, and
/// nothing internal (exception text, type names) ever reaches the client.
/// </summary>
public static partial class ErrorHandling
{
    public static IApplicationBuilder UseProblemResponses(this IApplicationBuilder app)
    {
        app.UseExceptionHandler(handler => handler.Run(async context =>
        {
            var error = context.Features.Get<IExceptionHandlerFeature>()?.Error;
            ProblemHttpResult result = error switch
            {
                BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } =>
                    Problems.Create(StatusCodes.Status413PayloadTooLarge, "body_too_large", "The request body is larger than this server accepts."),
                BadHttpRequestException { StatusCode: StatusCodes.Status415UnsupportedMediaType } =>
                    Problems.Create(StatusCodes.Status415UnsupportedMediaType, "unsupported_media_type", "Send the body as application/json."),
                BadHttpRequestException { InnerException: JsonException json } => FromJson(json),
                BadHttpRequestException bad => FromBinding(bad),
                DbUpdateConcurrencyException => Problems.Create(StatusCodes.Status409Conflict, "concurrent_update", "The object changed while this request was being applied; read it again and retry."),
                _ => Problems.Create(StatusCodes.Status500InternalServerError, "internal_error", "Folio could not complete the request. Nothing was changed; the server log has the details."),
            };
            await result.ExecuteAsync(context);
        }));
        app.UseStatusCodePages();
        return app;
    }

    private static ProblemHttpResult FromJson(JsonException json)
    {
        var path = json.Path is null or "$" ? null : json.Path.TrimStart('$').TrimStart('.');
        var message = json.Message;
        if (message.Contains("could not be mapped", StringComparison.Ordinal))
        {
            var member = QuotedName().Match(message) is { Success: true } m ? m.Groups[1].Value : path;
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

    [GeneratedRegex("parameter \"[^\"]*?\\s?([A-Za-z_][A-Za-z0-9_]*)\"")]
    private static partial Regex BoundParameter();
}
