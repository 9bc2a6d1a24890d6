using System.Net;
using System.Text;
using Folio.ApiKeys;
using Folio.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Folio.Tests.Idempotency;

/// <summary>A POST sent again with its Idempotency-Key is answered as the first time, byte for byte, and changes nothing more.</summary>
public sealed class IdempotencyKeyTests(FolioApp app) : IClassFixture<FolioApp>
{
    [Fact]
    public async Task Creating_a_customer_twice_with_one_key_creates_one_and_replays_the_first_answer()
    {
        var admin = app.Admin();
        var name = $"Initech {Guid.NewGuid():N}";
        var key = Keyed.NewKey();
        using var first = await Keyed.Post(admin, "/v1/customers", Keyed.CustomerJson(name), key);
        using var retry = await Keyed.Post(admin, "/v1/customers", Keyed.CustomerJson(name), key);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        await Keyed.AssertReplayOf(first, retry);
        Assert.Equal(1, await app.Query(db => db.Customers.CountAsync(c => c.Name == name)));
    }

    [Fact]
    public async Task Creating_an_invoice_twice_with_one_key_creates_one_and_replays_its_etag()
    {
        var admin = app.Admin();
        var customer = (await app.Books().Organization()).Str("id");
        var json = $$"""{"customer_id":"{{customer}}","currency":"USD","items":[{"description":"Consulting","quantity":10,"unit_amount":15000}]}""";
        var key = Keyed.NewKey();
        using var first = await Keyed.Post(admin, "/v1/invoices", json, key);
        using var retry = await Keyed.Post(admin, "/v1/invoices", json, key);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.NotNull(first.Headers.ETag);
        await Keyed.AssertReplayOf(first, retry);
        var customerId = Guid.Parse(customer);
        Assert.Equal(1, await app.Query(db => db.Invoices.CountAsync(i => i.CustomerId == customerId)));
    }

    [Fact]
    public async Task Paying_twice_with_one_key_pays_once()
    {
        var admin = app.Admin();
        var books = app.Books();
        var invoice = (await books.Open((await books.Organization()).Str("id"))).Str("id");
        var key = Keyed.NewKey();
        const string json = """{"amount":2500,"method":"card","reference":"R-1"}""";
        using var first = await Keyed.Post(admin, $"/v1/invoices/{invoice}/pay", json, key);
        using var retry = await Keyed.Post(admin, $"/v1/invoices/{invoice}/pay", json, key);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        await Keyed.AssertReplayOf(first, retry);
        var state = await admin.GetAsync(new Uri($"/v1/invoices/{invoice}", UriKind.Relative)).Expect(HttpStatusCode.OK);
        Assert.Equal(2500, state.Amount("amount_paid"));
    }

    [Fact]
    public async Task A_retry_that_the_books_would_now_refuse_still_replays_the_first_answer()
    {
        var admin = app.Admin();
        var books = app.Books();
        var invoice = (await books.Open((await books.Organization()).Str("id"))).Str("id");
        var key = Keyed.NewKey();
        const string json = """{"amount":10000,"method":"card"}""";
        using var first = await Keyed.Post(admin, $"/v1/invoices/{invoice}/pay", json, key);
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);

        // The invoice is paid now: the same payment anew would be refused (409), but this is the first one's retry.
        using var retry = await Keyed.Post(admin, $"/v1/invoices/{invoice}/pay", json, key);
        await Keyed.AssertReplayOf(first, retry);
    }

    [Fact]
    public async Task The_same_key_with_another_request_is_refused()
    {
        var admin = app.Admin();
        var key = Keyed.NewKey();
        var name = $"Initech {Guid.NewGuid():N}";
        using var first = await Keyed.Post(admin, "/v1/customers", Keyed.CustomerJson(name), key);
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);

        await Keyed.Post(admin, "/v1/customers", Keyed.CustomerJson(name + " Ltd"), key)
            .ExpectProblem(HttpStatusCode.UnprocessableEntity, "idempotency_key_mismatch", "Idempotency-Key");
        var customer = (await first.Json()).Str("id");
        await Keyed.Post(admin, $"/v1/customers/{customer}/archive", "{}", key)
            .ExpectProblem(HttpStatusCode.UnprocessableEntity, "idempotency_key_mismatch", "Idempotency-Key");
        Assert.Equal(1, await app.Query(db => db.Customers.CountAsync(c => c.Name.StartsWith(name))));
        Assert.Null(await app.Query(db => db.Customers.Where(c => c.Id == Guid.Parse(customer)).Select(c => c.ArchivedAt).SingleAsync()));
    }

    [Fact]
    public async Task A_key_longer_than_255_characters_is_refused_by_name()
    {
        var name = $"Initech {Guid.NewGuid():N}";
        await Keyed.Post(app.Admin(), "/v1/customers", Keyed.CustomerJson(name), new string('k', 256))
            .ExpectProblem(HttpStatusCode.BadRequest, "invalid_idempotency_key", "Idempotency-Key");
        Assert.Equal(0, await app.Query(db => db.Customers.CountAsync(c => c.Name == name)));
    }

    [Fact]
    public async Task A_key_of_255_characters_is_taken()
    {
        var key = new string('k', 254) + Guid.NewGuid().ToString("N")[..1];
        var name = $"Initech {Guid.NewGuid():N}";
        using var first = await Keyed.Post(app.Admin(), "/v1/customers", Keyed.CustomerJson(name), key);
        using var retry = await Keyed.Post(app.Admin(), "/v1/customers", Keyed.CustomerJson(name), key);
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        await Keyed.AssertReplayOf(first, retry);
    }

    [Fact]
    public async Task A_key_belongs_to_the_api_key_that_sent_it()
    {
        var other = await app.Query(db => ApiKeyOperations.Create(db, app.Clock, new CreateApiKeyRequest(ApiKeyScope.Admin, "another admin"), default));
        var name = $"Initech {Guid.NewGuid():N}";
        var key = Keyed.NewKey();
        using var first = await Keyed.Post(app.Admin(), "/v1/customers", Keyed.CustomerJson(name), key);
        using var second = await Keyed.Post(app.Client(other.Value.Secret), "/v1/customers", Keyed.CustomerJson(name), key);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        Assert.False(second.Replayed());
        Assert.Equal(2, await app.Query(db => db.Customers.CountAsync(c => c.Name == name)));
    }

    [Fact]
    public async Task A_refused_request_stores_nothing_and_the_key_stays_free()
    {
        var admin = app.Admin();
        var books = app.Books();
        var invoice = (await books.Open((await books.Organization()).Str("id"))).Str("id");
        var key = Keyed.NewKey();
        await Keyed.Post(admin, $"/v1/invoices/{invoice}/pay", """{"amount":999999,"method":"card"}""", key)
            .ExpectProblem(HttpStatusCode.UnprocessableEntity, "payment_exceeds_remaining");
        using var corrected = await Keyed.Post(admin, $"/v1/invoices/{invoice}/pay", """{"amount":100,"method":"card"}""", key);

        Assert.Equal(HttpStatusCode.Created, corrected.StatusCode);
        Assert.False(corrected.Replayed());
    }

    [Fact]
    public async Task A_new_api_key_is_replayed_with_its_secret_but_never_stored_in_plaintext()
    {
        var key = Keyed.NewKey();
        const string json = """{"scope":"admin","name":"replayed"}""";
        using var first = await Keyed.Post(app.Admin(), "/v1/api_keys", json, key);
        using var retry = await Keyed.Post(app.Admin(), "/v1/api_keys", json, key);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        await Keyed.AssertReplayOf(first, retry);
        var secret = (await first.Json()).Str("secret");
        var stored = await app.Query(db => db.IdempotencyRecords.SingleAsync(r => r.Key == key));
        Assert.DoesNotContain(secret, Encoding.UTF8.GetString(stored.Body), StringComparison.Ordinal);
        Assert.Equal(1, await app.Query(db => db.ApiKeys.CountAsync(k => k.Name == "replayed")));
    }

    [Fact]
    public async Task A_post_without_a_key_is_not_recorded()
    {
        var name = $"Initech {Guid.NewGuid():N}";
        var before = await app.Query(db => db.IdempotencyRecords.CountAsync());
        await Keyed.Post(app.Admin(), "/v1/customers", Keyed.CustomerJson(name), null);
        await Keyed.Post(app.Admin(), "/v1/customers", Keyed.CustomerJson(name), null);

        Assert.Equal(2, await app.Query(db => db.Customers.CountAsync(c => c.Name == name)));
        Assert.Equal(before, await app.Query(db => db.IdempotencyRecords.CountAsync()));
    }
}
