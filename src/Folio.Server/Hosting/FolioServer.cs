using Folio.Access;
using Folio.Api;
using Folio.ApiKeys;
using Folio.Audit;
using Folio.BillingProfiles;
using Folio.BillRuns;
using Folio.Catalog;
using Folio.Credits;
using Folio.Customers;
using Folio.Data;
using Folio.Dialects.AdminApi;
using Folio.Dialects.ConsoleApi;
using Folio.Dialects.InvoiceDetails;
using Folio.Dialects.OrganizationBilling;
using Folio.Events;
using Folio.ExchangeRates;
using Folio.Health;
using Folio.Idempotency;
using Folio.Invoices;
using Folio.KeyRing;
using Folio.Payments;
using Folio.Subscriptions;
using Folio.Webhooks;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using Scalar.AspNetCore;

namespace Folio.Hosting;

/// <summary>Composes the server: services, middleware and routes. The CLI and the tests build it the same way.</summary>
public static class FolioServer
{
    public const string DefaultUrl = "http://127.0.0.1:5080";

    public static WebApplicationBuilder CreateBuilder(string[] args) =>
        WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });

    public static WebApplicationBuilder AddFolio(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddSingleton(TimeProvider.System);
        services.AddFolioDb(builder.Configuration);
        services.AddFolioKeyRing();
        services.AddSingleton<PageTokens>();
        InvoiceOptions.Register(services, builder.Configuration);
        BillRunOptions.Register(services, builder.Configuration);
        BillRunSchedule.Register(services, builder.Configuration);
        services.AddWebhooks(builder.Configuration);
        EventOptions.Register(services, builder.Configuration);
        services.AddOptions<ApiOptions>().Bind(builder.Configuration.GetSection(ApiOptions.Section))
            .Validate(api => PublicLinks.IsValidPublicUrl(api.PublicUrl), $"{ApiOptions.Section}:PublicUrl is the absolute http or https address clients reach Folio at, such as https://billing.example.com.")
            .ValidateOnStart();
        services.AddSingleton<PublicLinks>();
        services.Configure<JsonOptions>(options => JsonSetup.Apply(options.SerializerOptions));
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        services.AddProblemDetails();
        services.AddApiKeyAuthentication();
        services.AddFolioRateLimits(builder.Configuration);
        services.AddSingleton<KeysInFlight>();
        IdempotencyCleanup.Register(services);
        services.AddOpenApi(OpenApiSetup.Configure);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);
        return builder;
    }

    public static WebApplication UseFolio(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var api = app.Services.GetRequiredService<IOptions<ApiOptions>>().Value;
        app.UseProxyHeaders(api);
        app.UseRequestLogging();
        app.UseProblemResponses();
        app.UseBodySizeLimit(api.MaxBodyBytes);
        app.UseUtf8Bodies();
        app.UseStoredTextRule();
        app.UseAuthentication();
        app.UseFolioRateLimits();
        app.UseAuthorization();
        app.UseAuditTrail();
        app.UseMiddleware<IdempotencyKeys>();

        app.MapOpenApi("/openapi/{documentName}.json");
        app.MapScalarApiReference("/docs", options => options.WithTitle("Folio API").WithOpenApiRoutePattern("/openapi/{documentName}.json"));
        app.MapGet("/", () => TypedResults.Redirect("/docs")).ExcludeFromDescription();
        app.MapHealth();

        // The native API; the dialects below are read-only contracts of their own.
        var native = app.MapGroup(string.Empty).AcceptIdempotencyKeys();
        native.MapCustomers();
        native.MapCredits();
        native.MapInvoices();
        native.MapPayments();
        native.MapApiKeys();
        native.MapExchangeRates();
        native.MapProducts();
        native.MapPrices();
        native.MapSubscriptions();
        native.MapBillRuns();
        native.MapBillingProfiles();
        native.MapWebhookEndpoints();
        native.MapWebhookDeliveries();
        native.MapEvents();
        native.MapAuditEvents();
        app.MapConsoleApi();
        app.MapOrganizationBilling();
        app.MapInvoiceDetails();
        app.MapAdminApi();
        return app;
    }
}
