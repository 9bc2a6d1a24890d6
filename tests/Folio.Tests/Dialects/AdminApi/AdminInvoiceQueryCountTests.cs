using System.Net;
using Folio.Tests.Catalog;
using Folio.Tests.Support;

namespace Folio.Tests.Dialects.AdminApi;

/// <summary>A server that logs every SQL command it runs, so a test can count them.</summary>
public sealed class CommandCountingApp : FolioApp
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        // Debug, not Information: when "Executing DbCommand" (Debug) is off and no interceptor listens, EF skips logging
        // "Executed DbCommand" for a while after each command (SQLite's statement cache is such an interceptor; PostgreSQL has none).
        ["Logging:LogLevel:Microsoft.EntityFrameworkCore.Database.Command"] = "Debug",
    };

    public int CommandsSoFar => Logs.Entries.Count(e => e.Category == "Microsoft.EntityFrameworkCore.Database.Command" && e.Message.StartsWith("Executed DbCommand", StringComparison.Ordinal));
}

public sealed class AdminInvoiceQueryCountTests(CommandCountingApp app) : IClassFixture<CommandCountingApp>
{
    private readonly Books _books = app.Books();
    private readonly HttpClient _admin = app.Admin();

    private async Task<int> CommandsFor(string query)
    {
        var before = app.CommandsSoFar;
        await _admin.AdminPage(query);
        return app.CommandsSoFar - before;
    }

    [Fact]
    public async Task A_page_costs_the_same_number_of_queries_whatever_its_size()
    {
        var organization = (await _books.Organization()).Str("id");
        var prices = new List<string>();
        for (var n = 0; n < 3; n++)
        {
            prices.Add((await _admin.Price((await _admin.Product($"Product {n}")).Str("id"), "USD", 300)).Str("id"));
        }

        for (var n = 0; n < 24; n++)
        {
            // Drafts of several users (whose current contact is read) and finalized invoices, two typed lines and one from
            // a catalog price each (whose price and product are read).
            var customer = n % 4 == 0 ? (await _books.User(organization, $"User {n}")).Str("id") : organization;
            var draft = await _books.Draft(
                customer, "USD", new { description = "A", unit_amount = 100 }, new { description = "B", unit_amount = 200 }, new { price_id = prices[n % prices.Count] });
            if (n % 2 == 1)
            {
                await _books.Finalize(draft.Str("id"));
            }
        }

        await _admin.AdminPage($"organizationId={organization}&pageSize=1");
        var small = await CommandsFor($"organizationId={organization}&pageSize=2");
        var large = await CommandsFor($"organizationId={organization}&pageSize=20");
        Assert.True(small > 0, "The SQL command log is not captured.");
        Assert.Equal(small, large);
        Assert.True(large <= 5, $"A first page took {large} queries.");

        var second = (await _admin.AdminPage($"organizationId={organization}&pageSize=10")).Str("nextPageToken");
        var third = (await _admin.AdminPage($"organizationId={organization}&pageSize=10&pageToken={second}")).Str("nextPageToken");
        var previous = (await _admin.AdminPage($"organizationId={organization}&pageSize=10&pageToken={third}")).Str("previousPageToken");
        Assert.True(await CommandsFor($"organizationId={organization}&pageSize=10&pageToken={second}") <= 6);
        Assert.True(await CommandsFor($"organizationId={organization}&pageSize=10&pageToken={previous}") <= 7);
        Assert.Equal(HttpStatusCode.OK, (await _admin.AdminList($"organizationId={organization}&pageSize=10&pageToken={previous}")).StatusCode);
    }
}
