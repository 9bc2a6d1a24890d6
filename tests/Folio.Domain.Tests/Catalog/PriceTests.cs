using Folio.Domain.Catalog;
using Folio.Domain.Invoicing;

namespace Folio.Domain.Tests.Catalog;

public sealed class PriceTests
{
    private static readonly DateTimeOffset Now = new(2027, 1, 11, 9, 0, 0, TimeSpan.Zero);

    private static readonly PriceDetails NoDetails = new(null, null, new Dictionary<string, string>());

    internal static Product Product(string name = "Pro plan")
    {
        var (product, _) = Domain.Catalog.Product.Create(Guid.NewGuid(), new ProductDetails(name, null, new Dictionary<string, string>()), Now);
        return product!;
    }

    internal static PriceTerms Terms(string currency = "USD", long unitAmount = 49_00, PriceType type = PriceType.OneTime, Recurrence? recurrence = null, decimal taxRate = 0, bool inclusive = false) =>
        new(currency, unitAmount, type, recurrence, taxRate, inclusive);

    private static IReadOnlyList<RuleViolation> Refusals(PriceTerms terms, PriceDetails? details = null) =>
        Price.Create(Guid.NewGuid(), Product(), terms, details ?? NoDetails, Now).Violations;

    internal static Price Create(Product product, PriceTerms? terms = null, PriceDetails? details = null)
    {
        var (price, violations) = Price.Create(Guid.NewGuid(), product, terms ?? Terms(), details ?? NoDetails, Now);
        Assert.Empty(violations);
        return price!;
    }

    [Fact]
    public void A_recurring_price_keeps_its_terms()
    {
        var product = Product();
        var price = Create(product, Terms("EUR", 19_00, PriceType.Recurring, new Recurrence(IntervalUnit.Month, 3), 19, true), new PriceDetails(" Quarterly ", "pro_quarterly", new Dictionary<string, string> { ["plan"] = "pro" }));

        Assert.Equal(product.Id, price.ProductId);
        Assert.Equal(Terms("EUR", 19_00, PriceType.Recurring, new Recurrence(IntervalUnit.Month, 3), 19, true), price.Terms);
        Assert.Equal((IntervalUnit.Month, 3), (price.RecurringInterval, price.RecurringIntervalCount));
        Assert.Equal(("Quarterly", "pro_quarterly", "pro"), (price.Nickname, price.LookupKey, price.Metadata["plan"]));
        Assert.False(price.IsArchived);
    }

    [Fact]
    public void A_one_time_price_has_no_recurrence()
    {
        var price = Create(Product(), Terms(unitAmount: 0));

        Assert.Null(price.Recurrence);
        Assert.Null(price.RecurringInterval);
        Assert.Equal(0, price.UnitAmount);
    }

    [Theory]
    [InlineData("usd", "currency", "invalid_currency")]
    [InlineData("XXX", "currency", "invalid_currency")]
    [InlineData("", "currency", "invalid_currency")]
    public void The_currency_is_an_active_iso_code(string currency, string field, string code)
    {
        var violation = Assert.Single(Refusals(Terms(currency)));
        Assert.Equal((field, code, ViolationKind.InvalidInput), (violation.Field, violation.Code, violation.Kind));
    }

    [Theory]
    [InlineData(-1L)]
    [InlineData(LineItemSpec.MaxUnitAmount + 1)]
    public void The_unit_amount_is_from_0_to_the_line_item_maximum(long unitAmount)
    {
        Assert.Equal(("unit_amount", "invalid_unit_amount"), Single(Refusals(Terms(unitAmount: unitAmount))));
        Assert.Empty(Refusals(Terms(unitAmount: LineItemSpec.MaxUnitAmount)));
    }

    [Theory]
    [InlineData("100.0001")]
    [InlineData("-0.0001")]
    [InlineData("8.87501")]
    public void The_tax_rate_is_a_percentage_with_at_most_4_decimals(string rate)
    {
        Assert.Equal(("tax_rate", "invalid_tax_rate"), Single(Refusals(Terms(taxRate: decimal.Parse(rate, System.Globalization.CultureInfo.InvariantCulture)))));
        Assert.Empty(Refusals(Terms(taxRate: 8.8750m)));
        Assert.Empty(Refusals(Terms(taxRate: 100)));
    }

    [Fact]
    public void A_recurring_price_needs_a_valid_recurrence_and_a_one_time_price_takes_none()
    {
        Assert.Equal(("recurring", "missing_recurring"), Single(Refusals(Terms(type: PriceType.Recurring))));
        Assert.Equal(("recurring", "invalid_recurring"), Single(Refusals(Terms(type: PriceType.OneTime, recurrence: Recurrence.Monthly))));
        Assert.Equal(("recurring.interval_count", "invalid_interval_count"), Single(Refusals(Terms(type: PriceType.Recurring, recurrence: new Recurrence(IntervalUnit.Month, 37)))));
        Assert.Equal(("type", "invalid_type"), Single(Refusals(Terms(type: (PriceType)7))));
        Assert.Empty(Refusals(Terms(type: PriceType.Recurring, recurrence: new Recurrence(IntervalUnit.Year, 3))));
    }

    [Fact]
    public void Nicknames_lookup_keys_and_metadata_have_limits()
    {
        Assert.Equal(("nickname", "invalid_nickname"), Single(Refusals(Terms(), new PriceDetails("  ", null, new Dictionary<string, string>()))));
        Assert.Equal(("nickname", "invalid_nickname"), Single(Refusals(Terms(), new PriceDetails(new string('n', 201), null, new Dictionary<string, string>()))));
        Assert.Equal(("lookup_key", "invalid_lookup_key"), Single(Refusals(Terms(), new PriceDetails(null, "pro monthly", new Dictionary<string, string>()))));
        Assert.Equal(("lookup_key", "invalid_lookup_key"), Single(Refusals(Terms(), new PriceDetails(null, new string('k', 201), new Dictionary<string, string>()))));
        Assert.Equal(("metadata.", "invalid_metadata"), Single(Refusals(Terms(), new PriceDetails(null, null, new Dictionary<string, string> { [""] = "v" }))));
        Assert.Empty(Refusals(Terms(), new PriceDetails(new string('n', 200), new string('k', 200), new Dictionary<string, string>())));
    }

    [Fact]
    public void Every_broken_rule_is_reported_at_once()
    {
        var violations = Refusals(new PriceTerms("usd", -1, PriceType.Recurring, null, 101, false), new PriceDetails(null, "a b", new Dictionary<string, string>()));

        Assert.Equal(["currency", "unit_amount", "recurring", "tax_rate", "lookup_key"], violations.Select(v => v.Field));
    }

    [Fact]
    public void An_archived_product_gets_no_new_prices()
    {
        var product = Product();
        product.Archive(Now);

        var (price, violations) = Price.Create(Guid.NewGuid(), product, Terms(), NoDetails, Now);

        Assert.Null(price);
        var violation = Assert.Single(violations);
        Assert.Equal(("product_id", "product_archived", ViolationKind.Unprocessable), (violation.Field, violation.Code, violation.Kind));
    }

    [Fact]
    public void An_update_changes_only_the_details_and_bumps_the_version()
    {
        var price = Create(Product(), Terms("JPY", 1_000, PriceType.Recurring, Recurrence.Yearly), new PriceDetails("Old", "old_key", new Dictionary<string, string> { ["a"] = "1" }));
        var terms = price.Terms;
        var later = Now.AddHours(2);

        Assert.Empty(price.Update(new PriceDetails("Annual", null, new Dictionary<string, string>()), later));

        Assert.Equal(("Annual", null, 0, later, 1), (price.Nickname, price.LookupKey, price.Metadata.Count, price.UpdatedAt, price.Version));
        Assert.Equal(terms, price.Terms);
        Assert.NotEmpty(price.Update(new PriceDetails(null, "bad key", new Dictionary<string, string>()), later.AddHours(1)));
        Assert.Equal(("Annual", 1), (price.Nickname, price.Version));
    }

    [Fact]
    public void Archiving_and_unarchiving_go_one_way_at_a_time()
    {
        var price = Create(Product());

        Assert.Null(price.Archive(Now.AddDays(1)));
        Assert.Equal(Now.AddDays(1), price.ArchivedAt);
        Assert.Equal(("price_archived", ViolationKind.Conflict), (price.Archive(Now)!.Code, price.Archive(Now)!.Kind));
        Assert.Null(price.Unarchive(Now.AddDays(2)));
        Assert.Equal("price_not_archived", price.Unarchive(Now)!.Code);
        Assert.Equal(2, price.Version);
    }

    [Fact]
    public void A_used_price_cannot_be_deleted()
    {
        Assert.Null(Price.CanDelete(used: false));
        Assert.Equal(("price_in_use", ViolationKind.Conflict), (Price.CanDelete(used: true)!.Code, Price.CanDelete(used: true)!.Kind));
    }

    private static (string? Field, string Code) Single(IReadOnlyList<RuleViolation> violations)
    {
        var violation = Assert.Single(violations);
        return (violation.Field, violation.Code);
    }
}
