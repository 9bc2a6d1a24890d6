using Folio.Domain;

namespace Folio.Api;

/// <summary>What an operation ends with: a value, a missing object, or the rules it broke. Mapped to HTTP once, in <see cref="Problems"/>.</summary>
public readonly struct Outcome<T>
{
    private Outcome(T? value, string? notFound, IReadOnlyList<RuleViolation> violations)
    {
        Value = value;
        NotFoundCode = notFound;
        Violations = violations;
    }

    public T? Value { get; }

    /// <summary>Set when the object does not exist for this caller: "invoice_not_found".</summary>
    public string? NotFoundCode { get; }

    public IReadOnlyList<RuleViolation> Violations { get; }

    public bool Succeeded => NotFoundCode is null && Violations.Count == 0;

    public static Outcome<T> Ok(T value) => new(value, null, []);

    public static Outcome<T> NotFound(string code) => new(default, code, []);

    public static Outcome<T> Rejected(IReadOnlyList<RuleViolation> violations) => new(default, null, violations);

    public static Outcome<T> Rejected(RuleViolation violation) => new(default, null, [violation]);

    public static implicit operator Outcome<T>(T value) => Ok(value);

    public static implicit operator Outcome<T>(RuleViolation violation) => Rejected(violation);

    public Outcome<TOther> Map<TOther>(Func<T, TOther> map)
    {
        ArgumentNullException.ThrowIfNull(map);
        return Succeeded ? Outcome<TOther>.Ok(map(Value!)) : Outcome<TOther>.Failure(NotFoundCode, Violations);
    }

    internal static Outcome<T> Failure(string? notFound, IReadOnlyList<RuleViolation> violations) => new(default, notFound, violations);
}
