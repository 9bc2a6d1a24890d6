namespace Folio.Domain.Invoicing;

/// <summary>The editable header of a draft invoice.</summary>
public sealed record InvoiceDraft(
    string? Reference,
    string? Description,
    DateTimeOffset? DueAt,
    int? DaysUntilDue,
    DateTimeOffset? PeriodStart,
    DateTimeOffset? PeriodEnd,
    InvoiceDiscount Discount)
{
    public const int MaxDaysUntilDue = 3650;

    public IEnumerable<RuleViolation> Validate()
    {
        if (Reference is { Length: > 100 })
        {
            yield return RuleViolation.Invalid("reference", "invalid_reference", "reference is at most 100 characters.");
        }

        if (Description is { Length: > 2000 })
        {
            yield return RuleViolation.Invalid("description", "invalid_description", "description is at most 2000 characters.");
        }

        if (DueAt is not null && DaysUntilDue is not null)
        {
            yield return RuleViolation.Invalid("days_until_due", "ambiguous_due_date", "Give due_at or days_until_due, not both.");
        }

        if (DaysUntilDue is < 0 or > MaxDaysUntilDue)
        {
            yield return RuleViolation.Invalid("days_until_due", "invalid_days_until_due", $"days_until_due is from 0 to {MaxDaysUntilDue}.");
        }

        if (PeriodStart is not null && PeriodEnd is not null && PeriodEnd < PeriodStart)
        {
            yield return RuleViolation.Invalid("period_end", "invalid_period", "period_end cannot be before period_start.");
        }

        foreach (var violation in (Discount ?? InvoiceDiscount.None).Validate())
        {
            yield return violation;
        }
    }
}
