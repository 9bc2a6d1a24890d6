using System.Net;
using System.Text.Json;
using Folio.Tests.Support;

namespace Folio.Tests.Catalog;

public sealed class InvoicesFromPricesTests(FolioApp app) : IClassFixture<FolioApp>
{
    private readonly Books _books = app.Books();
    private readonly HttpClient _admin = app.Admin();

    private static List<JsonElement> Items(JsonElement invoice) => [.. invoice.GetProperty("items").EnumerateArray()];

    private async Task<int> InvoiceCount(string customer) => (await _admin.Walk($"/v1/invoices?customer_id={customer}", 100)).Count;

    [Fact]
    public async Task A_dollar_invoice_takes_amounts_and_tax_from_its_prices_to_the_cent()
    {
        var customer = (await _books.Organization()).Str("id");
        var team = (await _admin.Product("Team plan")).Str("id");
        var monthly = (await _admin.Price(team, "USD", 49_99, new { recurring = new { interval = "month" }, tax_rate = 8.25, nickname = "Monthly" })).Str("id");
        var setup = (await _admin.Price((await _admin.Product("Onboarding")).Str("id"), "USD", 150_00, new { tax_rate = 20, tax_inclusive = true })).Str("id");

        var draft = await _books.Draft(customer, "USD", new { price_id = monthly, quantity = 3 }, new { price_id = setup });

        var items = Items(draft);
        // 3 × 49.99 = 149.97, 8.25% on top = 12.372525 → 12.37.
        Assert.Equal(("Team plan (Monthly)", 49_99L, 14_997L, 1_237L, 16_234L), (items[0].Str("description"), items[0].Amount("unit_amount"), items[0].Amount("amount"), items[0].Amount("tax"), items[0].Amount("total")));
        Assert.Equal(("8.25", false, "3"), (items[0].GetProperty("tax_rate").GetRawText(), items[0].GetProperty("tax_inclusive").GetBoolean(), items[0].GetProperty("quantity").GetRawText()));
        // 150.00 with 20% included: 25.00 of it is tax.
        Assert.Equal(("Onboarding", 15_000L, 2_500L, 15_000L, true), (items[1].Str("description"), items[1].Amount("amount"), items[1].Amount("tax"), items[1].Amount("total"), items[1].GetProperty("tax_inclusive").GetBoolean()));
        Assert.Equal((monthly, setup), (items[0].Str("price_id"), items[1].Str("price_id")));
        Assert.Equal((29_997L, 3_737L, 31_234L, 27_497L), (draft.Amount("subtotal"), draft.Amount("tax"), draft.Amount("total"), draft.Amount("total_excluding_tax")));

        var issued = await _books.Finalize(draft.Str("id"));
        Assert.Equal((31_234L, 31_234L), (issued.Amount("total"), issued.Amount("amount_remaining")));
        Assert.Equal([monthly, setup], Items(issued).Select(i => i.Str("price_id")));
    }

    [Fact]
    public async Task A_yen_invoice_from_tax_inclusive_prices_has_no_minor_digits()
    {
        var customer = (await _books.Organization()).Str("id");
        var product = (await _admin.Product("API利用料")).Str("id");
        var monthly = (await _admin.Price(product, "JPY", 1_100, new { recurring = new { interval = "month" }, tax_rate = 10, tax_inclusive = true })).Str("id");
        var yearly = (await _admin.Price(product, "JPY", 12_000, new { recurring = new { interval = "year" }, tax_rate = 10, tax_inclusive = true })).Str("id");

        var invoice = await _books.Open(customer, "JPY", new { price_id = monthly, quantity = 3 }, new { price_id = yearly });

        var items = Items(invoice);
        // 3,300 yen with 10% included: 300; 12,000 yen: 1,090.9 → 1,091.
        Assert.Equal((3_300L, 300L), (items[0].Amount("amount"), items[0].Amount("tax")));
        Assert.Equal((12_000L, 1_091L), (items[1].Amount("amount"), items[1].Amount("tax")));
        Assert.Equal((15_300L, 1_391L, 15_300L), (invoice.Amount("subtotal"), invoice.Amount("tax"), invoice.Amount("total")));
        Assert.Equal("API利用料", items[0].Str("description"));
    }

    [Fact]
    public async Task A_dinar_invoice_from_prices_keeps_three_minor_digits_and_takes_line_discounts()
    {
        var customer = (await _books.Organization()).Str("id");
        var product = (await _admin.Product("Freight tracking")).Str("id");
        var exclusive = (await _admin.Price(product, "BHD", 12_345, new { tax_rate = 10 })).Str("id");
        var inclusive = (await _admin.Price(product, "BHD", 5_000, new { tax_rate = 10, tax_inclusive = true })).Str("id");

        var draft = await _books.Draft(customer, "BHD",
            new { price_id = exclusive, quantity = 2.5 },
            new { price_id = inclusive, discount_percent = 10, description = "Customs filing", period_start = "2026-03-01T00:00:00Z", period_end = "2026-04-01T00:00:00Z" });

        var items = Items(draft);
        // 2.5 × 12.345 = 30.8625 → 30.863 BHD; 10% on top: 3.0863 → 3.086.
        Assert.Equal((30_863L, 3_086L, 33_949L), (items[0].Amount("amount"), items[0].Amount("tax"), items[0].Amount("total")));
        // 5.000 less 10% = 4.500, of which 10/110 is tax: 0.40909 → 0.409.
        Assert.Equal((5_000L, 500L, 409L, 4_500L), (items[1].Amount("amount"), items[1].Amount("discount"), items[1].Amount("tax"), items[1].Amount("total")));
        Assert.Equal(("Customs filing", "2026-03-01T00:00:00Z"), (items[1].Str("description"), items[1].Str("period_start")));
        Assert.Equal((35_863L, 500L, 3_495L, 38_449L), (draft.Amount("subtotal"), draft.Amount("discount"), draft.Amount("tax"), draft.Amount("total")));
    }

    [Fact]
    public async Task Price_id_is_the_last_field_of_every_line_and_null_on_a_line_written_by_hand()
    {
        var customer = (await _books.Organization()).Str("id");
        var price = (await _admin.Price((await _admin.Product()).Str("id"))).Str("id");

        var draft = await _books.Draft(customer, "USD", new { description = "By hand", unit_amount = 100 }, new { price_id = price });

        var items = Items(draft);
        Assert.All(items, item => Assert.Equal("price_id", item.EnumerateObject().Last().Name));
        Assert.Equal((JsonValueKind.Null, price), (items[0].GetProperty("price_id").ValueKind, items[1].Str("price_id")));
        var organizationKey = app.Client(await _books.OrganizationKey(customer));
        var issued = await _books.Finalize(draft.Str("id"));
        var seen = await organizationKey.Get($"/v1/invoices/{issued.Str("id")}").Expect(HttpStatusCode.OK);
        Assert.Equal(price, Items(seen)[1].Str("price_id"));
    }

    [Fact]
    public async Task A_recurring_price_can_bill_a_one_off_line_and_a_line_can_mix_with_hand_written_ones()
    {
        var customer = (await _books.Organization()).Str("id");
        var yearly = (await _admin.Price((await _admin.Product("Support")).Str("id"), "EUR", 1_200_00, new { recurring = new { interval = "year" }, tax_rate = 19 })).Str("id");

        var invoice = await _books.Open(customer, "EUR", new { price_id = yearly, description = "Support, 2026" }, new { description = "Travel", unit_amount = 320_50, tax_rate = 19 });

        Assert.Equal((1_520_50L, 288_90L, 1_809_40L), (invoice.Amount("subtotal"), invoice.Amount("tax"), invoice.Amount("total")));
    }

    [Fact]
    public async Task Every_refused_line_names_its_field_and_nothing_is_written()
    {
        var customer = (await _books.Organization()).Str("id");
        var product = (await _admin.Product()).Str("id");
        var usd = (await _admin.Price(product)).Str("id");
        var eur = (await _admin.Price(product, "EUR", 45_00)).Str("id");
        var archived = (await _admin.Price(product, "USD", 39_00)).Str("id");
        await _admin.Post($"/v1/prices/{archived}/archive").Expect(HttpStatusCode.OK);
        var retiredProduct = (await _admin.Product("Retired")).Str("id");
        var ofRetired = (await _admin.Price(retiredProduct)).Str("id");
        await _admin.Post($"/v1/products/{retiredProduct}/archive").Expect(HttpStatusCode.OK);
        var before = await InvoiceCount(customer);

        Task<JsonElement> Refused(object item, HttpStatusCode status, string code, string field) =>
            _admin.Post("/v1/invoices", new { customer_id = customer, currency = "USD", items = new[] { new { description = "Fine", unit_amount = 100 }, item } }).ExpectProblem(status, code, field);

        var mismatch = await Refused(new { price_id = eur }, HttpStatusCode.UnprocessableEntity, "price_currency_mismatch", "items[1].price_id");
        Assert.Contains("EUR", mismatch.Str("detail"), StringComparison.Ordinal);
        await Refused(new { price_id = archived }, HttpStatusCode.UnprocessableEntity, "price_archived", "items[1].price_id");
        await Refused(new { price_id = ofRetired }, HttpStatusCode.UnprocessableEntity, "price_archived", "items[1].price_id");
        await Refused(new { price_id = Guid.NewGuid() }, HttpStatusCode.UnprocessableEntity, "price_not_found", "items[1].price_id");
        await Refused(new { price_id = usd, unit_amount = 1 }, HttpStatusCode.BadRequest, "set_by_price", "items[1].unit_amount");
        await Refused(new { price_id = usd, tax_rate = 0 }, HttpStatusCode.BadRequest, "set_by_price", "items[1].tax_rate");
        await Refused(new { price_id = usd, tax_inclusive = false }, HttpStatusCode.BadRequest, "set_by_price", "items[1].tax_inclusive");
        await Refused(new { price_id = usd, quantity = 0 }, HttpStatusCode.BadRequest, "invalid_quantity", "items[1].quantity");
        await Refused(new { price_id = "not-a-uuid" }, HttpStatusCode.BadRequest, "invalid_json", "items[1].price_id");
        await Refused(new { unit_amount = 100 }, HttpStatusCode.BadRequest, "missing_field", "items[1].description");
        await Refused(new { description = "No amount" }, HttpStatusCode.BadRequest, "missing_field", "items[1].unit_amount");

        // One answer names every problem, priced or not.
        var all = await _admin.Post("/v1/invoices", new
        {
            customer_id = customer,
            currency = "USD",
            reference = new string('r', 101),
            items = new object[] { new { price_id = eur }, new { description = "Bad", unit_amount = 100, quantity = 1.23456 }, new { price_id = usd, quantity = -1 } },
        }).ExpectProblem(HttpStatusCode.UnprocessableEntity, "price_currency_mismatch", "items[0].price_id");
        Assert.Equal(["items[0].price_id", "items[1].quantity", "items[2].quantity", "reference"], all.GetProperty("errors").EnumerateArray().Select(e => e.Str("field")).Order(StringComparer.Ordinal));

        Assert.Equal(before, await InvoiceCount(customer));
    }

    [Fact]
    public async Task Lines_of_a_draft_are_replaced_or_added_from_prices_and_a_refused_change_leaves_the_draft_as_it_was()
    {
        var customer = (await _books.Organization()).Str("id");
        var product = (await _admin.Product("Seats")).Str("id");
        var seat = (await _admin.Price(product, "USD", 12_00, new { nickname = "per seat" })).Str("id");
        var eur = (await _admin.Price(product, "EUR", 11_00)).Str("id");
        var draft = await _books.Draft(customer);
        var id = draft.Str("id");

        var patched = await _admin.Patch($"/v1/invoices/{id}", new { items = new[] { new { price_id = seat, quantity = 10 } } }).Expect(HttpStatusCode.OK);
        Assert.Equal(("Seats (per seat)", 120_00L, seat), (Items(patched)[0].Str("description"), patched.Amount("total"), Items(patched)[0].Str("price_id")));

        var added = await _admin.Post($"/v1/invoices/{id}/items", new { price_id = seat, quantity = 2, description = "Extra seats" }).Expect(HttpStatusCode.OK);
        Assert.Equal((144_00L, "Extra seats"), (added.Amount("total"), Items(added)[1].Str("description")));

        await _admin.Post($"/v1/invoices/{id}/items", new { price_id = eur }).ExpectProblem(HttpStatusCode.UnprocessableEntity, "price_currency_mismatch", "item.price_id");
        await _admin.Post($"/v1/invoices/{id}/items", new { price_id = seat, unit_amount = 1 }).ExpectProblem(HttpStatusCode.BadRequest, "set_by_price", "item.unit_amount");
        await _admin.Patch($"/v1/invoices/{id}", new { reference = "PO-1", items = new[] { new { price_id = eur } } })
            .ExpectProblem(HttpStatusCode.UnprocessableEntity, "price_currency_mismatch", "items[0].price_id");

        var unchanged = await _admin.Get($"/v1/invoices/{id}").Expect(HttpStatusCode.OK);
        Assert.Equal(added.GetRawText(), unchanged.GetRawText());
    }

    [Fact]
    public async Task Archiving_a_price_keeps_the_lines_already_made_from_it_but_refuses_new_ones()
    {
        var customer = (await _books.Organization()).Str("id");
        var product = (await _admin.Product("Legacy")).Str("id");
        var price = (await _admin.Price(product, "USD", 25_00)).Str("id");
        var draft = (await _books.Draft(customer, "USD", new { price_id = price }, new { description = "Other", unit_amount = 100 })).Str("id");
        await _admin.Post($"/v1/prices/{price}/archive").Expect(HttpStatusCode.OK);
        await _admin.Post($"/v1/products/{product}/archive").Expect(HttpStatusCode.OK);

        // Replacing the lines may keep the one the draft had; a further line from the archived price is new, and refused.
        var kept = await _admin.Patch($"/v1/invoices/{draft}", new { items = new object[] { new { price_id = price, quantity = 2 } } }).Expect(HttpStatusCode.OK);
        Assert.Equal(50_00, kept.Amount("total"));
        await _admin.Post($"/v1/invoices/{draft}/items", new { price_id = price }).ExpectProblem(HttpStatusCode.UnprocessableEntity, "price_archived", "item.price_id");
        await _admin.Post("/v1/invoices", new { customer_id = customer, currency = "USD", items = new[] { new { price_id = price } } })
            .ExpectProblem(HttpStatusCode.UnprocessableEntity, "price_archived", "items[0].price_id");

        var issued = await _books.Finalize(draft);
        Assert.Equal((50_00L, price), (issued.Amount("total"), Items(issued)[0].Str("price_id")));
    }
}
