using Microsoft.Extensions.Options;

namespace Folio.Webhooks;

public static class WebhookSetup
{
    public static IServiceCollection AddWebhooks(this IServiceCollection services, IConfiguration configuration)
    {
        WebhookOptions.Register(services, configuration);
        services.AddSingleton<WebhookSecrets>();
        services.AddSingleton<WebhookSignal>();
        services.AddHttpClient(WebhookSender.ClientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(provider =>
            {
                var options = provider.GetRequiredService<IOptions<WebhookOptions>>().Value;
                return new SocketsHttpHandler
                {
                    // Every connection goes to an address checked there, so no name can lead a delivery into Folio's network.
                    ConnectCallback = (context, ct) => OutgoingAddresses.Connect(context, options.AllowPrivateNetworks, ct),
                    // A proxy would connect on Folio's behalf, past that check; a redirect is a failed delivery (3xx).
                    UseProxy = false,
                    AllowAutoRedirect = false,
                    UseCookies = false,
                    MaxConnectionsPerServer = options.Concurrency,
                    PooledConnectionLifetime = TimeSpan.FromMinutes(5),
                };
            })
            // The request log would be a line per delivery; attempts have their own table.
            .RemoveAllLoggers();
        services.AddHostedService<WebhookDispatcher>();
        services.AddHostedService<WebhookSender>();
        return services;
    }
}
