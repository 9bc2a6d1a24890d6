using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Folio.Hosting;

internal static class OpenApiSetup
{
    public static void Configure(OpenApiOptions options)
    {
        options.AddDocumentTransformer(Describe);
        options.AddSchemaTransformer(Timestamps);
    }

    // Folio reads and writes timestamps with a converter of its own, which the generator cannot see through: say what it
    // takes, an RFC 3339 string.
    private static Task Timestamps(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        var type = context.JsonTypeInfo.Type;
        if (type == typeof(DateTimeOffset) || type == typeof(DateTimeOffset?))
        {
            schema.Type = type == typeof(DateTimeOffset) ? JsonSchemaType.String : JsonSchemaType.String | JsonSchemaType.Null;
            schema.Format = "date-time";
        }

        return Task.CompletedTask;
    }

    private static Task Describe(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info.Title = "Folio API";
        document.Info.Description =
            "Invoices, payments and credit balances, exact to the minor unit. Every amount is an integer in the currency's minor units. " +
            "Authenticate with 'Authorization: Bearer folio_sk_…'. Errors are RFC 9457 problem+json with a stable code and the field at fault.";
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes["api_key"] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            Description = "A Folio API key: folio_sk_…",
        };
        document.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("api_key", document)] = [] }];
        return Task.CompletedTask;
    }
}
