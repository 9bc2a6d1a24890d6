using Folio.Domain.Catalog;
using Folio.Domain.Invoicing;
using Folio.Domain.Money;
using Folio.Domain.Subscriptions;
using static Folio.Domain.Tests.Subscriptions.Fixture;
using PriceTerms = Folio.Domain.Subscriptions.PriceTerms;

namespace Folio.Domain.Tests.Subscriptions;

public sealed class SubscriptionInvoiceTests
{
    private static readonly DateTimeOffset Anchor = Utc(2027, 1, 31, 9);

    [Fact]
    public void The_invoice_of_a_period_names_the_period_and_bills_each_item_for_it()
    {
        var subscription = Create(Anchor, new SubscriptionTerms(DaysUntilDue: 10), Item(Team), Item(Seats, 12), Item(Pro, 2));

        var invoice = SubscriptionInvoice.For(subscription, 1, Prices);

        Assert.Equal((subscription.Id, 1, "USD"), (invoice.SubscriptionId, invoice.PeriodIndex, invoice.Currency));
        Assert.Equal(
            new InvoiceDraft(null, "Subscription period 2027-02-28 to 2027-03-31", null, 10, Utc(2027, 2, 28, 9), Utc(2027, 3, 31, 9), InvoiceDiscount.None),
            invoice.Header);
        Assert.Equal(
            [
                new SubscriptionInvoiceLine(Team.PriceId, new LineItemSpec("Team plan", 1, 4900, PeriodStart: Utc(2027, 2, 28, 9), PeriodEnd: Utc(2027, 3, 31, 9))),
                new SubscriptionInvoiceLine(Seats.PriceId, new LineItemSpec("Seats (per seat)", 12, 1250, TaxRate: 8.25m, PeriodStart: Utc(2027, 2, 28, 9), PeriodEnd: Utc(2027, 3, 31, 9))),
                new SubscriptionInvoiceLine(Pro.PriceId, new LineItemSpec("Pro plan (monthly)", 2, 9900, TaxRate: 20m, TaxInclusive: true, PeriodStart: Utc(2027, 2, 28, 9), PeriodEnd: Utc(2027, 3, 31, 9))),
            ],
            invoice.Lines);
    }

    [Fact]
    public void A_draft_made_from_it_has_exactly_the_totals_it_estimates()
    {
        var subscription = Create(Anchor, new SubscriptionTerms(), Item(Team), Item(Seats, 7.5m), Item(Pro, 3));
        var estimate = SubscriptionInvoice.For(subscription, 4, Prices);

        var draft = Draft(subscription, estimate);
        var totals = estimate.Calculate();

        Assert.Equal((totals.Subtotal, totals.Tax, totals.Total), (draft.Subtotal, draft.Tax, draft.Total));
        // 49.00 + 93.75 with 8.25% (7.73) + 297.00 with 20% included (49.50)
        Assert.Equal((43975L, 5723L, 44748L), (draft.Subtotal, draft.Tax, draft.Total));
        Assert.Equal(estimate.Items, draft.Items.Select(i => i.Spec));
        Assert.Equal((estimate.PeriodStart, estimate.PeriodEnd, estimate.Header.Description), (draft.PeriodStart, draft.PeriodEnd, draft.Description));
    }

    [Theory]
    [InlineData("JPY", 1980L, "0.3333", 10.0)]
    [InlineData("BHD", 12345L, "2.5", 10.0)]
    [InlineData("USD", 333L, "3", 19.0)]
    public void Totals_are_exact_in_every_currency_exponent(string currency, long unitAmount, string quantity, double taxRate)
    {
        var price = new PriceTerms(Id(700), Id(701), "Plan", null, currency, unitAmount, Recurrence.Monthly, (decimal)taxRate, false, false);
        var inclusive = price with { PriceId = Id(702), ProductName = "Included", TaxInclusive = true };
        var prices = new Dictionary<Guid, PriceTerms> { [price.PriceId] = price, [inclusive.PriceId] = inclusive };
        var subscription = Subscription.Create(
            Id(1), CustomerId, null, new SubscriptionTerms(), [new(price.PriceId, decimal.Parse(quantity, System.Globalization.CultureInfo.InvariantCulture)), new(inclusive.PriceId, 1)], prices, Anchor, Ids()).Subscription!;

        var estimate = SubscriptionInvoice.For(subscription, 0, prices);
        var draft = Draft(subscription, estimate);

        Assert.Equal(currency, draft.Currency);
        Assert.Equal(estimate.Calculate().Total, draft.Total);
        Assert.Equal(draft.Items.Sum(i => i.Total), draft.Total);
    }

    [Fact]
    public void The_same_subscription_and_prices_always_give_the_same_invoice()
    {
        var subscription = Create(Anchor, new SubscriptionTerms(DaysUntilDue: 5), Item(Team), Item(Seats, 3));

        var first = SubscriptionInvoice.For(subscription, 2, Prices);
        var second = SubscriptionInvoice.For(subscription, 2, Prices);

        Assert.Equal(first, second);
        Assert.Equal(first.GetHashCode(), second.GetHashCode());
        Assert.NotEqual(first, SubscriptionInvoice.For(subscription, 3, Prices));
        Assert.NotEqual(first, SubscriptionInvoice.For(subscription, 2, new Dictionary<Guid, PriceTerms>(Prices) { [Seats.PriceId] = Seats with { UnitAmount = 1251 } }));
    }

    [Fact]
    public void A_price_archived_after_it_was_subscribed_to_still_bills()
    {
        var subscription = Create(Anchor, new SubscriptionTerms(), Item(Team));
        var archived = new Dictionary<Guid, PriceTerms> { [Team.PriceId] = Team with { Archived = true } };

        Assert.Equal(4900, SubscriptionInvoice.For(subscription, 3, archived).Calculate().Total);
    }

    [Fact]
    public void A_missing_price_is_the_callers_mistake()
    {
        var subscription = Create(Anchor, new SubscriptionTerms(), Item(Team), Item(Seats));

        Assert.Throws<KeyNotFoundException>(() => SubscriptionInvoice.For(subscription, 0, new Dictionary<Guid, PriceTerms> { [Team.PriceId] = Team }));
    }

    [Fact]
    public void The_draft_of_a_period_bills_that_period_with_each_line_naming_its_price_and_finalizes_like_any_invoice()
    {
        var subscription = Create(Anchor, new SubscriptionTerms(DaysUntilDue: 14), Item(Team), Item(Seats, 3), Item(Pro, 2));
        var period = SubscriptionInvoice.For(subscription, 2, Prices);

        var (draft, violations) = SubscriptionInvoice.Draft(subscription, 2, Prices, Id(900), period.PeriodStart, Ids());

        Assert.Empty(violations);
        var invoice = Assert.IsType<Invoice>(draft);
        Assert.Equal((subscription.Id, 2, InvoiceStatus.Draft), (invoice.SubscriptionId, invoice.SubscriptionPeriod, invoice.Status));
        Assert.Equal([Team.PriceId, Seats.PriceId, Pro.PriceId], invoice.Items.Select(i => i.PriceId));
        Assert.Equal(period.Items, invoice.Items.Select(i => i.Spec with { PriceId = null }));
        Assert.Equal(period.Calculate().Total, invoice.Total);

        // Finalized in memory with part of the total as credit, as the estimate does.
        Assert.Null(invoice.FinalizeInvoice("estimate", period.PeriodStart, 100_00, 30, BillingContact.None, null));
        Assert.Equal((100_00L, invoice.Total - 100_00, period.PeriodStart.AddDays(14)), (invoice.CreditApplied, invoice.AmountRemaining, invoice.DueAt));
    }

    private static Invoice Draft(Subscription subscription, SubscriptionInvoice estimate)
    {
        var (draft, violations) = Invoice.CreateDraft(
            Id(800), subscription.CustomerId, subscription.OrganizationId, Currency.Get(estimate.Currency), estimate.Header, estimate.Items, estimate.PeriodStart, Ids());
        Assert.Empty(violations);
        return Assert.IsType<Invoice>(draft);
    }
}
