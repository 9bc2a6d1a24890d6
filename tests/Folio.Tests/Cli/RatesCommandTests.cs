using System.Net;
using System.Net.Http.Headers;
using Folio.Tests.Support;

namespace Folio.Tests.Cli;

public sealed class RatesCommandTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("folio-rates-").FullName;

    private string Database => Path.Combine(_directory, "books.db");

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    [SqliteFact]
    public async Task Rates_set_by_the_cli_are_listed_and_used_by_the_server()
    {
        var set = await FolioProcess.Run(_directory, "rates", "set", "EUR", "1.0842", "--database", Database);
        Assert.Equal(0, set.ExitCode);
        var refused = await FolioProcess.Run(_directory, "rates", "set", "EUR", "-3", "--database", Database);
        Assert.Equal(1, refused.ExitCode);
        var dollar = await FolioProcess.Run(_directory, "rates", "set", "USD", "2", "--database", Database);
        Assert.Equal((1, true), (dollar.ExitCode, dollar.Error.Contains("USD", StringComparison.Ordinal)));

        var listed = await FolioProcess.Run(_directory, "rates", "list", "--database", Database);
        Assert.Matches(@"(?m)^EUR\s+1\.0842\s+\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ\s*$", listed.Output);

        var key = (await FolioProcess.Run(_directory, "keys", "create", "--admin", "--database", Database)).Output.Trim();
        await using var server = FolioProcess.Start(_directory, "serve", "--urls", "http://127.0.0.1:0", "--database", Database);
        using var client = new HttpClient { BaseAddress = new Uri(await server.WaitUntilListening()) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        var rates = await client.GetAsync(new Uri("/v1/exchange_rates", UriKind.Relative)).Expect(HttpStatusCode.OK);
        Assert.Equal(1.0842m, Assert.Single(rates.GetProperty("data").EnumerateArray()).GetProperty("usd_per_unit").GetDecimal());
    }
}
