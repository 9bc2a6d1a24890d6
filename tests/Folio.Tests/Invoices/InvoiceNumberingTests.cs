using System.Net;
using Folio.Tests.Support;

namespace Folio.Tests.Invoices;

public sealed class InvoiceNumberingTests(FolioApp app) : IClassFixture<FolioApp>
{
    private readonly Books _books = app.Books();

    [Fact]
    public async Task Fifty_concurrent_finalizations_take_fifty_consecutive_numbers_then_the_year_restarts_the_sequence()
    {
        var customer = await _books.Organization();
        var drafts = new List<string>();
        for (var i = 0; i < 50; i++)
        {
            drafts.Add((await _books.Draft(customer.Str("id"))).Str("id"));
        }

        var responses = await Task.WhenAll(drafts.Select(id => app.Admin().PostAsync(new Uri($"/v1/invoices/{id}/finalize", UriKind.Relative), null)));
        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        var numbers = (await Task.WhenAll(responses.Select(r => r.Json()))).Select(j => j.Str("number")).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(Enumerable.Range(1, 50).Select(n => $"2026-{n:0000}"), numbers);

        app.Clock.SetUtcNow(new DateTimeOffset(2027, 1, 1, 0, 0, 1, TimeSpan.Zero));
        var nextYear = await _books.Open(customer.Str("id"));
        Assert.Equal("2027-0001", nextYear.Str("number"));
    }
}

/// <summary>A separate class, so that its books hold no other numbers.</summary>
public sealed class RefusedFinalizationNumberingTests(FolioApp app) : IClassFixture<FolioApp>
{
    private readonly Books _books = app.Books();

    [Fact]
    public async Task A_refused_finalization_does_not_consume_a_number()
    {
        var customer = await _books.Organization();
        var empty = await _books.Client.Post("/v1/invoices", new { customer_id = customer.Str("id"), currency = "USD" }).Expect(HttpStatusCode.Created);
        await _books.Client.Post($"/v1/invoices/{empty.Str("id")}/finalize").ExpectProblem(HttpStatusCode.UnprocessableEntity, "invoice_has_no_items");

        var first = await _books.Open(customer.Str("id"));
        Assert.Equal("2026-0001", first.Str("number"));
    }
}

public sealed class CustomNumberPatternApp : FolioApp
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Folio:Invoices:NumberPattern"] = "INV-{yy}{MM}-{seq:000}" };
}

public sealed class CustomNumberPatternTests(CustomNumberPatternApp app) : IClassFixture<CustomNumberPatternApp>
{
    [Fact]
    public async Task The_configured_pattern_numbers_invoices_and_restarts_each_month()
    {
        var books = app.Books();
        var customer = await books.Organization();
        Assert.Equal("INV-2603-001", (await books.Open(customer.Str("id"))).Str("number"));
        Assert.Equal("INV-2603-002", (await books.Open(customer.Str("id"))).Str("number"));
        app.Clock.Advance(TimeSpan.FromDays(31));
        Assert.Equal("INV-2604-001", (await books.Open(customer.Str("id"))).Str("number"));
    }
}
