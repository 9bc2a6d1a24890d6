using System.Net;
using Folio.ApiKeys;
using Folio.Tests.Catalog;
using Folio.Tests.Subscriptions;
using Folio.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Folio.Tests.Fuzzing;

/// <summary>The keys a fuzz run sends; garbage keys are generated with each request.</summary>
public sealed record FuzzKeys(string Admin, string Organization, string OtherOrganization)
{
    public string? Secret(KeyKind kind) => kind switch
    {
        KeyKind.Admin => Admin,
        KeyKind.Organization => Organization,
        KeyKind.OtherOrganization => OtherOrganization,
        _ => null,
    };
}

/// <summary>
/// Books to fuzz: two organizations with a user each, invoices in every state in three currencies, payments (one in
/// excess), credit, a catalog, subscriptions and the invoices a bill run made of them, a billing profile, and keys.
/// </summary>
public static class FuzzBooks
{
    public static async Task<FuzzKeys> Seed(FolioApp app, OpenApiOperations document, IdPools pools)
    {
        var books = app.Books();
        var admin = app.Admin();
        var acme = (await books.Organization("Acme Robotics")).Str("id");
        var kumo = (await books.Organization("Kumo Labs")).Str("id");
        var customers = new[] { acme, (await books.User(acme)).Str("id"), kumo, (await books.User(kumo, "Ben Ode")).Str("id") };
        await admin.Post($"/v1/customers/{acme}/balance_transactions", new { amount = 2_500, currency = "USD", type = "grant" }).Expect(HttpStatusCode.Created);
        await admin.PutAsync(
            new Uri($"/v1/customers/{acme}/billing_profile", UriKind.Relative),
            System.Net.Http.Json.JsonContent.Create(new { tier = "enterprise", domains = new[] { "acme.example" }, all_notifications_email = "billing@acme.example" }))
            .Expect(HttpStatusCode.OK);

        foreach (var customer in customers)
        {
            await books.Draft(customer, "USD", new { description = "Draft work", unit_amount = 12_000, quantity = 2 }, new { description = "Parts", unit_amount = 5_000, discount_percent = 10, tax_rate = 19 });
            await books.Open(customer, "EUR", new { description = "Consulting", unit_amount = 30_000, tax_rate = 20, tax_inclusive = true });
            var paid = await books.Open(customer);
            if (paid.Amount("amount_remaining") > 0)
            {
                await books.Pay(paid.Str("id"), paid.Amount("amount_remaining"));
            }

            await books.Pay((await books.Open(customer, "USD", new { description = "Hosting", unit_amount = 8_000 })).Str("id"), 3_000);
            await admin.Post($"/v1/invoices/{(await books.Open(customer)).Str("id")}/void").Expect(HttpStatusCode.OK);
            await admin.Post($"/v1/invoices/{(await books.Open(customer, "JPY", new { description = "Robot arm", unit_amount = 90_000 })).Str("id")}/mark_uncollectible").Expect(HttpStatusCode.OK);
        }

        var excess = await books.Open(kumo);
        await books.Pay(excess.Str("id"), 15_000, new { amount = 15_000, method = "card", credit_excess = true });

        var product = (await admin.Product("Robot arm")).Str("id");
        await admin.Price(product, "USD", 250_00);
        await admin.Subscribe(acme, await admin.RecurringPrice(49_00, product: "Pro plan"), 3);
        await admin.Subscribe(kumo, await admin.RecurringPrice(19_90, "EUR", "year", product: "Team plan"));
        await admin.BillRun();

        var keys = new FuzzKeys(app.AdminKey, await books.OrganizationKey(acme), await books.OrganizationKey(kumo));
        pools.Protect((await app.Query(db => db.ApiKeys.Select(k => k.Id).ToListAsync())).Select(id => id.ToString()));
        await admin.Post("/v1/api_keys", new { scope = "organization", organization_id = acme, name = "spare" }).Expect(HttpStatusCode.Created);
        await admin.Post("/v1/api_keys", new { scope = nameof(ApiKeyScope.Admin).ToLowerInvariant(), name = "spare" }).Expect(HttpStatusCode.Created);

        // Every list that needs no parameter, read once as an admin, hands its ids and page tokens to the pools.
        foreach (var list in document.All.Where(o => o.Method == "GET" && !o.In("path").Any()))
        {
            var url = list.In("query").Any(p => p.Name == "limit") ? $"{list.Path}?limit=100" : list.Path;
            var response = await admin.GetAsync(new Uri(url, UriKind.Relative));
            if (response.IsSuccessStatusCode)
            {
                pools.Harvest(list, await response.Json());
            }
        }

        return keys;
    }
}
