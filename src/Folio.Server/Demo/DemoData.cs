using Folio.Api;
using Folio.ApiKeys;
using Folio.BillingProfiles;
using Folio.BillRuns;
using Folio.Catalog;
using Folio.Credits;
using Folio.Customers;
using Folio.Data;
using Folio.Domain.Catalog;
using Folio.Domain.Credits;
using Folio.Domain.Customers;
using Folio.Domain.Subscriptions;
using Folio.ExchangeRates;
using Folio.Invoices;
using Folio.Payments;
using Folio.Subscriptions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Folio.Demo;

/// <summary>
/// Demo books: organizations with users and billing profiles, exchange rates, a catalog (monthly and yearly plans in USD
/// and EUR, a one-off setup fee), and invoices in USD, EUR, JPY and BHD in every state (draft, open, past due, partially
/// paid, paid, void, uncollectible, muted), written through the same operations as the API with a clock moved back in time.
/// </summary>
public static class DemoData
{
    public const string KeyName = "demo admin";

    /// <summary>Loads the demo once (into an empty database) and returns a new admin key; the previous demo key is revoked.</summary>
    public static async Task<string> LoadAndIssueKey(FolioDb db, IServiceProvider services, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(services);
        var clock = services.GetRequiredService<TimeProvider>();
        if (!await db.Customers.AnyAsync(ct))
        {
            await Load(db, services, clock.GetUtcNow(), services.GetRequiredService<IOptions<InvoiceOptions>>(), ct);
        }

        foreach (var old in await db.ApiKeys.Where(k => k.Name == KeyName && k.RevokedAt == null).ToListAsync(ct))
        {
            await ApiKeyOperations.Revoke(db, clock, old.Id, ct);
        }

        var created = await ApiKeyOperations.Create(db, clock, new CreateApiKeyRequest(ApiKeyScope.Admin, KeyName), ct);
        return Required(created).Secret;
    }

    private static async Task Load(FolioDb db, IServiceProvider services, DateTimeOffset today, IOptions<InvoiceOptions> options, CancellationToken ct)
    {
        var clock = new DemoClock(today.AddDays(-130));
        var book = new Book(db, services, clock, options, ct);
        foreach (var (currency, usdPerUnit) in new[] { ("EUR", 1.0842m), ("JPY", 0.0067m), ("GBP", 1.2704m), ("BHD", 2.6525m) })
        {
            await Book.Run(ExchangeRateOperations.Set(db, clock, currency, usdPerUnit, ct));
        }

        var acme = await book.Customer(new CreateCustomerRequest(CustomerKind.Organization, "Acme Robotics", Company: "Acme Robotics Inc.", Email: "billing@acme.example",
            Phone: "+12125550123", Address: new AddressRequest("42 West St", null, "Brooklyn", "NY", "11222", "US"), TaxId: "US-12-3456789", PurchaseOrder: "PO-7781", ExternalId: "cus_Acme7781"));
        var ada = await book.Customer(new CreateCustomerRequest(CustomerKind.User, "Ada Park", acme.Id, Email: "ada@acme.example"));
        await book.Customer(new CreateCustomerRequest(CustomerKind.User, "Lin Okafor", acme.Id, Email: "lin@acme.example"));
        var brandt = await book.Customer(new CreateCustomerRequest(CustomerKind.Organization, "Brandt & Söhne GmbH", Company: "Brandt & Söhne GmbH", Email: "rechnung@brandt.example",
            Address: new AddressRequest("Friedrichstraße 12", null, "Berlin", null, "10117", "DE"), TaxId: "DE123456789"));
        await book.Customer(new CreateCustomerRequest(CustomerKind.User, "Jonas Brandt", brandt.Id, Email: "jonas@brandt.example"));
        var kumo = await book.Customer(new CreateCustomerRequest(CustomerKind.Organization, "Kumo Systems KK", Email: "keiri@kumo.example",
            Address: new AddressRequest("1-2-3 Marunouchi", null, "Chiyoda-ku", "Tokyo", "100-0005", "JP")));
        var gulf = await book.Customer(new CreateCustomerRequest(CustomerKind.Organization, "Gulf Freight W.L.L.", Company: "Gulf Freight W.L.L.", Email: "accounts@gulffreight.example",
            Address: new AddressRequest("Building 221, Road 1702", "Diplomatic Area", "Manama", null, "317", "BH")));
        await book.Billing(acme.Id, new BillingSettingsRequest("enterprise", ["acme.example", "acme-robotics.example"], "billing@acme.example", "ops@acme.example",
            AutoRechargeEnabled: true, AutoRechargeBelowUsdCents: 50_00, AutoRechargeBackUpToUsdCents: 500_00, CreditUninvoicedLimitUsdCents: 2_000_00,
            SpendManagementEnabled: true, SpendDailyHardLimitUsdCents: 300_00, SpendDailyNotifyThresholdUsdCents: 200_00, SpendWebhookUrl: "https://acme.example/hooks/spend"));
        await book.Billing(brandt.Id, new BillingSettingsRequest("business", ["brandt.example"], "rechnung@brandt.example", CreditUninvoicedLimitUsdCents: 500_00));
        await book.Billing(kumo.Id, new BillingSettingsRequest("startup", ["kumo.example"]));
        await Book.Run(ApiKeyOperations.Create(db, clock, new CreateApiKeyRequest(ApiKeyScope.Organization, "Acme console", acme.Id), ct));
        var solo = await book.Customer(new CreateCustomerRequest(CustomerKind.User, "Sam Rivera", Email: "sam@rivera.example",
            Address: new AddressRequest("9 Harbour Rd", null, "Halifax", "NS", "B3H 1A1", "CA")));

        // The catalog: the platform plan monthly and yearly (two months free) in USD and EUR (German VAT on top), and a setup fee.
        var platform = await book.Product(new CreateProductRequest("Platform subscription", "Fleet orchestration for up to 50 robots, per organization",
            new Dictionary<string, string> { ["plan"] = "platform" }));
        RecurringRequest monthly = new(IntervalUnit.Month), yearly = new(IntervalUnit.Year);
        var platformMonthlyUsd = await book.Price(new CreatePriceRequest(platform.Id, "USD", 499_00, Recurring: monthly, Nickname: "Monthly", LookupKey: "platform_monthly_usd"));
        await book.Price(new CreatePriceRequest(platform.Id, "USD", 4_990_00, Recurring: yearly, Nickname: "Yearly", LookupKey: "platform_yearly_usd"));
        await book.Price(new CreatePriceRequest(platform.Id, "EUR", 459_00, Recurring: monthly, TaxRate: 19, Nickname: "Monthly", LookupKey: "platform_monthly_eur"));
        var platformYearlyEur = await book.Price(new CreatePriceRequest(platform.Id, "EUR", 4_590_00, Recurring: yearly, TaxRate: 19, Nickname: "Yearly", LookupKey: "platform_yearly_eur"));
        var onboarding = await book.Product(new CreateProductRequest("Onboarding", "Fleet setup and operator training, once"));
        await book.Price(new CreatePriceRequest(onboarding.Id, "USD", 1_500_00, Nickname: "Setup fee", LookupKey: "onboarding_setup_usd"));
        await book.Price(new CreatePriceRequest(onboarding.Id, "EUR", 1_400_00, TaxRate: 19, Nickname: "Setup fee", LookupKey: "onboarding_setup_eur"));

        static InvoiceItemRequest Line(string description, long unitAmount, decimal quantity = 1, decimal taxRate = 0, bool inclusive = false) =>
            new(description, unitAmount, quantity, TaxRate: taxRate, TaxInclusive: inclusive);

        // Day -130: Ada's invoice, never paid, written off later.
        var adaInvoice = await book.Issue(new CreateInvoiceRequest(ada.Id, "USD", Reference: "ADA-SEAT", DaysUntilDue: 30,
            Items: [Line("Seat licence, Q2", 12_000, 3)]));
        await book.Send(adaInvoice);

        // Day -120: Acme pays in full.
        clock.Now = today.AddDays(-120);
        var paid = await book.Issue(new CreateInvoiceRequest(acme.Id, "USD", Reference: "PO-7781", DaysUntilDue: 30,
            Items: [Line("Platform subscription, June", 49_900), Line("Support hours", 9_500, 3.5m, 8.875m)]));
        await book.Send(paid);
        clock.Now = today.AddDays(-105);
        await book.Pay(paid, null, "bank_transfer", "WIRE-20931");

        // Day -95: Brandt in EUR with 19% VAT and a 10% invoice discount; later voided and reissued.
        clock.Now = today.AddDays(-95);
        var voided = await book.Issue(new CreateInvoiceRequest(brandt.Id, "EUR", DaysUntilDue: 14, DiscountPercent: 10,
            Items: [Line("Beratung", 150_00, 4, 19), Line("Reisekosten", 320_50, 1, 19)]));
        clock.Now = today.AddDays(-94);
        await Book.Run(InvoiceLifecycle.Void(db, clock, voided.Id, ct));

        // Day -75: Acme subscribes to the monthly plan; the bill run invoices each month as it begins, and Acme pays the first two.
        clock.Now = today.AddDays(-75);
        var acmePlan = await book.Subscribe(new CreateSubscriptionRequest(acme.Id, [new SubscriptionItemRequest(platformMonthlyUsd.Id)], DaysUntilDue: 14));
        await book.BillRun();
        clock.Now = today.AddDays(-70);
        await book.PaySubscription(acmePlan, 0, "card", "ch_3PlatformJan");

        // Day -60: Kumo in JPY, tax-inclusive consumption tax, paid in two parts.
        clock.Now = today.AddDays(-60);
        var yen = await book.Issue(new CreateInvoiceRequest(kumo.Id, "JPY", DaysUntilDue: 30,
            Items: [Line("API利用料 (API usage)", 33_000, 1, 10, true), Line("Onboarding", 110_000, 1, 10, true)]));
        await book.Send(yen);
        clock.Now = today.AddDays(-50);
        await book.Pay(yen, 100_000, "bank_transfer", "FURIKOMI-1");
        clock.Now = today.AddDays(-35);
        await book.Pay(yen, null, "bank_transfer", "FURIKOMI-2");

        // Day -50: Acme, past due and sent.
        clock.Now = today.AddDays(-50);
        var pastDue = await book.Issue(new CreateInvoiceRequest(acme.Id, "USD", Reference: "PO-7790", DaysUntilDue: 14,
            Items: [Line("Platform subscription, August", 49_900), Line("Extra robots", 2_499, 12, 8.875m)]));
        await book.Send(pastDue);

        // Day -45: Kumo, past due and muted (a migrated invoice that must never be sent).
        clock.Now = today.AddDays(-45);
        var muted = await book.Issue(new CreateInvoiceRequest(kumo.Id, "JPY", Description: "Migrated from the previous billing system", DaysUntilDue: 10, Muted: true,
            Items: [Line("Legacy plan", 54_000, 1, 10, true)]));

        // Acme's second month (months are calendar months: about 45 days ago).
        clock.Now = acmePlan.PeriodStart(1);
        await book.BillRun();
        clock.Now = acmePlan.PeriodStart(1).AddDays(3);
        await book.PaySubscription(acmePlan, 1, "card", "ch_3PlatformFeb");

        // Day -40: the euro rises; invoices already issued keep the rate they were issued at. Gulf Freight, in BHD.
        clock.Now = today.AddDays(-40);
        await Book.Run(ExchangeRateOperations.Set(db, clock, "EUR", 1.0921m, ct));

        // Sam Rivera subscribes monthly too, and will later cancel at the end of a period.
        var samPlan = await book.Subscribe(new CreateSubscriptionRequest(solo.Id, [new SubscriptionItemRequest(platformMonthlyUsd.Id)]));
        await book.BillRun();

        var dinar = await book.Issue(new CreateInvoiceRequest(gulf.Id, "BHD", Reference: "GF-311", DaysUntilDue: 30,
            Items: [Line("Freight tracking, 3 months", 1_250_500), Line("Customs filing", 18_750, 4, 10)]));
        await book.Send(dinar);
        clock.Now = today.AddDays(-25);
        await book.Pay(dinar, 600_000, "bank_transfer", "BENEFIT-5531");

        // Day -30: Ada's invoice is written off; Brandt gets the corrected invoice, partially paid.
        clock.Now = today.AddDays(-30);
        await Book.Run(InvoiceLifecycle.MarkUncollectible(db, clock, adaInvoice.Id, ct));
        var brandtOpen = await book.Issue(new CreateInvoiceRequest(brandt.Id, "EUR", Reference: "BS-2026-11", DaysUntilDue: 45, DiscountPercent: 10,
            Items: [Line("Beratung", 150_00, 4, 19), Line("Reisekosten", 290_00, 1, 19)]));
        await book.Send(brandtOpen);
        clock.Now = today.AddDays(-20);
        await book.Pay(brandtOpen, 300_00, "direct_debit", "SEPA-88121");

        // Day -20: Brandt starts a 30-day trial of the yearly plan in EUR: its first invoice comes when the trial ends.
        await book.Subscribe(new CreateSubscriptionRequest(brandt.Id, [new SubscriptionItemRequest(platformYearlyEur.Id)], TrialEnd: today.AddDays(10), DaysUntilDue: 30));

        // Acme's third month, about 15 days ago.
        clock.Now = acmePlan.PeriodStart(2);
        await book.BillRun();

        // Day -10: Acme gets goodwill credit, applied to its next invoice at finalization.
        clock.Now = today.AddDays(-10);
        await Book.Run(CreditLedger.RecordManualEntry(db, clock, acme.Id, new CreateBalanceTransactionRequest(100_00, "USD", CreditTransactionType.Grant, "Goodwill credit for the August outage"), ct));
        var credited = await book.Issue(new CreateInvoiceRequest(acme.Id, "USD", Reference: "PO-7802", DaysUntilDue: 30,
            Items: [new InvoiceItemRequest("Platform subscription, November", PriceId: platformMonthlyUsd.Id), Line("Robot arm rental", 1_250, 7.5m, 8.875m)]));
        await book.Send(credited);

        // Sam's second month, about 10 days ago; five days ago Sam canceled at the end of it, so nothing more will be billed.
        clock.Now = samPlan.PeriodStart(1);
        await book.BillRun();
        clock.Now = today.AddDays(-5);
        await Book.Run(SubscriptionOperations.Cancel(db, clock, samPlan.Id, new CancelSubscriptionRequest(AtPeriodEnd: true), null, ct));

        // Today: drafts still being prepared.
        clock.Now = today;
        await Book.Run(InvoiceDrafts.Create(db, clock, new CreateInvoiceRequest(brandt.Id, "EUR", Reference: "BS-2026-12",
            Items: [Line("Beratung", 150_00, 2, 19)]), ct));
        await Book.Run(InvoiceDrafts.Create(db, clock, new CreateInvoiceRequest(solo.Id, "USD", Description: "Consulting, December",
            Items: [Line("Consulting", 95_00, 6)]), ct));
        // Kumo is suspended for its past-due invoices.
        await Book.Run(BillingProfileOperations.Suspend(db, clock, kumo.Id, "Invoices past due", ct));
        _ = muted;
    }

    private static T Required<T>(Outcome<T> outcome) =>
        outcome.Succeeded ? outcome.Value! : throw new InvalidOperationException($"Demo data refused: {string.Join("; ", outcome.Violations.Select(v => v.Detail))}{outcome.NotFoundCode}");

    private sealed class Book(FolioDb db, IServiceProvider services, DemoClock clock, IOptions<InvoiceOptions> options, CancellationToken ct)
    {
        public async Task<Subscription> Subscribe(CreateSubscriptionRequest request) => await Run(SubscriptionOperations.Create(db, clock, request, ct));

        /// <summary>The bill run as the server runs it, at the demo's clock.</summary>
        public async Task BillRun()
        {
            await using var scope = services.CreateAsyncScope();
            var lockDb = scope.ServiceProvider.GetRequiredService<FolioDb>();
            var run = await Run(BillRunOperations.Run(db, lockDb, clock, options.Value, services.GetRequiredService<IOptions<BillRunOptions>>().Value, null, null, services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(BillRunOperations)), ct));
            if (run.Failures.Count > 0)
            {
                throw new InvalidOperationException($"Demo bill run failed: {string.Join("; ", run.Failures.Select(f => f.Detail))}");
            }
        }

        public async Task PaySubscription(Subscription subscription, int period, string method, string reference)
        {
            var invoice = await db.Invoices.AsNoTracking().FirstAsync(i => i.SubscriptionId == subscription.Id && i.SubscriptionPeriod == period, ct);
            await Pay(invoice, null, method, reference);
        }

        public async Task<Customer> Customer(CreateCustomerRequest request) => await Run(CustomerOperations.Create(db, clock, request, ct));

        public async Task<Product> Product(CreateProductRequest request) => await Run(ProductOperations.Create(db, clock, request, ct));

        public async Task<Price> Price(CreatePriceRequest request) => await Run(PriceOperations.Create(db, clock, request, ct));

        public async Task<Domain.Invoicing.Invoice> Issue(CreateInvoiceRequest request)
        {
            var draft = await Run(InvoiceDrafts.Create(db, clock, request, ct));
            return await Run(InvoiceLifecycle.Finalize(db, clock, options, draft.Id, ct));
        }

        public Task Billing(Guid customerId, BillingSettingsRequest settings) => Run(BillingProfileOperations.Replace(db, clock, customerId, settings, ct));

        public Task Send(Domain.Invoicing.Invoice invoice) => Run(InvoiceLifecycle.Send(db, clock, invoice.Id, ct));

        public Task Pay(Domain.Invoicing.Invoice invoice, long? amount, string method, string reference) =>
            Run(RecordPayment.Run(db, clock, invoice.Id, new PayInvoiceRequest(amount ?? invoice.AmountRemaining, method, reference), ct));

        public static async Task<T> Run<T>(Task<Outcome<T>> operation) => Required(await operation);
    }
}
