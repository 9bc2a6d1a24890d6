using System.Net;
using Folio.Tests.Support;

namespace Folio.Tests.Dialects.AdminApi;

/// <summary>Who may call the admin API, and whose invoices organizationId and userId select.</summary>
public sealed class AdminInvoiceAccessTests(FolioApp app) : IClassFixture<FolioApp>
{
    private readonly Books _books = app.Books();
    private readonly HttpClient _admin = app.Admin();

    [Fact]
    public async Task Only_an_admin_key_may_call_it()
    {
        var organization = (await _books.Organization()).Str("id");
        var invoice = (await _books.Open(organization)).Str("id");
        var organizationKey = app.Client(await _books.OrganizationKey(organization));

        // Even for its own organization: the admin API is the seller's, not the customer's.
        await organizationKey.AdminList($"organizationId={organization}").ExpectProblem(HttpStatusCode.Forbidden, "admin_key_required");
        await organizationKey.AdminGet(invoice).ExpectProblem(HttpStatusCode.Forbidden, "admin_key_required");
        await app.Client(null).AdminList($"organizationId={organization}").ExpectProblem(HttpStatusCode.Unauthorized, "api_key_missing");
        await app.Client(null).AdminGet(invoice).ExpectProblem(HttpStatusCode.Unauthorized, "api_key_missing");
        await app.Client("folio_sk_" + new string('x', 40)).AdminList($"organizationId={organization}").ExpectProblem(HttpStatusCode.Unauthorized, "api_key_invalid");
    }

    [Fact]
    public async Task Without_an_organization_or_a_user_the_problem_names_both()
    {
        var problem = await _admin.AdminList("pageSize=5").ExpectProblem(HttpStatusCode.BadRequest, "missing_owner", "organizationId");
        Assert.Contains("organizationId", problem.Str("detail"), StringComparison.Ordinal);
        Assert.Contains("userId", problem.Str("detail"), StringComparison.Ordinal);
        await _admin.AdminList("organizationId=&userId=").ExpectProblem(HttpStatusCode.BadRequest, "missing_owner", "organizationId");
    }

    [Fact]
    public async Task Malformed_ids_are_refused_under_their_own_name()
    {
        await _admin.AdminList("organizationId=org_28seyVGVL1got6").ExpectProblem(HttpStatusCode.BadRequest, "invalid_organization_id", "organizationId");
        await _admin.AdminList($"organizationId={Guid.NewGuid()}&userId=usr_1").ExpectProblem(HttpStatusCode.BadRequest, "invalid_user_id", "userId");
    }

    [Fact]
    public async Task An_organization_sees_its_own_and_its_users_invoices_and_a_user_only_its_own()
    {
        var organization = (await _books.Organization()).Str("id");
        var ada = (await _books.User(organization, "Ada Park")).Str("id");
        var bo = (await _books.User(organization, "Bo Chen")).Str("id");
        var other = (await _books.Organization("Globex")).Str("id");
        var own = (await _books.Draft(organization)).Str("id");
        var adas = (await _books.Open(ada)).Str("id");
        var bos = (await _books.Draft(bo)).Str("id");
        await _books.Open(other);

        static List<string> Sorted(IEnumerable<string> ids) => [.. ids.Order(StringComparer.Ordinal)];
        Assert.Equal(Sorted([own, adas, bos]), Sorted((await _admin.AdminPage($"organizationId={organization}")).InvoiceIds()));
        Assert.Equal([adas], (await _admin.AdminPage($"userId={ada}")).InvoiceIds());
        Assert.Equal([bos], (await _admin.AdminPage($"organizationId={organization}&userId={bo}")).InvoiceIds());
        Assert.Empty((await _admin.AdminPage($"organizationId={other}&userId={bo}")).InvoiceIds());

        // An id that names nobody selects nothing: the list is empty rather than an error, as any other filter.
        var nobody = await _admin.AdminPage($"organizationId={Guid.NewGuid()}");
        Assert.Empty(nobody.InvoiceIds());
        Assert.Equal(string.Empty, nobody.Str("nextPageToken"));
    }
}
