using System.Net;
using Folio.Tests.Support;

namespace Folio.Tests.Dialects.ConsoleApi;

public sealed class ConsoleApiScopingTests(FolioApp app) : IClassFixture<FolioApp>
{
    private readonly Books _books = app.Books();
    private readonly HttpClient _admin = app.Admin();

    [Fact]
    public async Task An_organization_key_answers_for_its_own_organization_only()
    {
        var mine = (await _books.Organization("Mine")).Str("id");
        var theirs = (await _books.Organization("Theirs")).Str("id");
        var own = (await _books.Open(mine)).Str("id");
        await _books.Open(theirs);
        var client = app.Client(await _books.OrganizationKey(mine));

        var invoices = await client.Unpaid();
        Assert.Equal([own], invoices.Ids());
        Assert.Equal(mine, invoices[0].Str("idOrganization"));
        Assert.Equal(mine, invoices[0].GetProperty("organization").Str("id"));
        Assert.Equal([own], (await client.Unpaid(mine)).Ids());
        await client.GetUnpaid(theirs).ExpectProblem(HttpStatusCode.NotFound, "organization_not_found");
        await client.GetUnpaid(Guid.NewGuid().ToString()).ExpectProblem(HttpStatusCode.NotFound, "organization_not_found");
    }

    [Fact]
    public async Task An_admin_key_names_the_organization()
    {
        var organization = (await _books.Organization()).Str("id");
        var invoice = (await _books.Open(organization)).Str("id");
        var user = (await _books.User(organization)).Str("id");

        Assert.Equal([invoice], (await _admin.Unpaid(organization)).Ids());
        await _admin.GetUnpaid().ExpectProblem(HttpStatusCode.BadRequest, "organization_required", "idOrganization");
        await _admin.GetUnpaid("acme").ExpectProblem(HttpStatusCode.BadRequest, "invalid_parameter", "idOrganization");
        await _admin.GetUnpaid(Guid.NewGuid().ToString()).ExpectProblem(HttpStatusCode.NotFound, "organization_not_found");
        await _admin.GetUnpaid(user).ExpectProblem(HttpStatusCode.NotFound, "organization_not_found");
    }

    [Fact]
    public async Task Without_a_valid_key_the_answer_is_401()
    {
        var organization = (await _books.Organization()).Str("id");
        await _books.Open(organization);

        await app.Client(null).GetUnpaid(organization).ExpectProblem(HttpStatusCode.Unauthorized, "api_key_missing");
        await app.Client("folio_sk_" + new string('x', 40)).GetUnpaid(organization).ExpectProblem(HttpStatusCode.Unauthorized, "api_key_invalid");
    }

    [Fact]
    public async Task The_invoices_of_an_organizations_users_are_its_invoices()
    {
        var organization = (await _books.Organization()).Str("id");
        var user = (await _books.User(organization)).Str("id");
        var billedToUser = await _books.OpenDueIn(user, 10);
        var billedToOrganization = await _books.OpenDueIn(organization, 20);

        foreach (var client in new[] { _admin, app.Client(await _books.OrganizationKey(organization)) })
        {
            var invoices = await client.Unpaid(organization);
            Assert.Equal([billedToUser.Str("id"), billedToOrganization.Str("id")], invoices.Ids());
            Assert.All(invoices, i => Assert.Equal(organization, i.Str("idOrganization")));
            Assert.All(invoices, i => Assert.Equal(organization, i.GetProperty("organization").Str("id")));
        }
    }
}
