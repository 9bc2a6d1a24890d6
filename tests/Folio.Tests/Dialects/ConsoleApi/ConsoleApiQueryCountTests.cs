using System.Net;
using Folio.Tests.Support;

namespace Folio.Tests.Dialects.ConsoleApi;

/// <summary>The organization object comes from a fixed number of queries, whatever the number of invoices.</summary>
public sealed class ConsoleApiQueryCountTests(CommandLoggingApp app) : IClassFixture<CommandLoggingApp>
{
    private readonly Books _books = app.Books();
    private readonly HttpClient _admin = app.Admin();

    [Fact]
    public async Task One_unpaid_invoice_or_twenty_five_cost_the_same_number_of_commands()
    {
        var small = await Organization(1);
        var large = await Organization(25);

        var (smallCommands, smallRows) = await Commands(small);
        var (largeCommands, largeRows) = await Commands(large);

        Assert.Equal(1, smallRows);
        Assert.Equal(25, largeRows);
        Assert.True(smallCommands > 0, "The server logged no SQL command: the count would prove nothing.");
        Assert.Equal(smallCommands, largeCommands);
    }

    /// <summary>An organization with users, payments, credit, keys and past-due invoices in two currencies.</summary>
    private async Task<string> Organization(int unpaid)
    {
        var id = (await _books.Organization()).Str("id");
        var users = new[] { (await _books.User(id, "Ada Park")).Str("id"), (await _books.User(id, "Bo Lin")).Str("id") };
        await _books.OrganizationKey(id);
        await _admin.Post($"/v1/customers/{id}/balance_transactions", new { amount = 1_000, currency = "EUR", type = "grant" }).Expect(HttpStatusCode.Created);
        for (var i = 0; i < unpaid; i++)
        {
            var invoice = await _books.OpenDueIn(i % 3 == 0 ? id : users[i % 2], 1 + i, 10_000, i % 2 == 0 ? "USD" : "JPY");
            await _books.Pay(invoice.Str("id"), 100);
        }

        var paid = await _books.OpenDueIn(id, 1);
        await _books.Pay(paid.Str("id"), 10_000);
        return id;
    }

    private async Task<(int Commands, int Rows)> Commands(string organization)
    {
        // The first request warms the key cache, so that both measured requests find the key without a query.
        await _admin.Unpaid(organization);
        var before = app.CommandsLogged;
        var rows = (await _admin.Unpaid(organization)).Count;
        return (app.CommandsLogged - before, rows);
    }
}
