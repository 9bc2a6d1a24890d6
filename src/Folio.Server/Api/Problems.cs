using Folio.Domain;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Folio.Api;

/// <summary>The one place where outcomes become HTTP: RFC 9457 problem+json with a stable code and the field at fault.</summary>
public static class Problems
{
    public static ProblemHttpResult NotFound(string code) =>
        Create(StatusCodes.Status404NotFound, code, $"No {code.Replace("_not_found", string.Empty, StringComparison.Ordinal).Replace('_', ' ')} with that id is visible to this key.");

    public static ProblemHttpResult Invalid(string field, string code, string detail) =>
        From([RuleViolation.Invalid(field, code, detail)]);

    public static ProblemHttpResult From(IReadOnlyList<RuleViolation> violations)
    {
        ArgumentNullException.ThrowIfNull(violations);
        var status = violations.Any(v => v.Kind == ViolationKind.Stale) ? StatusCodes.Status412PreconditionFailed
            : violations.Any(v => v.Kind == ViolationKind.Conflict) ? StatusCodes.Status409Conflict
            : violations.Any(v => v.Kind == ViolationKind.Unprocessable) ? StatusCodes.Status422UnprocessableEntity
            : StatusCodes.Status400BadRequest;
        var first = violations.FirstOrDefault(v => StatusOf(v.Kind) == status) ?? violations[0];
        var problem = Details(status, first.Code, violations.Count == 1 ? first.Detail : $"{first.Detail} ({violations.Count} problems in all; see errors.)");
        if (first.Field is not null)
        {
            problem.Extensions["field"] = first.Field;
        }

        problem.Extensions["errors"] = violations.Select(v => new FieldError(v.Field, v.Code, v.Detail)).ToArray();
        return TypedResults.Problem(problem);
    }

    public static ProblemHttpResult Create(int status, string code, string detail, string? field = null)
    {
        var problem = Details(status, code, detail);
        if (field is not null)
        {
            problem.Extensions["field"] = field;
        }

        return TypedResults.Problem(problem);
    }

    /// <summary>A body Folio cannot read as JSON text: another media type, or a charset other than UTF-8 (RFC 8259).</summary>
    public static ProblemHttpResult UnsupportedMediaType() =>
        Create(StatusCodes.Status415UnsupportedMediaType, "unsupported_media_type", "Send the body as application/json in UTF-8.", "Content-Type");

    /// <summary>What the server answers by itself, before any route's handler: no route, or not with that method.</summary>
    public static ProblemHttpResult ForStatus(int status) => status switch
    {
        StatusCodes.Status404NotFound => Create(status, "route_not_found", "No route of this API has that path."),
        StatusCodes.Status405MethodNotAllowed => Create(status, "method_not_allowed", "This path does not take that method; the Allow header lists those it takes."),
        StatusCodes.Status415UnsupportedMediaType => UnsupportedMediaType(),
        _ => Create(status, $"http_{status}", TitleOf(status)),
    };

    public static ProblemDetails Details(int status, string code, string detail) => new()
    {
        Type = $"urn:folio:problem:{code}",
        Title = TitleOf(status),
        Status = status,
        Detail = detail,
        Extensions = { ["code"] = code },
    };

    public static Results<TOk, ProblemHttpResult> Map<T, TOk>(Outcome<T> outcome, Func<T, TOk> ok)
        where TOk : IResult
    {
        ArgumentNullException.ThrowIfNull(ok);
        if (outcome.NotFoundCode is { } code)
        {
            return NotFound(code);
        }

        return outcome.Violations.Count > 0 ? From(outcome.Violations) : ok(outcome.Value!);
    }

    private static int StatusOf(ViolationKind kind) => kind switch
    {
        ViolationKind.Conflict => StatusCodes.Status409Conflict,
        ViolationKind.Stale => StatusCodes.Status412PreconditionFailed,
        ViolationKind.Unprocessable => StatusCodes.Status422UnprocessableEntity,
        _ => StatusCodes.Status400BadRequest,
    };

    private static string TitleOf(int status) => status switch
    {
        400 => "The request is not valid.",
        401 => "An API key is required.",
        403 => "This key may not do that.",
        404 => "Not found.",
        409 => "The object is not in a state that allows this.",
        412 => "The object has changed since it was read.",
        405 => "The method is not allowed here.",
        413 => "The request body is too large.",
        415 => "Send the request body as application/json.",
        422 => "The request cannot be applied to the books.",
        429 => "Too many requests.",
        _ => "The request failed.",
    };
}

public sealed record FieldError(string? Field, string Code, string Detail);

public static class ProblemMetadata
{
    /// <summary>Documents the problems every route of a group can answer with.</summary>
    public static RouteGroupBuilder WithStandardProblems(this RouteGroupBuilder group) =>
        group.ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
}
