using Folio.Domain;
using Folio.Domain.Invoicing;

namespace Folio.Invoices.Issuing;

/// <summary>
/// A draft for <see cref="InvoiceIssuing.Issue"/>. <see cref="IsNew"/> says how it reaches the books: a new invoice
/// (the bill run's) is inserted by issuing itself, in bulk with its lines; a stored draft is one the caller read and
/// tracks (<see cref="InvoiceChanges.LoadLocked"/>), written by the caller's SaveChanges.
/// </summary>
/// <param name="Accept">
/// The caller's last word on the draft once it is finalized, before it takes its number: a refusal leaves it out like
/// any other, its number going to the next draft. The bill run moves its subscription past the period here.
/// </param>
public sealed record DraftToIssue(Invoice Invoice, bool IsNew, Func<Invoice, RuleViolation?>? Accept)
{
    /// <summary>A new invoice, not in the books yet: an archived customer is refused it.</summary>
    public static DraftToIssue New(Invoice invoice, Func<Invoice, RuleViolation?>? accept = null) => new(invoice, true, accept);

    /// <summary>A draft already in the books, tracked by the caller's context.</summary>
    public static DraftToIssue Stored(Invoice invoice) => new(invoice, false, null);
}

/// <summary>What issuing a set of drafts did: the invoices issued, in the order given, and the drafts refused with why.</summary>
public sealed record IssuedInvoices(IReadOnlyList<Invoice> Issued, IReadOnlyList<RefusedDraft> Refused);

public sealed record RefusedDraft(DraftToIssue Draft, RuleViolation Violation);
