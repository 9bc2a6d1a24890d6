using Folio.Domain;

namespace Folio.Api;

/// <summary>
/// The rule on text the books can hold (<see cref="StoredText"/>), applied to what a request carries outside its body:
/// query parameters, path segments and headers. It runs before authentication, so such text never reaches a query.
/// </summary>
public static class RequestText
{
    public static IApplicationBuilder UseStoredTextRule(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (Refused(context.Request) is { } field)
            {
                await Problems.Invalid(field, "invalid_text", $"'{field}' {RefusedInput.TextReason}").ExecuteAsync(context);
                return;
            }

            await next(context);
        });

    private static string? Refused(HttpRequest request)
    {
        if (request.QueryString.HasValue)
        {
            foreach (var (name, values) in request.Query)
            {
                if (!StoredText.CanHold(name))
                {
                    return "query";
                }

                foreach (var value in values)
                {
                    if (value is not null && !StoredText.CanHold(value))
                    {
                        return name;
                    }
                }
            }
        }

        foreach (var (name, value) in request.RouteValues)
        {
            if (value is string text && !StoredText.CanHold(text))
            {
                return name;
            }
        }

        if (!StoredText.CanHold(request.Path.Value))
        {
            return "path";
        }

        foreach (var (name, values) in request.Headers)
        {
            foreach (var value in values)
            {
                if (value is not null && !StoredText.CanHold(value))
                {
                    return name;
                }
            }
        }

        return null;
    }
}
