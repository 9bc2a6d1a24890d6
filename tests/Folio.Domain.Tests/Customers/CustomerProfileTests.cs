using Folio.Domain.Customers;

namespace Folio.Domain.Tests.Customers;

public sealed class CustomerProfileTests
{
    private static readonly CustomerProfile Valid = new(
        "Acme GmbH",
        "Acme Holding",
        "billing@acme.example",
        "+49 30 1234567",
        new Address("Hauptstraße 1", "3. OG", "Berlin", "Berlin", "10115", "DE"),
        "DE123456789",
        "PO-2026-17",
        "cus_123",
        new Dictionary<string, string> { ["crm_id"] = "42", ["segment"] = "enterprise" });

    [Fact]
    public void A_complete_valid_profile_passes()
    {
        Assert.Empty(Valid.Validate());
    }

    [Fact]
    public void A_minimal_profile_with_only_a_name_passes()
    {
        Assert.Empty(new CustomerProfile("Jane Doe", null, null, null, null!, null, null, null, null!).Validate());
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void A_missing_name_is_rejected(string name)
    {
        AssertRejected(Valid with { Name = name }, "name", "invalid_name");
    }

    [Fact]
    public void A_name_over_200_characters_is_rejected()
    {
        Assert.Empty((Valid with { Name = new string('n', 200) }).Validate());
        AssertRejected(Valid with { Name = new string('n', 201) }, "name", "invalid_name");
    }

    [Theory]
    [InlineData("not-an-email")]
    [InlineData("jane@acme")]
    [InlineData("jane.doe@acme")] // the dot check must look at the domain, as it does for jane@acme
    [InlineData("@acme.example")]
    [InlineData("jane@")]
    [InlineData("Jane Doe <jane@acme.example>")]
    [InlineData(" jane@acme.example")]
    [InlineData("jane@@acme.example")]
    public void A_malformed_email_is_rejected(string email)
    {
        AssertRejected(Valid with { Email = email }, "email", "invalid_email");
    }

    [Theory]
    [InlineData("XX")]
    [InlineData("us")]
    [InlineData("USA")]
    [InlineData("")]
    public void An_unknown_or_lowercase_country_is_rejected(string country)
    {
        AssertRejected(Valid with { Address = Valid.Address with { Country = country } }, "address.country", "invalid_country");
    }

    [Theory]
    [InlineData("US")]
    [InlineData("JP")]
    [InlineData("BH")]
    public void A_known_country_is_accepted(string country)
    {
        Assert.Empty((Valid with { Address = Valid.Address with { Country = country } }).Validate());
    }

    [Fact]
    public void Address_lines_over_200_characters_are_rejected()
    {
        AssertRejected(Valid with { Address = Valid.Address with { City = new string('c', 201) } }, "address.city", "invalid_address");
    }

    [Theory]
    [InlineData("phone", 41)]
    [InlineData("tax_id", 65)]
    [InlineData("company", 201)]
    [InlineData("purchase_order", 101)]
    public void Overlong_fields_are_rejected(string field, int length)
    {
        var value = new string('1', length);
        var profile = field switch
        {
            "phone" => Valid with { Phone = value },
            "tax_id" => Valid with { TaxId = value },
            "company" => Valid with { Company = value },
            _ => Valid with { PurchaseOrder = value },
        };

        AssertRejected(profile, field, $"invalid_{field}");
    }

    [Fact]
    public void Metadata_holds_at_most_50_entries()
    {
        Assert.Empty((Valid with { Metadata = Metadata(50) }).Validate());
        AssertRejected(Valid with { Metadata = Metadata(51) }, "metadata", "invalid_metadata");
    }

    [Fact]
    public void A_metadata_key_over_40_characters_is_rejected()
    {
        var key = new string('k', 41);

        Assert.Empty((Valid with { Metadata = new Dictionary<string, string> { [new string('k', 40)] = "v" } }).Validate());
        AssertRejected(Valid with { Metadata = new Dictionary<string, string> { [key] = "v" } }, $"metadata.{key}", "invalid_metadata");
    }

    [Fact]
    public void An_empty_metadata_key_or_a_value_over_500_characters_is_rejected()
    {
        AssertRejected(Valid with { Metadata = new Dictionary<string, string> { [""] = "v" } }, "metadata.", "invalid_metadata");
        AssertRejected(Valid with { Metadata = new Dictionary<string, string> { ["notes"] = new string('v', 501) } }, "metadata.notes", "invalid_metadata");
    }

    [Fact]
    public void Every_problem_is_reported_at_once()
    {
        var profile = Valid with { Name = "", Email = "nope", Address = Valid.Address with { Country = "XX" } };

        Assert.Equal(["address.country", "email", "name"], profile.Validate().Select(v => v.Field).Order(StringComparer.Ordinal));
    }

    private static Dictionary<string, string> Metadata(int count) =>
        Enumerable.Range(0, count).ToDictionary(i => $"key{i}", i => $"value{i}");

    private static void AssertRejected(CustomerProfile profile, string field, string code)
    {
        var violation = Assert.Single(profile.Validate());
        Assert.Equal(field, violation.Field);
        Assert.Equal(code, violation.Code);
        Assert.Equal(ViolationKind.InvalidInput, violation.Kind);
    }
}
