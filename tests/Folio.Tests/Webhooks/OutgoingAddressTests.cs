using System.Net;
using Folio.Tests.Support;
using Folio.Webhooks;

namespace Folio.Tests.Webhooks;

/// <summary>By default no delivery reaches loopback, private, link-local or metadata addresses, by literal or by name.</summary>
public sealed class OutgoingAddressTests(DefaultWebhookApp app) : IClassFixture<DefaultWebhookApp>
{
    [Theory]
    [InlineData("https://127.0.0.1/hook")]
    [InlineData("https://10.1.2.3/hook")]
    [InlineData("https://169.254.169.254/latest/meta-data")]
    [InlineData("https://192.168.0.10/hook")]
    [InlineData("https://100.64.0.1/hook")]
    [InlineData("https://[::1]/hook")]
    [InlineData("https://[fd00:ec2::254]/hook")]
    [InlineData("https://[::ffff:127.0.0.1]/hook")]
    public async Task A_literal_address_deliveries_may_not_reach_is_refused_at_registration(string url) =>
        await app.Admin().Post("/v1/webhook_endpoints", new { url, enabled_events = new[] { "*" } }).ExpectProblem(HttpStatusCode.BadRequest, "url_not_allowed", "url");

    [Fact]
    public async Task Http_is_refused_unless_allowed() =>
        await app.Admin().Post("/v1/webhook_endpoints", new { url = "http://hooks.example.com/x", enabled_events = new[] { "*" } })
            .ExpectProblem(HttpStatusCode.BadRequest, "insecure_url", "url");

    [Fact]
    public async Task A_name_that_resolves_to_loopback_is_refused_when_connecting()
    {
        await using var receiver = await WebhookReceiver.Start();
        var port = new Uri(receiver.Url).Port;
        var (endpoint, _) = await app.Endpoint($"https://localhost:{port}/hook", "customer.created");
        var e = await app.CustomerEvent();
        await app.Until(async () => (await app.Attempts(endpoint)).Count > 0, "the refused attempt");

        var attempt = (await app.Attempts(endpoint))[0];
        Assert.StartsWith("address not allowed: ", attempt.Str("error"), StringComparison.Ordinal);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, attempt.GetProperty("status_code").ValueKind);
        Assert.Empty(receiver.Of(e.Id));
    }

    [Theory]
    [InlineData("127.0.0.1", false)]
    [InlineData("10.0.0.1", false)]
    [InlineData("172.16.5.4", false)]
    [InlineData("172.32.0.1", true)]
    [InlineData("169.254.169.254", false)]
    [InlineData("100.64.1.1", false)]
    [InlineData("0.0.0.0", false)]
    [InlineData("::1", false)]
    [InlineData("fe80::1", false)]
    [InlineData("fc00::1", false)]
    [InlineData("::ffff:10.0.0.1", false)]
    [InlineData("64:ff9b::a00:1", false)]
    [InlineData("93.184.215.14", true)]
    [InlineData("2606:2800:21f:cb07:6820:80da:af6b:8b2c", true)]
    public void Addresses_are_public_or_not(string address, bool isPublic) =>
        Assert.Equal(isPublic, OutgoingAddresses.IsPublic(IPAddress.Parse(address)));
}

/// <summary>With private networks allowed (tests, on-premise), a name resolving to loopback is reached.</summary>
public sealed class PrivateNetworkTests(WebhookApp app) : IClassFixture<WebhookApp>
{
    [Fact]
    public async Task The_setting_lets_deliveries_reach_loopback_by_name_and_by_literal()
    {
        await using var receiver = await WebhookReceiver.Start();
        var port = new Uri(receiver.Url).Port;
        await app.Endpoint($"http://localhost:{port}/hook", "customer.created");
        await app.Endpoint($"http://127.0.0.1:{port}/hook", "customer.created");
        var e = await app.CustomerEvent();
        await app.Until(() => Task.FromResult(receiver.Of(e.Id).Count == 2), "both deliveries");
    }
}
