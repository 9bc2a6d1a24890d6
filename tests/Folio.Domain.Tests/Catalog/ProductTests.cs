using Folio.Domain.Catalog;

namespace Folio.Domain.Tests.Catalog;

public sealed class ProductTests
{
    private static readonly DateTimeOffset Now = new(2027, 1, 11, 9, 0, 0, TimeSpan.Zero);

    private static ProductDetails Details(string name = "Pro plan", string? description = null, Dictionary<string, string>? metadata = null) =>
        new(name, description, metadata ?? []);

    private static Product Create(ProductDetails? details = null)
    {
        var (product, violations) = Product.Create(Guid.NewGuid(), details ?? Details(), Now);
        Assert.Empty(violations);
        return product!;
    }

    [Fact]
    public void A_new_product_is_active_with_its_name_trimmed()
    {
        var product = Create(Details("  Pro plan ", "Everything in Basic, and more", new() { ["tier"] = "pro" }));

        Assert.Equal(("Pro plan", "Everything in Basic, and more", "pro"), (product.Name, product.Description, product.Metadata["tier"]));
        Assert.False(product.IsArchived);
        Assert.Equal((Now, Now, 0), (product.CreatedAt, product.UpdatedAt, product.Version));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void A_product_needs_a_name(string name)
    {
        var (product, violations) = Product.Create(Guid.NewGuid(), Details(name), Now);

        Assert.Null(product);
        var violation = Assert.Single(violations);
        Assert.Equal(("name", "invalid_name", ViolationKind.InvalidInput), (violation.Field, violation.Code, violation.Kind));
    }

    [Fact]
    public void Names_of_200_characters_pass_and_longer_ones_do_not()
    {
        Assert.Empty(Product.Create(Guid.NewGuid(), Details(new string('n', 200)), Now).Violations);
        Assert.Equal("name", Assert.Single(Product.Create(Guid.NewGuid(), Details(new string('n', 201)), Now).Violations).Field);
    }

    [Fact]
    public void Long_descriptions_and_bad_metadata_are_refused_by_field()
    {
        var metadata = new Dictionary<string, string> { [new string('k', 41)] = "v", ["ok"] = new string('v', 501) };
        var violations = Product.Create(Guid.NewGuid(), Details(description: new string('d', 2001), metadata: metadata), Now).Violations;

        Assert.Equal(["description", $"metadata.{new string('k', 41)}", "metadata.ok"], violations.Select(v => v.Field));
        Assert.Equal("metadata", Assert.Single(Product.Create(Guid.NewGuid(), Details(metadata: Enumerable.Range(0, 51).ToDictionary(i => $"k{i}", i => "v")), Now).Violations).Field);
    }

    [Fact]
    public void An_update_changes_the_details_and_the_version_and_a_refused_one_changes_nothing()
    {
        var product = Create();
        var later = Now.AddHours(1);

        Assert.Empty(product.Update(Details("Pro plan 2", "New"), later));
        Assert.Equal(("Pro plan 2", "New", later, 1), (product.Name, product.Description, product.UpdatedAt, product.Version));

        Assert.NotEmpty(product.Update(Details(""), later.AddHours(1)));
        Assert.Equal(("Pro plan 2", later, 1), (product.Name, product.UpdatedAt, product.Version));
    }

    [Fact]
    public void Metadata_is_kept_in_key_order_whatever_order_it_came_in()
    {
        var product = Create(Details(metadata: new() { ["zeta"] = "1", ["alpha"] = "2" }));
        product.Update(Details(metadata: new() { ["mid"] = "3", ["alpha"] = "2", ["zeta"] = "1" }), Now);

        Assert.Equal(["alpha", "mid", "zeta"], product.Metadata.Keys);
    }

    [Fact]
    public void Archiving_and_unarchiving_go_one_way_at_a_time()
    {
        var product = Create();
        var later = Now.AddDays(1);

        Assert.Null(product.Archive(later));
        Assert.Equal((later, 1), (product.ArchivedAt, product.Version));
        Assert.Equal(("product_archived", ViolationKind.Conflict), (product.Archive(later)!.Code, product.Archive(later)!.Kind));

        Assert.Null(product.Unarchive(later.AddDays(1)));
        Assert.False(product.IsArchived);
        Assert.Equal("product_not_archived", product.Unarchive(later)!.Code);
        Assert.Equal(2, product.Version);
    }

    [Fact]
    public void An_archived_product_can_still_be_renamed()
    {
        var product = Create();
        product.Archive(Now);

        Assert.Empty(product.Update(Details("Legacy plan"), Now));
        Assert.Equal("Legacy plan", product.Name);
    }

    [Fact]
    public void A_product_whose_prices_were_used_cannot_be_deleted()
    {
        Assert.Null(Product.CanDelete(used: false));
        var refused = Product.CanDelete(used: true)!;
        Assert.Equal(("product_in_use", ViolationKind.Conflict), (refused.Code, refused.Kind));
        Assert.Contains("archive", refused.Detail, StringComparison.Ordinal);
    }
}
