using System.Net;
using Folio.Tests.Support;

namespace Folio.Tests.Dialects.ConsoleApi;

public sealed class ConsoleApiInvoiceTests(FolioApp app) : IClassFixture<FolioApp>
{
    private readonly Books _books = app.Books();
    private readonly HttpClient _admin = app.Admin();

    [Fact]
    public async Task Open_past_due_partially_paid_uncollectible_and_muted_invoices_are_unpaid_the_others_are_not()
    {
        var organization = (await _books.Organization()).Str("id");
        await _books.Draft(organization);
        var open = await _books.OpenDueIn(organization, 30);
        var pastDue = await _books.OpenDueIn(organization, 3);
        var partlyPaid = await _books.OpenDueIn(organization, 40);
        await _books.Pay(partlyPaid.Str("id"), 4_000);
        var paid = await _books.OpenDueIn(organization, 50);
        await _books.Pay(paid.Str("id"), 10_000);
        var voided = await _books.OpenDueIn(organization, 60);
        await _admin.Post($"/v1/invoices/{voided.Str("id")}/void").Expect(HttpStatusCode.OK);
        var uncollectible = await _books.OpenDueIn(organization, 70);
        await _admin.Post($"/v1/invoices/{uncollectible.Str("id")}/mark_uncollectible").Expect(HttpStatusCode.OK);
        var muted = await _books.OpenDueIn(organization, 80);
        await _admin.Post($"/v1/invoices/{muted.Str("id")}/mute").Expect(HttpStatusCode.OK);
        app.Clock.Advance(TimeSpan.FromDays(4));

        var invoices = (await app.Client(await _books.OrganizationKey(organization)).Unpaid()).ToDictionary(i => i.Str("id"));

        Assert.Equal(
            new[] { pastDue, open, partlyPaid, uncollectible, muted }.Select(i => i.Str("id")).Order(StringComparer.Ordinal),
            invoices.Keys.Order(StringComparer.Ordinal));
        foreach (var (source, status) in new[] { (open, "open"), (pastDue, "open"), (partlyPaid, "open"), (uncollectible, "uncollectible"), (muted, "open") })
        {
            var invoice = invoices[source.Str("id")];
            Assert.Equal(status, invoice.Str("status"));
            Assert.False(invoice.GetProperty("paid").GetBoolean());
            Assert.False(invoice.GetProperty("voided").GetBoolean());
            Assert.Equal(status == "uncollectible", invoice.GetProperty("uncollectible").GetBoolean());
            Assert.Null(invoice.Time("paidDate"));
            Assert.Equal(source.Str("number"), invoice.Str("invoiceNumber"));
            Assert.Equal(source.Str("created_at"), invoice.Str("created"));
            Assert.Equal(source.Str("due_at"), invoice.Str("dueDate"));
            Assert.Equal("USD", invoice.Str("currency"));
            Assert.Equal(10_000, invoice.Amount("amountUsdCents"));
            Assert.Equal(organization, invoice.Str("idOrganization"));
        }
    }

    [Fact]
    public async Task Invoices_come_oldest_due_date_first()
    {
        var organization = (await _books.Organization()).Str("id");
        var user = (await _books.User(organization)).Str("id");
        var inSixty = await _books.OpenDueIn(organization, 60);
        var inTen = await _books.OpenDueIn(user, 10);
        var inThirty = await _books.OpenDueIn(organization, 30);
        var inTwenty = await _books.OpenDueIn(user, 20);

        var invoices = await _admin.Unpaid(organization);

        Assert.Equal(new[] { inTen, inTwenty, inThirty, inSixty }.Select(i => i.Str("id")), invoices.Ids());
        Assert.Equal(invoices.Select(i => i.Str("dueDate")).Order(StringComparer.Ordinal), invoices.Select(i => i.Str("dueDate")));
    }

    [Fact]
    public async Task Every_invoice_carries_the_same_organization()
    {
        var organization = (await _books.Organization("Same Everywhere")).Str("id");
        await _books.OpenDueIn(organization, 10);
        await _books.OpenDueIn((await _books.User(organization)).Str("id"), 20, currency: "EUR");

        var invoices = await _admin.Unpaid(organization);

        Assert.Equal(2, invoices.Count);
        Assert.Equal("Same Everywhere", invoices[0].GetProperty("organization").Str("name"));
        Assert.Equal(invoices[0].GetProperty("organization").GetRawText(), invoices[1].GetProperty("organization").GetRawText());
    }
}
