using System.Net;
using System.Text.Json;
using Folio.Tests.Support;

namespace Folio.Tests.Customers;

public sealed class CustomerTests(FolioApp app) : IClassFixture<FolioApp>
{
    private readonly Books _books = app.Books();
    private readonly HttpClient _admin = app.Admin();

    [Fact]
    public async Task An_organization_and_its_user_are_created_read_and_listed()
    {
        var organization = await _admin.Post("/v1/customers", new
        {
            kind = "organization",
            name = "Brandt & Söhne GmbH",
            company = "Brandt & Söhne GmbH",
            email = "rechnung@brandt.example",
            phone = "+49 30 1234567",
            address = new { line1 = "Friedrichstraße 12", city = "Berlin", postal_code = "10117", country = "DE" },
            tax_id = "DE123456789",
            purchase_order = "PO-1",
            external_id = "cus_123",
            metadata = new Dictionary<string, string> { ["segment"] = "enterprise" },
        }).Expect(HttpStatusCode.Created);
        var id = organization.Str("id");
        Assert.Equal("organization", organization.Str("kind"));
        Assert.Equal("DE", organization.GetProperty("address").Str("country"));
        Assert.Equal("enterprise", organization.GetProperty("metadata").Str("segment"));

        var user = await _books.User(id, "Jonas Brandt");
        Assert.Equal(id, user.Str("organization_id"));

        var fetched = await _admin.GetAsync(new Uri($"/v1/customers/{id}", UriKind.Relative)).Expect(HttpStatusCode.OK);
        Assert.Equal("Brandt & Söhne GmbH", fetched.Str("name"));
        var users = await _admin.GetAsync(new Uri($"/v1/customers?organization_id={id}", UriKind.Relative)).Expect(HttpStatusCode.OK);
        Assert.Equal(user.Str("id"), Assert.Single(users.GetProperty("data").EnumerateArray()).Str("id"));
    }

    [Fact]
    public async Task An_update_changes_only_the_fields_sent_and_empty_text_clears_one()
    {
        var organization = await _books.Organization();
        var id = organization.Str("id");
        app.Clock.Advance(TimeSpan.FromMinutes(1));

        var updated = await _admin.Patch($"/v1/customers/{id}", new { phone = "+1 212 555 0199", email = "", address = new { city = "Queens" }, metadata = new { tier = "gold" } })
            .Expect(HttpStatusCode.OK);

        Assert.Equal("+1 212 555 0199", updated.Str("phone"));
        Assert.Equal(JsonValueKind.Null, updated.GetProperty("email").ValueKind);
        Assert.Equal("Queens", updated.GetProperty("address").Str("city"));
        Assert.Equal("42 West St", updated.GetProperty("address").Str("line1"));
        Assert.Equal("gold", updated.GetProperty("metadata").Str("tier"));
        Assert.Equal(organization.Str("name"), updated.Str("name"));
        Assert.True(updated.GetProperty("updated_at").GetDateTimeOffset() > organization.GetProperty("updated_at").GetDateTimeOffset());
    }

    [Fact]
    public async Task An_archived_customer_is_kept_but_cannot_be_invoiced_or_changed()
    {
        var organization = await _books.Organization();
        var id = organization.Str("id");
        var archived = await _admin.Post($"/v1/customers/{id}/archive").Expect(HttpStatusCode.OK);
        Assert.NotEqual(JsonValueKind.Null, archived.GetProperty("archived_at").ValueKind);

        await _admin.Post("/v1/invoices", new { customer_id = id, currency = "USD" }).ExpectProblem(HttpStatusCode.UnprocessableEntity, "customer_archived", "customer_id");
        await _admin.Patch($"/v1/customers/{id}", new { name = "New" }).ExpectProblem(HttpStatusCode.Conflict, "customer_archived");
        await _admin.GetAsync(new Uri($"/v1/customers/{id}", UriKind.Relative)).Expect(HttpStatusCode.OK);
        var listed = await _admin.GetAsync(new Uri("/v1/customers?limit=100", UriKind.Relative)).Expect(HttpStatusCode.OK);
        Assert.DoesNotContain(listed.GetProperty("data").EnumerateArray(), c => c.Str("id") == id);
        var withArchived = await _admin.GetAsync(new Uri("/v1/customers?limit=100&include_archived=true", UriKind.Relative)).Expect(HttpStatusCode.OK);
        Assert.Contains(withArchived.GetProperty("data").EnumerateArray(), c => c.Str("id") == id);
    }

    [Fact]
    public async Task The_kind_filter_takes_the_names_the_api_returns()
    {
        var organization = await _books.Organization("Kind Filter Org");
        var user = await _books.User(organization.Str("id"));

        var organizations = await _admin.GetAsync(new Uri("/v1/customers?kind=organization&limit=100", UriKind.Relative)).Expect(HttpStatusCode.OK);
        Assert.Contains(organizations.GetProperty("data").EnumerateArray(), c => c.Str("id") == organization.Str("id"));
        Assert.All(organizations.GetProperty("data").EnumerateArray(), c => Assert.Equal("organization", c.Str("kind")));
        var users = await _admin.GetAsync(new Uri("/v1/customers?kind=user&limit=100", UriKind.Relative)).Expect(HttpStatusCode.OK);
        Assert.Contains(users.GetProperty("data").EnumerateArray(), c => c.Str("id") == user.Str("id"));

        await _admin.GetAsync(new Uri("/v1/customers?kind=5", UriKind.Relative)).ExpectProblem(HttpStatusCode.BadRequest, "invalid_kind", "kind");
        await _admin.GetAsync(new Uri("/v1/customers?kind=User", UriKind.Relative)).ExpectProblem(HttpStatusCode.BadRequest, "invalid_kind", "kind");
    }

    [Fact]
    public async Task Invalid_customers_are_refused_with_the_field_at_fault()
    {
        await _admin.Post("/v1/customers", new { kind = "organization", name = "" }).ExpectProblem(HttpStatusCode.BadRequest, "invalid_name", "name");
        await _admin.Post("/v1/customers", new { kind = "organization", name = "X", email = "not-an-email" }).ExpectProblem(HttpStatusCode.BadRequest, "invalid_email", "email");
        await _admin.Post("/v1/customers", new { kind = "organization", name = "X", address = new { country = "Germany" } }).ExpectProblem(HttpStatusCode.BadRequest, "invalid_country", "address.country");
        await _admin.Post("/v1/customers", new { kind = "company", name = "X" }).ExpectProblem(HttpStatusCode.BadRequest, "invalid_json", "kind");
        await _admin.Post("/v1/customers", new { name = "X" }).ExpectProblem(HttpStatusCode.BadRequest, "missing_field", "kind");
        await _admin.Post("/v1/customers", new { kind = "user", name = "X", organization_id = Guid.NewGuid() }).ExpectProblem(HttpStatusCode.UnprocessableEntity, "organization_not_found", "organization_id");
        var user = await _books.User((await _books.Organization()).Str("id"));
        await _admin.Post("/v1/customers", new { kind = "user", name = "X", organization_id = user.Str("id") }).ExpectProblem(HttpStatusCode.BadRequest, "invalid_organization", "organization_id");
    }
}
