using System.Net;
using Folio.Tests.Support;

namespace Folio.Tests.Dialects.OrganizationBilling;

public sealed class OrganizationBillingAccessTests(FolioApp app) : IClassFixture<FolioApp>
{
    private readonly Books _books = app.Books();
    private readonly HttpClient _admin = app.Admin();

    private static Uri Path(string organizationId) => new($"/v1/organizations/{organizationId}/billing/invoices?per_page=100", UriKind.Relative);

    private static async Task<List<string>> Ids(HttpClient client, string organizationId) =>
        [.. (await client.GetAsync(Path(organizationId)).Expect(HttpStatusCode.OK)).GetProperty("data").EnumerateArray().Select(i => i.Str("id"))];

    [Fact]
    public async Task An_organization_key_sees_the_invoices_of_its_organization_and_its_users_but_no_drafts()
    {
        var organization = (await _books.Organization()).Str("id");
        var user = (await _books.User(organization)).Str("id");
        var own = (await _books.Open(organization)).Str("id");
        var users = (await _books.Open(user)).Str("id");
        await _books.Draft(organization);
        var elsewhere = (await _books.Organization("Globex")).Str("id");
        await _books.Open(elsewhere);
        var key = await _books.OrganizationKey(organization);

        Assert.Equal([users, own], await Ids(app.Client(key), organization));
    }

    [Fact]
    public async Task An_admin_key_sees_any_organization_with_its_drafts()
    {
        var organization = (await _books.Organization()).Str("id");
        var user = (await _books.User(organization)).Str("id");
        var open = (await _books.Open(organization)).Str("id");
        var userDraft = (await _books.Draft(user)).Str("id");
        var other = (await _books.Organization("Globex")).Str("id");
        var others = (await _books.Open(other)).Str("id");

        Assert.Equal([userDraft, open], await Ids(_admin, organization));
        Assert.Equal([others], await Ids(_admin, other));
    }

    [Fact]
    public async Task Another_unknown_or_malformed_organization_is_not_found()
    {
        var organization = (await _books.Organization()).Str("id");
        var other = (await _books.Organization("Globex")).Str("id");
        await _books.Open(other);
        var user = (await _books.User(organization)).Str("id");
        var key = app.Client(await _books.OrganizationKey(organization));

        await key.GetAsync(Path(other)).ExpectProblem(HttpStatusCode.NotFound, "organization_not_found");
        await key.GetAsync(Path(Guid.NewGuid().ToString())).ExpectProblem(HttpStatusCode.NotFound, "organization_not_found");
        await key.GetAsync(Path(user)).ExpectProblem(HttpStatusCode.NotFound, "organization_not_found");
        await _admin.GetAsync(Path(Guid.NewGuid().ToString())).ExpectProblem(HttpStatusCode.NotFound, "organization_not_found");
        await _admin.GetAsync(Path("not-an-id")).ExpectProblem(HttpStatusCode.NotFound, "organization_not_found");
        // A user is a customer, not an organization, even to an admin.
        await _admin.GetAsync(Path(user)).ExpectProblem(HttpStatusCode.NotFound, "organization_not_found");
    }

    [Fact]
    public async Task Without_a_valid_key_the_answer_is_401()
    {
        var organization = (await _books.Organization()).Str("id");

        await app.Client(null).GetAsync(Path(organization)).ExpectProblem(HttpStatusCode.Unauthorized, "api_key_missing");
        await app.Client("folio_sk_" + new string('x', 40)).GetAsync(Path(organization)).ExpectProblem(HttpStatusCode.Unauthorized, "api_key_invalid");
    }
}
