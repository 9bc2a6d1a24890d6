using Folio.Domain.Customers;
using Folio.Domain.Invoicing;
using Folio.Domain.Money;

namespace Folio.Domain.Tests.Invoicing;

/// <summary>What finalization fixes on an invoice besides its number: the exchange rate to USD and the contact it is addressed to.</summary>
public sealed class InvoiceIssueFactsTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 5, 9, 30, 0, TimeSpan.Zero);

    private static readonly BillingContact Contact = new()
    {
        Name = "Acme Robotics",
        Email = "billing@acme.example",
        Address = new Address("42 West St", null, "Brooklyn", "NY", "11222", "US"),
    };

    [Fact]
    public void A_non_dollar_invoice_without_a_rate_is_refused_and_stays_a_draft()
    {
        var invoice = Draft("EUR");

        var violation = invoice.FinalizeInvoice("2026-0001", Now, 0, 30, Contact, null);

        Assert.Equal(("missing_exchange_rate", ViolationKind.Unprocessable, "currency"), (violation!.Code, violation.Kind, violation.Field));
        Assert.Equal(InvoiceStatus.Draft, invoice.Status);
        Assert.Null(invoice.Number);
        Assert.Null(invoice.UsdPerUnit);
        Assert.Equal(BillingContact.None, invoice.BillTo);
    }

    [Fact]
    public void A_rate_for_another_currency_is_refused()
    {
        var (yen, _) = ExchangeRate.Create("JPY", 0.0067m, Now);

        Assert.Equal("missing_exchange_rate", Draft("EUR").FinalizeInvoice("2026-0001", Now, 0, 30, Contact, yen)?.Code);
    }

    [Fact]
    public void Finalizing_fixes_the_rate_and_the_contact()
    {
        var (euro, _) = ExchangeRate.Create("EUR", 1.0842m, Now);
        var invoice = Draft("EUR");

        Assert.Null(invoice.FinalizeInvoice("2026-0001", Now, 0, 30, Contact, euro));
        euro!.Change(2m, Now.AddDays(1));

        Assert.Equal(1.0842m, invoice.UsdPerUnit);
        Assert.Equal(Contact, invoice.BillTo);
        // 100.00 EUR + 20% = 120.00 EUR at 1.0842 = 130.104 USD.
        Assert.Equal(13_010, invoice.ToUsdCents(invoice.Total));
    }

    [Fact]
    public void A_dollar_invoice_needs_no_rate_and_a_draft_has_no_dollar_value()
    {
        var invoice = Draft("USD");
        Assert.Null(invoice.ToUsdCents(invoice.Total));

        Assert.Null(invoice.FinalizeInvoice("2026-0001", Now, 0, 30, Contact, null));

        Assert.Equal(1m, invoice.UsdPerUnit);
        Assert.Equal(12_000, invoice.ToUsdCents(invoice.Total));
    }

    private static Invoice Draft(string currency)
    {
        var (invoice, violations) = Invoice.CreateDraft(
            Guid.NewGuid(), Guid.NewGuid(), null, Currency.Get(currency), new InvoiceDraft(null, null, null, null, null, null, InvoiceDiscount.None),
            [new LineItemSpec("Consulting", 1, 10_000, TaxRate: 20)], Now, Guid.NewGuid);
        Assert.Empty(violations);
        return invoice!;
    }
}
