using System.Net;
using System.Text.Json;
using Folio.Tests.Support;

namespace Folio.Tests.Invoices;

public sealed class BillToSnapshotTests(FolioApp app) : IClassFixture<FolioApp>
{
    private readonly Books _books = app.Books();
    private readonly HttpClient _admin = app.Admin();

    [Fact]
    public async Task A_finalized_invoice_keeps_the_contact_it_was_issued_to_after_the_customer_moves()
    {
        var customer = (await _books.Organization()).Str("id");
        var issued = await _books.Open(customer);
        var draft = await _books.Draft(customer);
        Assert.Equal(JsonValueKind.Null, draft.GetProperty("bill_to").ValueKind);

        await _admin.Patch($"/v1/customers/{customer}", new { name = "Acme Robotics West", email = "ap@acme.example", address = new { line1 = "1 Market St", city = "San Francisco", region = "CA", postal_code = "94105" } })
            .Expect(HttpStatusCode.OK);

        var reread = await _admin.GetAsync(new Uri($"/v1/invoices/{issued.Str("id")}", UriKind.Relative)).Expect(HttpStatusCode.OK);
        var billTo = reread.GetProperty("bill_to");
        Assert.Equal(("Acme Robotics", "billing@acme.example"), (billTo.Str("name"), billTo.Str("email")));
        Assert.Equal(("42 West St", "Brooklyn", "NY", "11222", "US"), (billTo.GetProperty("address").Str("line1"), billTo.GetProperty("address").Str("city"),
            billTo.GetProperty("address").Str("region"), billTo.GetProperty("address").Str("postal_code"), billTo.GetProperty("address").Str("country")));

        var later = await _books.Finalize(draft.Str("id"));
        Assert.Equal(("Acme Robotics West", "1 Market St"), (later.GetProperty("bill_to").Str("name"), later.GetProperty("bill_to").GetProperty("address").Str("line1")));
    }
}
