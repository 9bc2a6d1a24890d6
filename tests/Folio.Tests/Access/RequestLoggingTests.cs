using System.Net;
using Folio.Tests.Support;

namespace Folio.Tests.Access;

public sealed class RequestLoggingTests(FolioApp app) : IClassFixture<FolioApp>
{
    [Fact]
    public async Task Every_request_is_logged_with_the_id_of_its_key_and_never_the_key()
    {
        var created = await app.Admin().Post("/v1/api_keys", new { scope = "admin", name = "logged" }).Expect(HttpStatusCode.Created);
        var secret = created.Str("secret");
        await app.Client(secret).GetAsync(new Uri("/v1/invoices?limit=1", UriKind.Relative)).Expect(HttpStatusCode.OK);
        await app.Client(null).GetAsync(new Uri("/v1/customers", UriKind.Relative)).ExpectProblem(HttpStatusCode.Unauthorized, "api_key_missing");

        var requests = app.Logs.Entries.Where(e => e.Category == "Folio.Requests").ToList();
        var line = Assert.Single(requests, e => Equals(e.Values["Path"], "/v1/invoices") && Equals(e.Values["StatusCode"], 200));
        Assert.Equal(created.Str("id"), line.Values["KeyId"]);
        Assert.Equal("GET", line.Values["Method"]);
        Assert.Contains(requests, e => Equals(e.Values["Path"], "/v1/customers") && Equals(e.Values["StatusCode"], 401) && Equals(e.Values["KeyId"], "-"));
        Assert.DoesNotContain(app.Logs.Entries, e => e.Message.Contains(secret, StringComparison.Ordinal) || e.Values.Values.Any(v => v?.ToString()?.Contains(secret, StringComparison.Ordinal) == true));
    }
}
