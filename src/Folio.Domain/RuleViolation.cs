namespace Folio.Domain;

/// <summary>Why a change was refused. The caller maps <see cref="Kind"/> to a status once, in one place.</summary>
public sealed record RuleViolation(ViolationKind Kind, string Code, string Detail, string? Field = null)
{
    public static RuleViolation Invalid(string field, string code, string detail) => new(ViolationKind.InvalidInput, code, detail, field);

    public static RuleViolation Unprocessable(string code, string detail, string? field = null) => new(ViolationKind.Unprocessable, code, detail, field);

    public static RuleViolation Conflict(string code, string detail) => new(ViolationKind.Conflict, code, detail);
}

public enum ViolationKind
{
    /// <summary>A field is malformed or out of range.</summary>
    InvalidInput,

    /// <summary>Well-formed input that the books cannot accept (a payment above what is owed).</summary>
    Unprocessable,

    /// <summary>The object is not in a state that allows the change (voiding a paid invoice).</summary>
    Conflict,

    /// <summary>The caller's copy of the object is out of date (its version no longer matches).</summary>
    Stale,
}
