using System.Net;
using Folio.ApiKeys;
using Folio.Data;
using Folio.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Folio.Tests.ApiKeys;

public sealed class AccessTests(FolioApp app) : IClassFixture<FolioApp>
{
    private readonly Books _books = app.Books();
    private readonly HttpClient _admin = app.Admin();

    [Fact]
    public async Task An_organization_key_sees_its_own_books_and_nothing_else()
    {
        var acme = (await _books.Organization("Acme")).Str("id");
        var ada = (await _books.User(acme)).Str("id");
        var rival = (await _books.Organization("Rival")).Str("id");
        var acmeInvoice = (await _books.Open(acme)).Str("id");
        var adaInvoice = (await _books.Open(ada)).Str("id");
        var acmeDraft = (await _books.Draft(acme)).Str("id");
        var rivalInvoice = (await _books.Open(rival)).Str("id");
        var acmeKey = app.Client(await _books.OrganizationKey(acme));

        var visible = await acmeKey.GetAsync(new Uri("/v1/invoices?limit=100", UriKind.Relative)).Expect(HttpStatusCode.OK);
        Assert.Equal(
            new[] { acmeInvoice, adaInvoice }.Order(StringComparer.Ordinal),
            visible.GetProperty("data").EnumerateArray().Select(i => i.Str("id")).Order(StringComparer.Ordinal));

        await acmeKey.GetAsync(new Uri($"/v1/invoices/{adaInvoice}", UriKind.Relative)).Expect(HttpStatusCode.OK);
        await acmeKey.GetAsync(new Uri($"/v1/invoices/{rivalInvoice}", UriKind.Relative)).ExpectProblem(HttpStatusCode.NotFound, "invoice_not_found");
        await acmeKey.GetAsync(new Uri($"/v1/invoices/{acmeDraft}", UriKind.Relative)).ExpectProblem(HttpStatusCode.NotFound, "invoice_not_found");
        await acmeKey.GetAsync(new Uri($"/v1/invoices/{rivalInvoice}/payments", UriKind.Relative)).ExpectProblem(HttpStatusCode.NotFound, "invoice_not_found");
        await acmeKey.GetAsync(new Uri($"/v1/customers/{ada}", UriKind.Relative)).Expect(HttpStatusCode.OK);
        await acmeKey.GetAsync(new Uri($"/v1/customers/{rival}", UriKind.Relative)).ExpectProblem(HttpStatusCode.NotFound, "customer_not_found");
        await acmeKey.GetAsync(new Uri($"/v1/customers/{rival}/balance_transactions", UriKind.Relative)).ExpectProblem(HttpStatusCode.NotFound, "customer_not_found");
        var customers = await acmeKey.GetAsync(new Uri("/v1/customers", UriKind.Relative)).Expect(HttpStatusCode.OK);
        Assert.Equal(new[] { acme, ada }.Order(StringComparer.Ordinal), customers.GetProperty("data").EnumerateArray().Select(c => c.Str("id")).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task An_organization_key_is_read_only()
    {
        var acme = (await _books.Organization()).Str("id");
        var invoice = (await _books.Open(acme)).Str("id");
        var acmeKey = app.Client(await _books.OrganizationKey(acme));

        await acmeKey.Post($"/v1/invoices/{invoice}/pay", new { amount = 100 }).ExpectProblem(HttpStatusCode.Forbidden, "admin_key_required");
        await acmeKey.Post("/v1/invoices", new { customer_id = acme, currency = "USD" }).ExpectProblem(HttpStatusCode.Forbidden, "admin_key_required");
        await acmeKey.Post("/v1/api_keys", new { scope = "admin" }).ExpectProblem(HttpStatusCode.Forbidden, "admin_key_required");
        await acmeKey.GetAsync(new Uri("/v1/api_keys", UriKind.Relative)).ExpectProblem(HttpStatusCode.Forbidden, "admin_key_required");
        var unchanged = await _admin.GetAsync(new Uri($"/v1/invoices/{invoice}", UriKind.Relative)).Expect(HttpStatusCode.OK);
        Assert.Equal(0, unchanged.Amount("amount_paid"));
    }

    [Fact]
    public async Task Missing_malformed_and_unknown_keys_get_401()
    {
        await app.Client(null).GetAsync(new Uri("/v1/invoices", UriKind.Relative)).ExpectProblem(HttpStatusCode.Unauthorized, "api_key_missing");
        await app.Client("nonsense").GetAsync(new Uri("/v1/invoices", UriKind.Relative)).ExpectProblem(HttpStatusCode.Unauthorized, "api_key_invalid");
        var forged = app.AdminKey[..^4] + (app.AdminKey.EndsWith("AAAA", StringComparison.Ordinal) ? "BBBB" : "AAAA");
        await app.Client(forged).GetAsync(new Uri("/v1/invoices", UriKind.Relative)).ExpectProblem(HttpStatusCode.Unauthorized, "api_key_invalid");
    }

    [Fact]
    public async Task A_key_is_shown_once_stored_hashed_and_stops_working_when_revoked()
    {
        var created = await _admin.Post("/v1/api_keys", new { scope = "admin", name = "ci" }).Expect(HttpStatusCode.Created);
        var secret = created.Str("secret");
        Assert.StartsWith("folio_sk_", secret, StringComparison.Ordinal);
        Assert.True(secret.Length >= "folio_sk_".Length + 22, "a key carries at least 128 random bits");
        Assert.StartsWith(created.Str("prefix"), secret, StringComparison.Ordinal);

        var listed = await _admin.GetAsync(new Uri("/v1/api_keys?limit=100", UriKind.Relative)).Expect(HttpStatusCode.OK);
        var row = Assert.Single(listed.GetProperty("data").EnumerateArray(), k => k.Str("id") == created.Str("id"));
        Assert.False(row.TryGetProperty("secret", out _));
        Assert.DoesNotContain(secret, listed.GetRawText(), StringComparison.Ordinal);

        var stored = await app.Query(db => db.ApiKeys.AsNoTracking().SingleAsync(k => k.Prefix == created.Str("prefix")));
        Assert.Equal(ApiKeySecret.Hash(secret), stored.SecretHash);
        if (FolioApp.OnPostgres)
        {
            Assert.Equal(0, await app.Query(db => RowsContaining(db, secret)));
        }
        else
        {
            foreach (var file in new[] { app.DatabasePath, app.DatabasePath + "-wal" }.Where(File.Exists))
            {
                await using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
                using var copy = new MemoryStream();
                await stream.CopyToAsync(copy);
                Assert.Equal(-1, copy.ToArray().AsSpan().IndexOf(System.Text.Encoding.UTF8.GetBytes(secret)));
            }
        }

        var client = app.Client(secret);
        await client.GetAsync(new Uri("/v1/invoices", UriKind.Relative)).Expect(HttpStatusCode.OK);
        var revoked = await _admin.Post($"/v1/api_keys/{created.Str("id")}/revoke").Expect(HttpStatusCode.OK);
        Assert.NotNull(revoked.GetProperty("revoked_at").GetString());
        await client.GetAsync(new Uri("/v1/invoices", UriKind.Relative)).ExpectProblem(HttpStatusCode.Unauthorized, "api_key_invalid");
    }

    [Fact]
    public async Task A_key_revoked_by_another_process_stops_working_when_the_key_cache_expires()
    {
        var created = await _admin.Post("/v1/api_keys", new { scope = "admin", name = "elsewhere" }).Expect(HttpStatusCode.Created);
        var client = app.Client(created.Str("secret"));
        await client.GetAsync(new Uri("/v1/customers", UriKind.Relative)).Expect(HttpStatusCode.OK);

        await app.Query(async db =>
        {
            var key = await db.ApiKeys.SingleAsync(k => k.Prefix == created.Str("prefix"));
            key.RevokedAt = app.Clock.GetUtcNow();
            return await db.SaveChangesAsync();
        });
        await client.GetAsync(new Uri("/v1/customers", UriKind.Relative)).Expect(HttpStatusCode.OK);

        app.Clock.Advance(TimeSpan.FromSeconds(6));
        await client.GetAsync(new Uri("/v1/customers", UriKind.Relative)).ExpectProblem(HttpStatusCode.Unauthorized, "api_key_invalid");
    }

    [Fact]
    public async Task An_organization_key_needs_an_existing_organization()
    {
        await _admin.Post("/v1/api_keys", new { scope = "organization" }).ExpectProblem(HttpStatusCode.BadRequest, "organization_required", "organization_id");
        await _admin.Post("/v1/api_keys", new { scope = "organization", organization_id = Guid.NewGuid() }).ExpectProblem(HttpStatusCode.UnprocessableEntity, "organization_not_found", "organization_id");
        var user = await _books.User((await _books.Organization()).Str("id"));
        await _admin.Post("/v1/api_keys", new { scope = "organization", organization_id = user.Str("id") }).ExpectProblem(HttpStatusCode.UnprocessableEntity, "organization_not_found", "organization_id");
    }

    /// <summary>On PostgreSQL, the rows of every table whose text (all columns) contains the value; at least one table must be read.</summary>
    private static async Task<int> RowsContaining(FolioDb db, string value)
    {
        var tables = await db.Database.SqlQueryRaw<string>("SELECT table_name AS \"Value\" FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'").ToListAsync();
        Assert.Contains("api_keys", tables);
        var rows = 0;
        foreach (var table in tables)
        {
            var pattern = new Npgsql.NpgsqlParameter("pattern", $"%{value}%");
            // The table name comes from the catalog, not from input; the value goes as a parameter.
            var sql = "SELECT count(*)::int AS \"Value\" FROM \"" + table + "\" AS r WHERE r::text LIKE @pattern";
            rows += await db.Database.SqlQueryRaw<int>(sql, pattern).SingleAsync();
        }

        return rows;
    }
}
