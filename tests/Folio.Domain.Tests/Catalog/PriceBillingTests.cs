using Folio.Domain.Catalog;
using Folio.Domain.Invoicing;

namespace Folio.Domain.Tests.Catalog;

public sealed class PriceBillingTests
{
    private static readonly DateTimeOffset Now = new(2027, 1, 11, 9, 0, 0, TimeSpan.Zero);

    private static readonly LineItemSpec Asked = new(string.Empty, 3, 0, DiscountPercent: 10, PeriodStart: Now, PeriodEnd: Now.AddMonths(1), ProductRef: "sku-1");

    [Fact]
    public void A_line_takes_the_price_terms_and_keeps_its_own_quantity_discount_and_period()
    {
        var product = PriceTests.Product("Pro plan");
        var price = PriceTests.Create(product, PriceTests.Terms("EUR", 19_99, PriceType.Recurring, Recurrence.Monthly, 19, true));

        var line = price.Bill(Asked with { UnitAmount = 1, TaxRate = 5 }, product);

        Assert.Equal(new LineItemSpec("Pro plan", 3, 19_99, null, 10, 19, true, Now, Now.AddMonths(1), "sku-1", price.Id), line);
    }

    [Fact]
    public void The_description_is_the_product_name_with_the_nickname_unless_the_line_has_its_own()
    {
        var product = PriceTests.Product("Pro plan");
        var plain = PriceTests.Create(product);
        var nicknamed = PriceTests.Create(product, details: new PriceDetails("Monthly", null, new Dictionary<string, string>()));

        Assert.Equal("Pro plan", plain.Bill(Asked, product).Description);
        Assert.Equal("Pro plan (Monthly)", nicknamed.Bill(Asked, product).Description);
        Assert.Equal("Pro plan, March", nicknamed.Bill(Asked with { Description = "Pro plan, March" }, product).Description);
    }

    [Fact]
    public void Lines_from_prices_add_up_like_lines_written_by_hand()
    {
        // 3 × 1,001 yen with 10% included: 3,003 of which 273 tax.
        var product = PriceTests.Product();
        var yen = PriceTests.Create(product, PriceTests.Terms("JPY", 1_001, taxRate: 10, inclusive: true));
        var totals = InvoiceCalculator.Calculate([yen.Bill(Asked with { DiscountPercent = null }, product)], InvoiceDiscount.None);

        Assert.Equal((3_003L, 273L, 3_003L), (totals.Subtotal, totals.Tax, totals.Total));
    }

    [Fact]
    public void An_archived_price_a_price_of_an_archived_product_and_another_currency_are_refused_on_the_field()
    {
        var product = PriceTests.Product();
        var price = PriceTests.Create(product, PriceTests.Terms("USD"));

        Assert.Null(price.CheckBillable(product, "USD", "items[0].price_id"));

        var mismatch = price.CheckBillable(product, "EUR", "items[0].price_id")!;
        Assert.Equal(("items[0].price_id", "price_currency_mismatch", ViolationKind.Unprocessable), (mismatch.Field, mismatch.Code, mismatch.Kind));

        product.Archive(Now);
        Assert.Equal(("items[0].price_id", "price_archived"), (price.CheckBillable(product, "USD", "items[0].price_id")!.Field, price.CheckBillable(product, "USD", "items[0].price_id")!.Code));

        product.Unarchive(Now);
        price.Archive(Now);
        Assert.Equal("price_archived", price.CheckBillable(product, "USD", "item.price_id")!.Code);
    }

    [Fact]
    public void A_line_the_invoice_already_had_from_an_archived_price_may_stay_but_not_change_currency()
    {
        var product = PriceTests.Product();
        var price = PriceTests.Create(product, PriceTests.Terms("USD"));
        price.Archive(Now);
        product.Archive(Now);

        Assert.Null(price.CheckBillable(product, "USD", "items[0].price_id", alreadyOnInvoice: true));
        Assert.Equal("price_archived", price.CheckBillable(product, "USD", "items[0].price_id")!.Code);
        Assert.Equal("price_currency_mismatch", price.CheckBillable(product, "EUR", "items[0].price_id", alreadyOnInvoice: true)!.Code);
    }

    [Fact]
    public void A_price_is_checked_against_its_own_product_only()
    {
        var price = PriceTests.Create(PriceTests.Product());

        Assert.Throws<ArgumentException>(() => price.CheckBillable(PriceTests.Product(), "USD", "items[0].price_id"));
    }

    [Fact]
    public void A_line_made_from_a_price_keeps_the_price_id()
    {
        var product = PriceTests.Product();
        var price = PriceTests.Create(product);
        var (invoice, _) = Invoice.CreateDraft(Guid.NewGuid(), Guid.NewGuid(), null, Domain.Money.Currency.USD,
            new InvoiceDraft(null, null, null, null, null, null, InvoiceDiscount.None), [price.Bill(Asked, product), new LineItemSpec("By hand", 1, 500)], Now, Guid.NewGuid);

        Assert.Equal([price.Id, null], invoice!.Items.Select(i => i.PriceId));
        Assert.Equal(price.Id, invoice.Items[0].Spec.PriceId);
    }
}
