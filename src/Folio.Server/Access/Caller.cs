using System.Reflection;
using Folio.ApiKeys;

namespace Folio.Access;

/// <summary>
/// Who is calling, resolved once per request from the API key. Handlers take it as a parameter; every query starts from it.
/// </summary>
public sealed record Caller(Guid KeyId, ApiKeyScope Scope, Guid? OrganizationId)
{
    public bool IsAdmin => Scope == ApiKeyScope.Admin;

    /// <summary>The key's name, for the audit trail.</summary>
    public string KeyName { get; init; } = string.Empty;

    public static ValueTask<Caller?> BindAsync(HttpContext context, ParameterInfo parameter)
    {
        ArgumentNullException.ThrowIfNull(context);
        return ValueTask.FromResult(context.Features.Get<Caller>());
    }
}
