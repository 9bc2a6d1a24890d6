using System.Net;
using Folio.Tests.Catalog;
using Folio.Tests.Dialects.AdminApi;
using Folio.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Folio.Tests.KeyRing;

/// <summary>
/// The key ring that seals page tokens lives in the database: every server on the same books reads the same keys, so a
/// token one server issued is accepted by another, or by the same one after a restart.
/// </summary>
public sealed class KeyRingTests(FolioApp app) : IClassFixture<FolioApp>
{
    private readonly Books _books = app.Books();

    [Fact]
    public async Task A_page_token_issued_by_one_server_is_accepted_by_another_on_the_same_books()
    {
        var organization = (await _books.Organization()).Str("id");
        var created = new List<string>();
        for (var n = 0; n < 3; n++)
        {
            created.Add((await _books.Draft(organization)).Str("id"));
        }

        var list = $"/v1/invoices?customer_id={organization}&limit=1";
        var first = await app.Admin().Get(list).Expect(HttpStatusCode.OK);
        var adminToken = (await app.Admin().AdminPage($"organizationId={organization}&pageSize=1")).Str("nextPageToken");

        var second = FolioApp.OnTheBooksOf(app);
        await second.InitializeAsync();
        try
        {
            var page = await second.Admin().Get($"{list}&page_token={first.Str("next_page_token")}").Expect(HttpStatusCode.OK);
            Assert.Equal(created[1], page.GetProperty("data")[0].Str("id"));
            Assert.Equal([created[1]], (await second.Admin().AdminPage($"organizationId={organization}&pageSize=1&pageToken={adminToken}")).InvoiceIds());

            // And the other way round: a link the second server made is followed on the first.
            var link = (await second.Admin().Get($"/v1/organizations/{organization}/billing/invoices?per_page=2").Expect(HttpStatusCode.OK)).Str("next");
            Assert.Equal(created[0], (await app.Admin().Get(link).Expect(HttpStatusCode.OK)).GetProperty("data")[0].Str("id"));
        }
        finally
        {
            await second.DisposeAsync();
        }

        // The second server found the first one's key instead of making its own.
        Assert.Equal(1, await app.Query(db => db.DataProtectionKeys.CountAsync()));
    }

    [SqliteFact]
    public async Task Migrating_a_new_database_makes_its_one_key_before_any_server_seals_anything()
    {
        // Servers started together on a new database would otherwise each make a key on first use, and for a day refuse
        // what the others sealed (page tokens, webhook secrets).
        var directory = Directory.CreateTempSubdirectory("folio-key-ring-").FullName;
        var database = Path.Combine(directory, "books.db");
        try
        {
            Assert.Equal(0, (await FolioProcess.Run(directory, "migrate", "--database", database)).ExitCode);
            Assert.Equal(1, KeysIn(database));
            Assert.Equal(0, (await FolioProcess.Run(directory, "migrate", "--database", database)).ExitCode);
            Assert.Equal(1, KeysIn(database));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }

    private static long KeysIn(string database)
    {
        using var connection = new SqliteConnection($"Data Source={database};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var count = connection.CreateCommand();
        count.CommandText = "SELECT COUNT(*) FROM data_protection_keys";
        return (long)count.ExecuteScalar()!;
    }

    [Fact]
    public async Task The_keys_are_rows_of_the_books()
    {
        var keys = await app.Query(db => db.DataProtectionKeys.AsNoTracking().ToListAsync());

        var key = Assert.Single(keys);
        Assert.StartsWith("<key ", key.Xml, StringComparison.Ordinal);
        Assert.Contains("AES_256_GCM", key.Xml, StringComparison.Ordinal);
    }
}
