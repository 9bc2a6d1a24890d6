using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Folio.Audit;

/// <summary>
/// Properties that hold a secret (a key's hash, a signing secret), marked once in their mapping: the audit trail leaves
/// them out, whatever the change.
/// </summary>
public static class Secrets
{
    private const string Annotation = "Folio:Secret";

    public static PropertyBuilder<T> IsSecret<T>(this PropertyBuilder<T> property)
    {
        ArgumentNullException.ThrowIfNull(property);
        return property.HasAnnotation(Annotation, true);
    }

    public static bool IsSecret(this IReadOnlyPropertyBase property)
    {
        ArgumentNullException.ThrowIfNull(property);
        return property.FindAnnotation(Annotation)?.Value is true;
    }
}
