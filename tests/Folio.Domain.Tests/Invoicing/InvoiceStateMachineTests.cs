using Folio.Domain.Invoicing;
using Folio.Domain.Money;

namespace Folio.Domain.Tests.Invoicing;

public sealed class InvoiceStateMachineTests
{
    private const int DefaultDays = 30;
    private static readonly DateTimeOffset Now = new(2026, 3, 5, 9, 30, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Later = Now.AddHours(2);

    [Fact]
    public void A_new_draft_has_computed_totals_and_no_number()
    {
        var invoice = Draft();

        Assert.Equal(InvoiceStatus.Draft, invoice.Status);
        Assert.Null(invoice.Number);
        Assert.Null(invoice.IssuedAt);
        Assert.Equal("USD", invoice.Currency);
        Assert.Equal(1000, invoice.Subtotal);
        Assert.Equal(200, invoice.Tax);
        Assert.Equal(1200, invoice.Total);
        Assert.Equal(1200, invoice.AmountRemaining);
        Assert.Equal(0, invoice.Version);
        Assert.Equal(Now, invoice.CreatedAt);
        AssertBalanced(invoice);
    }

    [Fact]
    public void Finalizing_opens_the_invoice_with_its_number_and_dates()
    {
        var invoice = Draft();

        Assert.Null(invoice.FinalizeInvoice("2026-0001", Later, 0, DefaultDays, BillingContact.None, null));

        Assert.Equal(InvoiceStatus.Open, invoice.Status);
        Assert.Equal("2026-0001", invoice.Number);
        Assert.Equal(Later, invoice.IssuedAt);
        Assert.Equal(Later.AddDays(DefaultDays), invoice.DueAt);
        Assert.Equal(1200, invoice.AmountRemaining);
        Assert.Equal(0, invoice.CreditApplied);
        Assert.Equal(Later, invoice.UpdatedAt);
        Assert.Equal(1, invoice.Version);
        AssertBalanced(invoice);
    }

    [Fact]
    public void The_drafts_days_until_due_override_the_default()
    {
        var invoice = Draft(Header(daysUntilDue: 14));

        invoice.FinalizeInvoice("2026-0001", Now, 0, DefaultDays, BillingContact.None, null);

        Assert.Equal(Now.AddDays(14), invoice.DueAt);
    }

    [Fact]
    public void The_drafts_due_date_is_kept()
    {
        var dueAt = new DateTimeOffset(2026, 4, 1, 0, 0, 0, TimeSpan.Zero);
        var invoice = Draft(Header(dueAt: dueAt));

        invoice.FinalizeInvoice("2026-0001", Now, 0, DefaultDays, BillingContact.None, null);

        Assert.Equal(dueAt, invoice.DueAt);
    }

    [Fact]
    public void Finalizing_twice_is_a_conflict_that_keeps_the_first_number()
    {
        var invoice = Open();

        var violation = invoice.FinalizeInvoice("2026-0002", Later, 0, DefaultDays, BillingContact.None, null);

        AssertViolation(violation, ViolationKind.Conflict, "invoice_not_draft");
        Assert.Equal("2026-0001", invoice.Number);
        Assert.Equal(Now, invoice.IssuedAt);
        Assert.Equal(1, invoice.Version);
    }

    [Fact]
    public void A_draft_without_items_cannot_be_finalized()
    {
        var invoice = Draft(Header(), []);

        var violation = invoice.FinalizeInvoice("2026-0001", Now, 0, DefaultDays, BillingContact.None, null);

        AssertViolation(violation, ViolationKind.Unprocessable, "invoice_has_no_items", "items");
        Assert.Equal(InvoiceStatus.Draft, invoice.Status);
        Assert.Null(invoice.Number);
        Assert.Equal(0, invoice.Version);
    }

    [Fact]
    public void Available_credit_pays_part_of_the_invoice_at_finalization()
    {
        var invoice = Open(availableCredit: 500);

        Assert.Equal(InvoiceStatus.Open, invoice.Status);
        Assert.Equal(500, invoice.CreditApplied);
        Assert.Equal(700, invoice.AmountRemaining);
        Assert.Equal(500, invoice.StartingBalance);
        Assert.Equal(0, invoice.EndingBalance);
        Assert.Null(invoice.PaidAt);
        AssertBalanced(invoice);
    }

    [Fact]
    public void Credit_covering_the_whole_invoice_pays_it_at_once()
    {
        var invoice = Open(availableCredit: 5000);

        Assert.Equal(InvoiceStatus.Paid, invoice.Status);
        Assert.Equal(Now, invoice.PaidAt);
        Assert.Equal(1200, invoice.CreditApplied);
        Assert.Equal(0, invoice.AmountRemaining);
        Assert.Equal(5000, invoice.StartingBalance);
        Assert.Equal(3800, invoice.EndingBalance);
        AssertBalanced(invoice);
    }

    [Fact]
    public void An_invoice_for_nothing_is_paid_when_finalized()
    {
        var invoice = Draft(Header(), [new LineItemSpec("Free trial", 1, 0)]);

        invoice.FinalizeInvoice("2026-0001", Now, 0, DefaultDays, BillingContact.None, null);

        Assert.Equal(InvoiceStatus.Paid, invoice.Status);
        Assert.Equal(0, invoice.CreditApplied);
        Assert.Equal(Now, invoice.PaidAt);
    }

    [Fact]
    public void A_partial_payment_then_the_rest_pays_the_invoice()
    {
        var invoice = Open();

        var (first, firstViolation) = invoice.RecordPayment(200, false, Now.AddDays(1));
        Assert.Null(firstViolation);
        Assert.Equal(new PaymentApplication(200, 0), first);
        Assert.Equal(InvoiceStatus.Open, invoice.Status);
        Assert.Equal(200, invoice.AmountPaid);
        Assert.Equal(1000, invoice.AmountRemaining);
        Assert.Null(invoice.PaidAt);
        AssertBalanced(invoice);

        var (rest, restViolation) = invoice.RecordPayment(1000, false, Now.AddDays(2));
        Assert.Null(restViolation);
        Assert.Equal(new PaymentApplication(1000, 0), rest);
        Assert.Equal(InvoiceStatus.Paid, invoice.Status);
        Assert.Equal(Now.AddDays(2), invoice.PaidAt);
        Assert.Equal(1200, invoice.AmountPaid);
        Assert.Equal(0, invoice.AmountRemaining);
        AssertBalanced(invoice);
    }

    [Fact]
    public void A_payment_above_what_remains_is_refused_and_changes_nothing()
    {
        var invoice = Open();
        invoice.RecordPayment(200, false, Now);
        var version = invoice.Version;

        var (application, violation) = invoice.RecordPayment(1001, false, Later);

        Assert.Null(application);
        AssertViolation(violation, ViolationKind.Unprocessable, "payment_exceeds_remaining", "amount");
        Assert.Contains("10.01 USD", violation!.Detail, StringComparison.Ordinal);
        Assert.Contains("10 USD", violation.Detail, StringComparison.Ordinal);
        Assert.Equal(200, invoice.AmountPaid);
        Assert.Equal(1000, invoice.AmountRemaining);
        Assert.Equal(InvoiceStatus.Open, invoice.Status);
        Assert.Equal(version, invoice.Version);
        AssertBalanced(invoice);
    }

    [Fact]
    public void With_credit_excess_an_overpayment_is_split_between_invoice_and_balance()
    {
        var invoice = Open(availableCredit: 500);

        var (application, violation) = invoice.RecordPayment(1000, true, Later);

        Assert.Null(violation);
        Assert.Equal(new PaymentApplication(700, 300), application);
        Assert.Equal(700, invoice.AmountPaid);
        Assert.Equal(InvoiceStatus.Paid, invoice.Status);
        AssertBalanced(invoice);
    }

    [Fact]
    public void With_credit_excess_a_payment_below_what_remains_has_no_excess()
    {
        var invoice = Open();

        var (application, _) = invoice.RecordPayment(100, true, Later);

        Assert.Equal(new PaymentApplication(100, 0), application);
        Assert.Equal(InvoiceStatus.Open, invoice.Status);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(long.MinValue)]
    public void A_payment_must_be_positive(long amount)
    {
        var invoice = Open();

        var (application, violation) = invoice.RecordPayment(amount, true, Later);

        Assert.Null(application);
        AssertViolation(violation, ViolationKind.InvalidInput, "invalid_amount", "amount");
        Assert.Equal(0, invoice.AmountPaid);
        Assert.Equal(1, invoice.Version);
    }

    [Fact]
    public void Drafts_void_and_paid_invoices_take_no_payment()
    {
        var draft = Draft();
        var voided = Open();
        voided.Void(Now);
        var paid = Open();
        paid.RecordPayment(1200, false, Now);

        foreach (var invoice in new[] { draft, voided, paid })
        {
            var amountPaid = invoice.AmountPaid;
            var (application, violation) = invoice.RecordPayment(100, true, Later);

            Assert.Null(application);
            AssertViolation(violation, ViolationKind.Conflict, "invoice_not_payable");
            Assert.Equal(amountPaid, invoice.AmountPaid);
        }
    }

    [Fact]
    public void An_open_invoice_without_payments_can_be_voided()
    {
        var invoice = Open(availableCredit: 500);

        Assert.Null(invoice.Void(Later));

        Assert.Equal(InvoiceStatus.Void, invoice.Status);
        Assert.Equal(Later, invoice.VoidedAt);
        Assert.Equal(500, invoice.CreditApplied); // the caller returns it to the balance
        Assert.Equal(2, invoice.Version);
    }

    [Fact]
    public void An_invoice_with_payments_cannot_be_voided()
    {
        var invoice = Open();
        invoice.RecordPayment(1, false, Now);

        AssertViolation(invoice.Void(Later), ViolationKind.Conflict, "invoice_has_payments");
        Assert.Equal(InvoiceStatus.Open, invoice.Status);
        Assert.Null(invoice.VoidedAt);
    }

    [Fact]
    public void Drafts_paid_and_void_invoices_cannot_be_voided()
    {
        var draft = Draft();
        var paidByCredit = Open(availableCredit: 1200);
        var voided = Open();
        voided.Void(Now);

        foreach (var invoice in new[] { draft, paidByCredit, voided })
        {
            var status = invoice.Status;
            AssertViolation(invoice.Void(Later), ViolationKind.Conflict, "invoice_not_voidable");
            Assert.Equal(status, invoice.Status);
        }
    }

    [Fact]
    public void Only_open_invoices_can_be_marked_uncollectible()
    {
        var invoice = Open();

        Assert.Null(invoice.MarkUncollectible(Later));
        Assert.Equal(InvoiceStatus.Uncollectible, invoice.Status);
        Assert.Equal(Later, invoice.MarkedUncollectibleAt);

        var paid = Open(availableCredit: 1200);
        var voided = Open();
        voided.Void(Now);
        foreach (var refused in new[] { Draft(), paid, voided, invoice })
        {
            var status = refused.Status;
            AssertViolation(refused.MarkUncollectible(Later), ViolationKind.Conflict, "invoice_not_open");
            Assert.Equal(status, refused.Status);
        }
    }

    [Fact]
    public void An_uncollectible_invoice_can_still_be_paid()
    {
        var invoice = Open();
        invoice.MarkUncollectible(Now);

        var (application, violation) = invoice.RecordPayment(1200, false, Later);

        Assert.Null(violation);
        Assert.Equal(new PaymentApplication(1200, 0), application);
        Assert.Equal(InvoiceStatus.Paid, invoice.Status);
        Assert.Equal(Later, invoice.PaidAt);
        AssertBalanced(invoice);
    }

    [Fact]
    public void An_uncollectible_invoice_can_be_voided()
    {
        var invoice = Open();
        invoice.MarkUncollectible(Now);

        Assert.Null(invoice.Void(Later));
        Assert.Equal(InvoiceStatus.Void, invoice.Status);
    }

    [Fact]
    public void Sending_records_when_the_invoice_was_sent()
    {
        var invoice = Open();

        Assert.Null(invoice.Send(Later));

        Assert.Equal(Later, invoice.SentAt);
        Assert.Equal(2, invoice.Version);
    }

    [Fact]
    public void Paid_and_uncollectible_invoices_can_be_sent()
    {
        var paid = Open(availableCredit: 1200);
        var uncollectible = Open();
        uncollectible.MarkUncollectible(Now);

        Assert.Null(paid.Send(Later));
        Assert.Null(uncollectible.Send(Later));
        Assert.Equal(Later, paid.SentAt);
        Assert.Equal(Later, uncollectible.SentAt);
    }

    [Fact]
    public void Drafts_and_void_invoices_are_not_sent()
    {
        var voided = Open();
        voided.Void(Now);

        foreach (var invoice in new[] { Draft(), voided })
        {
            AssertViolation(invoice.Send(Later), ViolationKind.Conflict, "invoice_not_sendable");
            Assert.Null(invoice.SentAt);
        }
    }

    [Fact]
    public void A_muted_invoice_is_never_sent()
    {
        var invoice = Open();
        invoice.SetMuted(true, Now);

        AssertViolation(invoice.Send(Later), ViolationKind.Conflict, "invoice_muted");
        Assert.Null(invoice.SentAt);

        invoice.SetMuted(false, Later);
        Assert.Null(invoice.Send(Later));
        Assert.Equal(Later, invoice.SentAt);
    }

    [Fact]
    public void Muting_counts_as_a_change_only_when_it_changes_something()
    {
        var invoice = Open();

        invoice.SetMuted(false, Later);
        Assert.Equal(1, invoice.Version);

        invoice.SetMuted(true, Later);
        Assert.True(invoice.Muted);
        Assert.Equal(2, invoice.Version);
    }

    [Fact]
    public void A_draft_can_be_edited()
    {
        var invoice = Draft();
        var ids = Ids();

        Assert.Empty(invoice.UpdateDraft(Header(discount: new InvoiceDiscount(100, null)), [Line(2, 1000), Line(1, 500)], Later, ids));
        Assert.Equal(2400, invoice.Total); // 2500 − 100, tax free
        Assert.Equal([0, 1], invoice.Items.Select(i => i.Position));
        Assert.Equal(1, invoice.Version);

        var (added, violations) = invoice.AddItem(Line(1, 100, tax: 10), Later, Guid.NewGuid());
        Assert.Empty(violations);
        Assert.NotNull(added);
        Assert.Equal(2, added.Position);
        Assert.Equal(2, invoice.Version);

        var (found, violation) = invoice.RemoveItem(invoice.Items[0].Id, Later);
        Assert.True(found);
        Assert.Null(violation);
        Assert.Equal([0, 1], invoice.Items.Select(i => i.Position));
        Assert.Equal([500, 100], invoice.Items.Select(i => i.Amount));
        Assert.Equal(3, invoice.Version);
        Assert.Equal(invoice.Items.Sum(i => i.Total), invoice.Total);
        AssertBalanced(invoice);
    }

    [Fact]
    public void Removing_an_unknown_item_reports_not_found_and_changes_nothing()
    {
        var invoice = Draft();

        var (found, violation) = invoice.RemoveItem(Guid.NewGuid(), Later);

        Assert.False(found);
        Assert.Null(violation);
        Assert.Single(invoice.Items);
        Assert.Equal(0, invoice.Version);
    }

    [Fact]
    public void A_finalized_invoice_cannot_be_edited()
    {
        var invoice = Open();
        var itemId = invoice.Items[0].Id;

        AssertViolations(invoice.UpdateDraft(Header(), [Line(5, 5)], Later, Ids()), ViolationKind.Conflict, "invoice_not_draft");
        AssertViolations(invoice.AddItem(Line(5, 5), Later, Guid.NewGuid()).Violations, ViolationKind.Conflict, "invoice_not_draft");
        AssertViolation(invoice.RemoveItem(itemId, Later).Violation, ViolationKind.Conflict, "invoice_not_draft");
        AssertViolation(invoice.CanDelete(), ViolationKind.Conflict, "invoice_not_draft");

        Assert.Equal(itemId, Assert.Single(invoice.Items).Id);
        Assert.Equal(1200, invoice.Total);
        Assert.Equal(1, invoice.Version);
    }

    [Fact]
    public void An_invalid_update_changes_nothing()
    {
        var invoice = Draft();
        var bothDueDates = Header(daysUntilDue: 10, dueAt: Later);

        var violations = invoice.UpdateDraft(bothDueDates, [Line(0, 100)], Later, Ids());

        Assert.Contains(violations, v => v.Field == "days_until_due" && v.Code == "ambiguous_due_date");
        Assert.Contains(violations, v => v.Field == "items[0].quantity");
        Assert.Null(invoice.DaysUntilDue);
        Assert.Equal(1200, invoice.Total);
        Assert.Equal(0, invoice.Version);
    }

    [Fact]
    public void Amounts_too_large_to_represent_are_refused_and_the_draft_is_kept()
    {
        var huge = Line(1_000_000, 1_000_000_000_000);
        var (none, violations) = Invoice.CreateDraft(Guid.NewGuid(), Guid.NewGuid(), null, Currency.USD, Header(), [.. Enumerable.Repeat(huge, 10)], Now, Ids());
        Assert.Null(none);
        AssertViolations(violations, ViolationKind.Unprocessable, "amount_too_large");

        var invoice = Draft(Header(), [.. Enumerable.Repeat(huge, 9)]);
        var total = invoice.Total;
        AssertViolations(invoice.AddItem(huge, Later, Guid.NewGuid()).Violations, ViolationKind.Unprocessable, "amount_too_large");
        AssertViolations(invoice.UpdateDraft(Header(), [.. Enumerable.Repeat(huge, 10)], Later, Ids()), ViolationKind.Unprocessable, "amount_too_large");
        Assert.Equal(9, invoice.Items.Count);
        Assert.Equal(total, invoice.Total);
        Assert.Equal(0, invoice.Version);
        AssertBalanced(invoice);
    }

    [Fact]
    public void A_draft_holds_at_most_250_items()
    {
        var invoice = Draft(Header(), [.. Enumerable.Repeat(Line(1, 1), Invoice.MaxItems)]);

        var (item, violations) = invoice.AddItem(Line(1, 1), Later, Guid.NewGuid());

        Assert.Null(item);
        AssertViolations(violations, ViolationKind.Unprocessable, "too_many_items");
        Assert.Equal(Invoice.MaxItems, invoice.Items.Count);
    }

    [Fact]
    public void An_open_invoice_is_past_due_only_after_its_due_date()
    {
        var invoice = Open();
        var dueAt = invoice.DueAt!.Value;

        Assert.False(invoice.IsPastDue(dueAt.AddTicks(-1)));
        Assert.False(invoice.IsPastDue(dueAt));
        Assert.True(invoice.IsPastDue(dueAt.AddTicks(1)));
    }

    [Fact]
    public void Only_open_invoices_are_past_due()
    {
        var draft = Draft(Header(dueAt: Now));
        var paid = Open(availableCredit: 1200);
        var voided = Open();
        voided.Void(Now);
        var uncollectible = Open();
        uncollectible.MarkUncollectible(Now);
        var farFuture = Now.AddYears(1);

        Assert.All(new[] { draft, paid, voided, uncollectible }, invoice =>
        {
            Assert.False(invoice.IsPastDue(farFuture));
            Assert.Equal(0, invoice.DaysOverdue(farFuture));
        });
    }

    [Fact]
    public void Days_overdue_counts_whole_days_after_the_due_date()
    {
        var invoice = Open();
        var dueAt = invoice.DueAt!.Value;

        Assert.Equal(0, invoice.DaysOverdue(dueAt.AddDays(-5)));
        Assert.Equal(0, invoice.DaysOverdue(dueAt.AddHours(23)));
        Assert.Equal(1, invoice.DaysOverdue(dueAt.AddDays(1)));
        Assert.Equal(1, invoice.DaysOverdue(dueAt.AddDays(2).AddTicks(-1)));
        Assert.Equal(45, invoice.DaysOverdue(dueAt.AddDays(45).AddHours(6)));
    }

    [Fact]
    public void Every_change_bumps_the_version_and_keeps_the_books_balanced()
    {
        var invoice = Draft();
        var versions = new List<int> { invoice.Version };
        void Step(object? violation)
        {
            Assert.Null(violation);
            AssertBalanced(invoice);
            versions.Add(invoice.Version);
        }

        Step(First(invoice.AddItem(Line(3, 100, tax: 10, inclusive: true), Later, Guid.NewGuid()).Violations));
        Step(First(invoice.UpdateDraft(Header(discount: new InvoiceDiscount(null, 10m)), null, Later, Ids())));
        Step(invoice.FinalizeInvoice("2026-0001", Later, 250, DefaultDays, BillingContact.None, null));
        Step(invoice.Send(Later));
        Step(invoice.RecordPayment(100, false, Later).Violation);
        Step(invoice.MarkUncollectible(Later));
        Step(invoice.RecordPayment(invoice.AmountRemaining + 50, true, Later).Violation);

        Assert.Equal(Enumerable.Range(0, 8), versions);
        Assert.Equal(InvoiceStatus.Paid, invoice.Status);
        Assert.Equal(invoice.Total, invoice.CreditApplied + invoice.AmountPaid);
    }

    private static Invoice Draft() => Draft(Header(), [Line(1, 1000, tax: 20)]);

    private static Invoice Draft(InvoiceDraft header) => Draft(header, [Line(1, 1000, tax: 20)]);

    private static Invoice Draft(InvoiceDraft header, LineItemSpec[] items)
    {
        var (invoice, violations) = Invoice.CreateDraft(Guid.NewGuid(), Guid.NewGuid(), null, Currency.USD, header, items, Now, Ids());
        Assert.Empty(violations);
        return invoice!;
    }

    /// <summary>An open invoice for 1000 plus 20% tax (1200), issued <see cref="Now"/> as 2026-0001.</summary>
    private static Invoice Open(long availableCredit = 0)
    {
        var invoice = Draft();
        Assert.Null(invoice.FinalizeInvoice("2026-0001", Now, availableCredit, DefaultDays, BillingContact.None, null));
        return invoice;
    }

    private static InvoiceDraft Header(int? daysUntilDue = null, DateTimeOffset? dueAt = null, InvoiceDiscount? discount = null) =>
        new(null, null, dueAt, daysUntilDue, null, null, discount ?? InvoiceDiscount.None);

    private static LineItemSpec Line(decimal quantity, long unitAmount, decimal tax = 0, bool inclusive = false) =>
        new("Consulting", quantity, unitAmount, TaxRate: tax, TaxInclusive: inclusive);

    private static Func<Guid> Ids() => Guid.NewGuid;

    private static RuleViolation? First(IReadOnlyList<RuleViolation> violations) => violations.Count == 0 ? null : violations[0];

    private static void AssertBalanced(Invoice invoice) =>
        Assert.Equal(invoice.Total - invoice.CreditApplied - invoice.AmountPaid, invoice.AmountRemaining);

    private static void AssertViolation(RuleViolation? violation, ViolationKind kind, string code, string? field = null)
    {
        Assert.NotNull(violation);
        Assert.Equal(kind, violation.Kind);
        Assert.Equal(code, violation.Code);
        if (field is not null)
        {
            Assert.Equal(field, violation.Field);
        }
    }

    private static void AssertViolations(IReadOnlyList<RuleViolation> violations, ViolationKind kind, string code) =>
        AssertViolation(Assert.Single(violations), kind, code);
}
