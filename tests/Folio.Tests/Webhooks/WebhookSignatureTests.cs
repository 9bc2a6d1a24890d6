using System.Net;
using System.Text.Json;
using Folio.Tests.Support;

namespace Folio.Tests.Webhooks;

/// <summary>Deliveries verified by the Standard Webhooks project's own library, as a receiver would verify them.</summary>
public sealed class WebhookSignatureTests(WebhookApp app) : IClassFixture<WebhookApp>, IAsyncLifetime
{
    private WebhookReceiver _receiver = null!;

    public async Task InitializeAsync()
    {
        _receiver = await WebhookReceiver.Start();
        await app.StartVerifier();
    }

    public async Task DisposeAsync() => await _receiver.DisposeAsync();

    [Fact]
    public async Task A_delivery_carries_the_event_and_verifies_and_a_tampered_body_or_a_stale_timestamp_does_not()
    {
        var (_, secret) = await app.Endpoint(_receiver.Url, "customer.*");
        var e = await app.CustomerEvent();
        await app.Until(() => Task.FromResult(_receiver.Of(e.Id).Count == 1), "the delivery");

        var delivery = _receiver.Of(e.Id)[0];
        var received = app.Clock.GetUtcNow();
        Assert.Null(await app.Verifier.Verify(secret, delivery.Body, delivery.Headers, received));
        Assert.Equal("application/json", delivery.Headers["content-type"]);
        Assert.InRange(delivery.Timestamp, e.CreatedAt.ToUnixTimeSeconds(), app.Clock.GetUtcNow().ToUnixTimeSeconds());
        var body = JsonDocument.Parse(delivery.Body).RootElement;
        Assert.Equal((e.Id.ToString(), "customer.created"), (body.Str("id"), body.Str("type")));
        Assert.Equal(e.CreatedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture), body.Str("created_at"));
        Assert.Equal(e.Data, body.GetProperty("data").GetProperty("object").GetRawText());

        var tampered = (byte[])delivery.Body.Clone();
        tampered[^2] = (byte)(tampered[^2] == (byte)' ' ? '\n' : ' ');
        Assert.NotNull(await app.Verifier.Verify(secret, tampered, delivery.Headers, received));
        Assert.Contains("too old", await app.Verifier.Verify(secret, delivery.Body, delivery.Headers, DateTimeOffset.FromUnixTimeSeconds(delivery.Timestamp).AddMinutes(6)));
        Assert.NotNull(await app.Verifier.Verify("whsec_" + Convert.ToBase64String(new byte[32]), delivery.Body, delivery.Headers, received));
    }

    [Fact]
    public async Task After_a_rotation_both_secrets_verify_during_the_overlap_and_only_the_new_one_after()
    {
        var (id, old) = await app.Endpoint(_receiver.Url, "customer.updated");
        var rotated = await app.Admin().Post($"/v1/webhook_endpoints/{id}/rotate_secret", new { previous_secret_expires_in = 3600 }).Expect(HttpStatusCode.OK);
        var fresh = rotated.Str("secret");
        Assert.NotEqual(old, fresh);
        Assert.Equal(app.Clock.GetUtcNow().AddHours(1), DateTimeOffset.Parse(rotated.Str("previous_secret_expires_at"), System.Globalization.CultureInfo.InvariantCulture));

        var during = await app.CustomerEvent("customer.updated");
        await app.Until(() => Task.FromResult(_receiver.Of(during.Id).Count == 1), "the delivery during the overlap");
        var first = _receiver.Of(during.Id)[0];
        Assert.Equal(2, first.Headers["webhook-signature"].Split(' ').Length);
        var at = DateTimeOffset.FromUnixTimeSeconds(first.Timestamp);
        Assert.Null(await app.Verifier.Verify(fresh, first.Body, first.Headers, at));
        Assert.Null(await app.Verifier.Verify(old, first.Body, first.Headers, at));

        app.Clock.Advance(TimeSpan.FromHours(1));
        var after = await app.CustomerEvent("customer.updated");
        await app.Until(() => Task.FromResult(_receiver.Of(after.Id).Count == 1), "the delivery after the overlap");
        var second = _receiver.Of(after.Id)[0];
        Assert.Single(second.Headers["webhook-signature"].Split(' '));
        at = DateTimeOffset.FromUnixTimeSeconds(second.Timestamp);
        Assert.Null(await app.Verifier.Verify(fresh, second.Body, second.Headers, at));
        Assert.Contains("No matching signature", await app.Verifier.Verify(old, second.Body, second.Headers, at));
    }

    [Fact]
    public async Task The_secret_is_neither_stored_nor_logged_in_plaintext_and_shown_only_at_creation()
    {
        var (id, secret) = await app.Endpoint(_receiver.Url, "invoice.paid");
        Assert.Matches("^whsec_[A-Za-z0-9+/]{43}=$", secret);
        var key = secret["whsec_".Length..];
        var rotated = (await app.Admin().Post($"/v1/webhook_endpoints/{id}/rotate_secret").Expect(HttpStatusCode.OK)).Str("secret");

        var fetched = await app.Admin().GetAsync($"/v1/webhook_endpoints/{id}").Expect(HttpStatusCode.OK);
        Assert.False(fetched.TryGetProperty("secret", out _));
        var listed = await app.Admin().GetAsync("/v1/webhook_endpoints").Expect(HttpStatusCode.OK);
        Assert.DoesNotContain("whsec_", listed.GetRawText(), StringComparison.Ordinal);

        var rows = new List<string>();
        await app.Query(async db =>
        {
            await BooksFingerprint.Visit(db, (_, _, _, value) => rows.Add(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty));
            return 0;
        });
        foreach (var text in new[] { secret, key, rotated, rotated["whsec_".Length..] })
        {
            Assert.DoesNotContain(rows, value => value.Contains(text, StringComparison.Ordinal));
            Assert.DoesNotContain(app.Logs.Entries, e => e.Message.Contains(text, StringComparison.Ordinal) || e.Values.Values.Any(v => v?.ToString()?.Contains(text, StringComparison.Ordinal) == true));
        }
    }
}
