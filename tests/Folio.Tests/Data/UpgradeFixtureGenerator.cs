using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Folio.Demo;
using Folio.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Folio.Tests.Data;

/// <summary>Runs only when <see cref="UpgradeFixtureGenerator.Variable"/> names the folder to write the upgrade fixtures to.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class UpgradeFixtureFactAttribute : FactAttribute
{
    public UpgradeFixtureFactAttribute()
    {
        if (UpgradeFixtureGenerator.Output is null)
        {
            Skip = $"writes the fixtures of the upgrade test; set {UpgradeFixtureGenerator.Variable} to their folder (see Data/Upgrade/README.md)";
        }
    }
}

/// <summary>
/// Writes the fixtures of <see cref="UpgradeFromMainTests"/> with the Folio of this build, for the engine of this pass
/// (SQLite, or PostgreSQL when <see cref="FolioApp.PostgresVariable"/> is set): new books made by the real
/// <c>folio migrate</c>, the demo books and a few more facts written at <see cref="Instant"/> on a fake clock, the responses
/// this build gives at that instant, and a dump of the books. Before writing anything it restores the dump into new books
/// and checks that they dump to the same text and give the same responses.
/// </summary>
public sealed class UpgradeFixtureGenerator
{
    public const string Variable = "FOLIO_UPGRADE_FIXTURES";

    public static string? Output => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } folder ? folder : null;

    /// <summary>
    /// The demo's "today", when every fact was written and every response recorded. Its fraction of a second goes down to
    /// the 100 ns tick, so that the books hold times as each engine stores them (PostgreSQL to the microsecond).
    /// </summary>
    public static readonly DateTimeOffset Instant = new DateTimeOffset(2026, 5, 14, 16, 42, 17, TimeSpan.Zero).AddTicks(1_234_567);

    [UpgradeFixtureFact]
    public async Task Write_the_books_of_this_build_with_their_dump_and_responses()
    {
        var commit = await Git("rev-parse", "--short=7", "HEAD");
        Assert.True((await Git("status", "--porcelain", "--", ":/src")).Length == 0, "src has uncommitted changes: the fixtures must come from a commit's code");
        var engine = FolioApp.OnPostgres ? UpgradeFixtures.PostgresEngine : UpgradeFixtures.SqliteEngine;
        var folder = Directory.CreateTempSubdirectory("folio-upgrade-fixtures-");
        try
        {
            await using var written = ProcessDatabase.In(folder.FullName, "written");
            var migrate = await FolioProcess.Run(folder.FullName, "migrate", "--database", written.Setting);
            Assert.True(migrate.ExitCode == 0, $"folio migrate failed: {migrate.Output}{migrate.Error}");
            var (keys, recorded) = await WriteBooks(written.Setting);
            var migrations = await UpgradeFixtures.MigrationHistory(written.Setting);
            var dump = await UpgradeFixtures.Dump(written.Setting);

            await using var restored = ProcessDatabase.In(folder.FullName, "restored");
            await UpgradeFixtures.Restore(dump, restored.Setting);
            Assert.Equal(UpgradeFixtures.WithoutPsqlCommands(dump), UpgradeFixtures.WithoutPsqlCommands(await UpgradeFixtures.Dump(restored.Setting)));
            var replayed = await UpgradeFixtures.Replay(restored.Setting, Instant, keys, [.. recorded.Select(r => r.Request)]);
            var differences = recorded.Zip(replayed).Where(p => !p.First.SameAs(p.Second)).Select(p => $"{p.First.Request.Path}: {p.Second.Difference(p.First)}").ToList();
            Assert.True(differences.Count == 0, "the restored dump answers otherwise than the books it was taken from:\n" + string.Join("\n", differences));

            var output = Path.Combine(Output!, engine);
            Directory.CreateDirectory(output);
            await File.WriteAllTextAsync(Path.Combine(output, UpgradeFixtures.DumpFile), dump, new UTF8Encoding(false));
            new UpgradeBooks(commit, Instant, keys, migrations).Write(output);
            var header = $"""
                The responses Folio {commit} gave on {engine} at {Instant.UtcDateTime.ToString("O", CultureInfo.InvariantCulture)}, for the books in {UpgradeFixtures.DumpFile}.
                Written by UpgradeFixtureGenerator; checked byte for byte by UpgradeFromMainTests. Each body is exactly as many bytes as its
                body line says; do not edit by hand, generate again (see README.md).
                """;
            await File.WriteAllBytesAsync(Path.Combine(output, UpgradeFixtures.ResponsesFile), RecordedResponse.Write(header, recorded));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary>The demo books, a few facts the demo lacks, then every recorded request; returns the keys and the responses.</summary>
    private static async Task<(Dictionary<string, string> Keys, List<RecordedResponse> Responses)> WriteBooks(string setting)
    {
        var app = FolioApp.OnExisting(setting, Instant);
        await app.InitializeAsync();
        try
        {
            var adminKey = await app.Query(db => DemoData.LoadAndIssueKey(db, app.Services, default));
            var admin = app.Client(adminKey);
            var organizationKey = await MoreFacts(admin);
            var billRuns = await app.Query(db => db.BillRuns.AsNoTracking().Select(r => r.Id).ToListAsync());
            var keys = new Dictionary<string, string> { [Admin] = adminKey, [Organization] = organizationKey };
            var recorder = new Recorder(app.Client(null), keys);
            await Record(recorder, billRuns.Order().ToList());
            return (keys, recorder.Responses);
        }
        finally
        {
            await app.DisposeAsync();
        }
    }

    private const string Admin = "admin";
    private const string Organization = "organization";
    private const string SalesbricksHeader = "X-SALESBRICKS-KEY";

    /// <summary>
    /// What the demo does not have, written through the API at <see cref="Instant"/>: an organization key of Acme, a new
    /// customer subscribed today with an item change scheduled, a subscription in a currency without a rate, a bill run that
    /// invoices the one and fails the other, an overpayment credited to the balance, a manual credit, an archived customer
    /// and an archived price.
    /// </summary>
    private static async Task<string> MoreFacts(HttpClient admin)
    {
        var customers = (await admin.GetAsync(new Uri("/v1/customers?kind=organization&limit=100", UriKind.Relative)).Expect(HttpStatusCode.OK)).GetProperty("data").EnumerateArray().ToList();
        string Customer(string name) => customers.Single(c => c.Str("name") == name).Str("id");
        var acme = Customer("Acme Robotics");
        var brandt = Customer("Brandt & Söhne GmbH");
        var organizationKey = (await admin.Post("/v1/api_keys", new { scope = "organization", name = "Acme billing console", organization_id = acme }).Expect(HttpStatusCode.Created)).Str("secret");

        var monthly = (await admin.GetAsync(new Uri("/v1/prices?lookup_key=platform_monthly_usd&active=true", UriKind.Relative)).Expect(HttpStatusCode.OK)).GetProperty("data")[0].Str("id");
        var umbrella = (await admin.Post("/v1/customers", new
        {
            kind = "organization",
            name = "Umbrella Ltd",
            email = "ap@umbrella.example",
            address = new { line1 = "1 Canada Square", city = "London", postal_code = "E14 5AB", country = "GB" },
            metadata = new Dictionary<string, string> { ["segment"] = "enterprise", ["crm"] = "0016Q00001Umb" },
        }).Expect(HttpStatusCode.Created)).Str("id");
        await admin.Post("/v1/customers", new { kind = "user", name = "Grace Hale", organization_id = umbrella, email = "grace@umbrella.example" }).Expect(HttpStatusCode.Created);
        var umbrellaPlan = (await admin.Post("/v1/subscriptions", new { customer_id = umbrella, items = new[] { new { price_id = monthly, quantity = 3 } }, days_until_due = 7 })
            .Expect(HttpStatusCode.Created)).Str("id");

        var support = (await admin.Post("/v1/products", new { name = "Alpine support", description = "On-site support in Switzerland" }).Expect(HttpStatusCode.Created)).Str("id");
        var francs = (await admin.Post("/v1/prices", new { product_id = support, currency = "CHF", unit_amount = 90_00, recurring = new { interval = "month", interval_count = 1 }, tax_rate = 8.1m, nickname = "Monthly (CHF)" })
            .Expect(HttpStatusCode.Created)).Str("id");
        var helvetia = (await admin.Post("/v1/customers", new { kind = "organization", name = "Helvetia Robotik AG", email = "buchhaltung@helvetia.example", address = new { line1 = "Bahnhofstrasse 1", city = "Zürich", postal_code = "8001", country = "CH" } })
            .Expect(HttpStatusCode.Created)).Str("id");
        await admin.Post("/v1/subscriptions", new { customer_id = helvetia, items = new[] { new { price_id = francs, quantity = 1 } } }).Expect(HttpStatusCode.Created);

        var run = await admin.Post("/v1/bill_runs", new { }).Expect(HttpStatusCode.Created);
        Assert.True(run.GetProperty("invoiced").GetInt32() >= 1 && run.GetProperty("failed").GetInt32() >= 1, $"the bill run should invoice Umbrella and fail Helvetia: {run}");
        await admin.Post($"/v1/subscriptions/{umbrellaPlan}/items", new { items = new[] { new { price_id = monthly, quantity = 5 } } }).Expect(HttpStatusCode.OK);

        var umbrellaInvoice = (await admin.GetAsync(new Uri($"/v1/invoices?customer_id={umbrella}", UriKind.Relative)).Expect(HttpStatusCode.OK)).GetProperty("data")[0];
        await admin.Post($"/v1/invoices/{umbrellaInvoice.Str("id")}/pay", new { amount = umbrellaInvoice.Amount("amount_remaining") + 25_00, method = "card", reference = "ch_3UmbrellaMay", credit_excess = true })
            .Expect(HttpStatusCode.Created);
        await admin.Post($"/v1/customers/{brandt}/balance_transactions", new { amount = 50_00, currency = "EUR", type = "grant", description = "Empfehlungsbonus" }).Expect(HttpStatusCode.Created);

        var dormant = (await admin.Post("/v1/customers", new { kind = "organization", name = "Dormant Dynamics LLC", email = "closed@dormant.example" }).Expect(HttpStatusCode.Created)).Str("id");
        await admin.Post($"/v1/customers/{dormant}/archive").Expect(HttpStatusCode.OK);
        var onboarding = (await admin.GetAsync(new Uri("/v1/prices?lookup_key=onboarding_setup_usd", UriKind.Relative)).Expect(HttpStatusCode.OK)).GetProperty("data")[0].Str("product_id");
        var pounds = (await admin.Post("/v1/prices", new { product_id = onboarding, currency = "GBP", unit_amount = 1_200_00, nickname = "Setup fee (UK)", lookup_key = "onboarding_setup_gbp" })
            .Expect(HttpStatusCode.Created)).Str("id");
        await admin.Post($"/v1/prices/{pounds}/archive").Expect(HttpStatusCode.OK);
        return organizationKey;
    }

    /// <summary>The requests whose responses are recorded: lists (with filters and further pages), every object's details, and the dialects.</summary>
    private static async Task Record(Recorder r, List<Guid> billRuns)
    {
        // Customers, and what each has.
        var everyone = (await r.Get("/v1/customers?include_archived=true&limit=100")).GetProperty("data").EnumerateArray().ToList();
        await r.Get("/v1/customers");
        await r.Pages("/v1/customers?limit=4", "next_page_token", "page_token");
        await r.Get("/v1/customers?kind=organization");
        await r.Get("/v1/customers?kind=user");
        await r.Get("/v1/customers?email=ada%40acme.example");
        var organizations = everyone.Where(c => c.Str("kind") == "organization").Select(c => c.Str("id")).ToList();
        string Named(string name) => everyone.Single(c => c.Str("name") == name).Str("id");
        var acme = Named("Acme Robotics");
        var ada = Named("Ada Park");
        await r.Get($"/v1/customers?organization_id={acme}");
        foreach (var customer in everyone.Select(c => c.Str("id")))
        {
            await r.Get($"/v1/customers/{customer}");
            await r.Get($"/v1/customers/{customer}/balance");
            await r.Get($"/v1/customers/{customer}/balance_transactions");
            await r.Get($"/v1/customers/{customer}/billing_profile");
        }

        await r.Get($"/v1/customers/{acme}/balance_transactions?currency=USD&limit=1");

        // Invoices: lists, filters, pages, each one and its payments.
        var invoices = (await r.Get("/v1/invoices?limit=100")).GetProperty("data").EnumerateArray().ToList();
        await r.Get("/v1/invoices");
        await r.Pages("/v1/invoices?limit=5", "next_page_token", "page_token");
        foreach (var filter in new[]
        {
            "unpaid=true", "past_due=true", "status=draft", "status=open", "status=paid", "status=void", "status=uncollectible", "status=open,uncollectible",
            "currency=EUR", "currency=JPY", "currency=BHD", $"customer_id={acme}", $"customer_id={acme}&unpaid=true", $"customer_id={ada}",
            $"created_from={Time(Instant.AddDays(-60))}&created_to={Time(Instant.AddDays(-10))}", $"due_from={Time(Instant.AddDays(-30))}&due_to={Time(Instant.AddDays(30))}",
        })
        {
            await r.Get($"/v1/invoices?{filter}");
        }

        foreach (var invoice in invoices.Select(i => i.Str("id")))
        {
            await r.Get($"/v1/invoices/{invoice}");
            await r.Get($"/v1/invoices/{invoice}/payments");
        }

        // The catalog.
        var products = (await r.Get("/v1/products")).GetProperty("data").EnumerateArray().Select(p => p.Str("id")).ToList();
        await r.Get("/v1/products?active=true");
        await r.Pages("/v1/products?limit=1", "next_page_token", "page_token");
        foreach (var product in products)
        {
            await r.Get($"/v1/products/{product}");
            await r.Get($"/v1/prices?product_id={product}");
        }

        var prices = (await r.Get("/v1/prices?limit=100")).GetProperty("data").EnumerateArray().Select(p => p.Str("id")).ToList();
        await r.Get("/v1/prices");
        await r.Pages("/v1/prices?limit=3", "next_page_token", "page_token");
        foreach (var filter in new[] { "active=true", "active=false", "currency=EUR", "type=one_time", "type=recurring", "lookup_key=platform_monthly_usd&active=true", "lookup_key=onboarding_setup_gbp" })
        {
            await r.Get($"/v1/prices?{filter}");
        }

        foreach (var price in prices)
        {
            await r.Get($"/v1/prices/{price}");
        }

        // Subscriptions, their renewal estimates and the bill runs.
        var subscriptions = (await r.Get("/v1/subscriptions")).GetProperty("data").EnumerateArray().Select(s => s.Str("id")).ToList();
        await r.Pages("/v1/subscriptions?limit=2", "next_page_token", "page_token");
        await r.Get($"/v1/subscriptions?customer_id={acme}");
        foreach (var status in new[] { "active", "past_due", "canceled", "ended" })
        {
            await r.Get($"/v1/subscriptions?status={status}");
        }

        foreach (var subscription in subscriptions)
        {
            await r.Get($"/v1/subscriptions/{subscription}");
            await r.Get($"/v1/subscriptions/{subscription}/upcoming_invoice", expect: null);
        }

        foreach (var run in billRuns)
        {
            await r.Get($"/v1/bill_runs/{run}");
        }

        await r.Get("/v1/exchange_rates");
        await r.Get("/v1/api_keys");
        await r.Get("/healthz");
        await r.Get("/readyz");
        await r.Get($"/v1/invoices/{Guid.Empty}", expect: 404);

        // What Acme's organization key sees.
        await r.Get("/v1/customers", Organization);
        await r.Get("/v1/invoices", Organization);
        await r.Get("/v1/invoices?unpaid=true", Organization);
        await r.Get($"/v1/invoices/{invoices.First(i => i.Str("customer_id") == acme).Str("id")}", Organization);
        await r.Get($"/v1/customers/{acme}/billing_profile", Organization);
        await r.Get($"/v1/customers/{acme}/balance", Organization);
        await r.Get("/v1/subscriptions", Organization);
        await r.Get("/v1/products", Organization);

        // The four dialects.
        await r.Get("/invoices/nopaid", Organization);
        await r.Get($"/v1/organizations/{acme}/billing/invoices", Organization);
        await r.Pages($"/v1/organizations/{acme}/billing/invoices?per_page=2", "next", link: true, key: Organization);
        foreach (var organization in organizations)
        {
            await r.Get($"/invoices/nopaid?idOrganization={organization}");
            await r.Get($"/v1/organizations/{organization}/billing/invoices");
            await r.Get($"/admin/v1/invoices?organizationId={organization}");
        }

        await r.Pages($"/admin/v1/invoices?organizationId={acme}&pageSize=2", "nextPageToken", "pageToken");
        await r.Get($"/admin/v1/invoices?userId={ada}");
        await r.Get($"/admin/v1/invoices?organizationId={acme}&view=FULL");
        await r.Get($"/admin/v1/invoices?organizationId={acme}&orderBy=dueTime%20asc");
        foreach (var invoice in invoices)
        {
            await r.Get($"/api/v2/invoices/{invoice.Str("id")}", header: SalesbricksHeader);
            await r.Get($"/admin/v1/invoices/{invoice.Str("id")}?view=FULL");
        }

        foreach (var subscription in subscriptions)
        {
            await r.Get($"/api/v2/invoices?subscription_id={subscription}", header: SalesbricksHeader);
        }

        var acmePlan = (await r.Get($"/v1/subscriptions?customer_id={acme}")).GetProperty("data")[0].Str("id");
        await r.Pages($"/api/v2/invoices?subscription_id={acmePlan}&limit=1", "next", link: true, header: SalesbricksHeader);
    }

    private static string Time(DateTimeOffset instant) => instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static async Task<string> Git(params string[] args)
    {
        var info = new ProcessStartInfo("git") { WorkingDirectory = Output!, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"git {string.Join(' ', args)} failed");
        return output.Trim();
    }

    /// <summary>Sends each request once, keeps its response, and gives back its JSON for the next requests.</summary>
    private sealed class Recorder(HttpClient client, IReadOnlyDictionary<string, string> keys)
    {
        private readonly HashSet<RecordedRequest> _sent = [];

        public List<RecordedResponse> Responses { get; } = [];

        public async Task<JsonElement> Get(string path, string key = Admin, string header = RecordedRequest.Bearer, int? expect = 200)
        {
            var request = new RecordedRequest(path, key, header);
            var response = await request.Send(client, keys);
            Assert.True(expect is null || response.Status == expect, $"{path} answered {response.Status}: {response.BodyText}");
            if (_sent.Add(request))
            {
                Responses.Add(response);
            }

            return JsonDocument.Parse(response.Body.Length == 0 ? "null"u8.ToArray() : response.Body).RootElement.Clone();
        }

        /// <summary>The first page and up to two more, following <paramref name="next"/>: a token passed back as <paramref name="parameter"/>, or a link.</summary>
        public async Task Pages(string path, string next, string? parameter = null, bool link = false, string key = Admin, string header = RecordedRequest.Bearer)
        {
            for (var page = 0; page < 3; page++)
            {
                var body = await Get(path, key, header);
                if (!body.TryGetProperty(next, out var following) || following.ValueKind != JsonValueKind.String || following.GetString() is not { Length: > 0 } value)
                {
                    Assert.True(page > 0, $"{path} has no second page");
                    return;
                }

                path = link
                    ? (value.StartsWith('/') ? value : new Uri(value).PathAndQuery)
                    : $"{path.Split($"&{parameter}=")[0]}&{parameter}={Uri.EscapeDataString(value)}";
            }
        }
    }
}
