using System.Net;
using System.Text.Json;
using Folio.Tests.Support;

namespace Folio.Tests.Events;

public sealed class EventListTests(FolioApp app) : IClassFixture<FolioApp>
{
    private readonly HttpClient _admin = app.Admin();
    private readonly Books _books = app.Books();

    [Fact]
    public async Task An_organization_key_reads_its_own_events_and_no_other()
    {
        var mine = (await _books.Organization("Mine")).Str("id");
        var theirs = (await _books.Organization("Theirs")).Str("id");
        var myInvoice = (await _books.Open(mine)).Str("id");
        var theirInvoice = (await _books.Open(theirs)).Str("id");
        var key = app.Client(await _books.OrganizationKey(mine));

        var finalized = await key.OnlyEvent(myInvoice, "invoice.finalized");
        var read = await key.GetAsync($"/v1/events/{finalized.Str("id")}").Expect(HttpStatusCode.OK);
        Assert.Equal(finalized.GetRawText(), read.GetRawText());
        Assert.Equal(["id", "type", "created_at", "data"], read.EnumerateObject().Select(p => p.Name));

        var theirEvent = await _admin.OnlyEvent(theirInvoice, "invoice.finalized");
        await key.GetAsync($"/v1/events/{theirEvent.Str("id")}").ExpectProblem(HttpStatusCode.NotFound, "event_not_found");
        Assert.Empty(await key.EventsOf(theirInvoice));
        await _admin.GetAsync($"/v1/events/{theirEvent.Str("id")}").Expect(HttpStatusCode.OK);
        await _admin.GetAsync("/v1/events/not-an-id").ExpectProblem(HttpStatusCode.NotFound, "event_not_found");
    }

    [Fact]
    public async Task Filters_by_type_with_wildcards_by_object_and_by_time_and_pages_newest_first()
    {
        var customer = (await _books.Organization("Filtered")).Str("id");
        var from = app.Clock.GetUtcNow();
        app.Clock.Advance(TimeSpan.FromSeconds(1));
        var invoice = (await _books.Open(customer)).Str("id");
        await _books.Pay(invoice, 10_000);
        app.Clock.Advance(TimeSpan.FromSeconds(1));
        var until = app.Clock.GetUtcNow();
        app.Clock.Advance(TimeSpan.FromSeconds(1));
        await _admin.Patch($"/v1/customers/{customer}", new { name = "Filtered Inc" }).Expect(HttpStatusCode.OK);

        var window = $"created_from={Stamp(from)}&created_to={Stamp(until)}";
        Assert.Equal(
            ["invoice.paid", "invoice.payment_recorded", "invoice.finalized", "invoice.created"],
            Types(await _admin.GetAsync($"/v1/events?type=invoice.*&{window}").Expect(HttpStatusCode.OK)));
        Assert.Equal(
            ["invoice.paid", "invoice.created"],
            Types(await _admin.GetAsync($"/v1/events?type=invoice.paid,invoice.created&{window}").Expect(HttpStatusCode.OK)));
        Assert.Equal(
            ["customer.updated", "invoice.paid", "customer.created"],
            Types(await _admin.GetAsync($"/v1/events?type=customer.*&type=invoice.paid&created_from={Stamp(from)}").Expect(HttpStatusCode.OK)));
        Assert.Equal(
            ["customer.updated", "customer.created"],
            Types(await _admin.GetAsync($"/v1/events?object_id={customer}&type=*").Expect(HttpStatusCode.OK)));

        // Walk the window two at a time: every event once, newest first.
        var seen = new List<string>();
        string? token = null;
        do
        {
            var page = await _admin.GetAsync($"/v1/events?limit=2&{window}" + (token is null ? string.Empty : $"&page_token={token}")).Expect(HttpStatusCode.OK);
            seen.AddRange(Types(page));
            token = page.GetProperty("next_page_token").GetString();
        }
        while (token is not null);
        Assert.Equal(["invoice.paid", "invoice.payment_recorded", "invoice.finalized", "invoice.created", "customer.created"], seen);
    }

    [Theory]
    [InlineData("type=invoice", "type")]
    [InlineData("type=Invoice.Paid", "type")]
    [InlineData("type=invoice.paid%3Bdrop", "type")]
    [InlineData("created_from=yesterday", "created_from")]
    [InlineData("object_id=42", "object_id")]
    [InlineData("limit=0", "limit")]
    [InlineData("page_token=forged", "page_token")]
    public async Task A_bad_filter_is_a_problem_naming_the_parameter(string query, string field)
    {
        var problem = await _admin.GetAsync($"/v1/events?{query}");
        Assert.Equal(HttpStatusCode.BadRequest, problem.StatusCode);
        Assert.Equal(field, (await problem.Json()).Str("field"));
    }

    private static List<string> Types(JsonElement page) => [.. page.GetProperty("data").EnumerateArray().Select(e => e.Str("type"))];

    private static string Stamp(DateTimeOffset instant) => Uri.EscapeDataString(instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture));
}
