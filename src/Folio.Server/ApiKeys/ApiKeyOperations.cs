using Folio.Api;
using Folio.Data;
using Folio.Domain;
using Folio.Domain.Customers;
using Microsoft.EntityFrameworkCore;

namespace Folio.ApiKeys;

public sealed record CreateApiKeyRequest(ApiKeyScope Scope, string? Name = null, Guid? OrganizationId = null);

/// <summary>A key as listed: never its secret.</summary>
public sealed record ApiKeyResponse(Guid Id, string Name, ApiKeyScope Scope, Guid? OrganizationId, string Prefix, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt)
{
    public static ApiKeyResponse From(ApiKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return new(key.Id, key.Name, key.Scope, key.OrganizationId, key.Prefix, key.CreatedAt, key.RevokedAt);
    }
}

/// <summary>A key just created: the only time its secret is shown.</summary>
public sealed record CreatedApiKeyResponse(Guid Id, string Name, ApiKeyScope Scope, Guid? OrganizationId, string Prefix, DateTimeOffset CreatedAt, string Secret);

public static class ApiKeyOperations
{
    public static Task<Outcome<(ApiKey Key, string Secret)>> Create(FolioDb db, TimeProvider clock, CreateApiKeyRequest request, CancellationToken cancellationToken) =>
        db.InTransaction<(ApiKey, string)>(async () =>
        {
            var name = string.IsNullOrWhiteSpace(request.Name) ? $"{SnakeCase.From(request.Scope.ToString())} key" : request.Name.Trim();
            if (name.Length > 100)
            {
                return RuleViolation.Invalid("name", "invalid_name", "name is at most 100 characters.");
            }

            if (request.Scope == ApiKeyScope.Admin && request.OrganizationId is not null)
            {
                return RuleViolation.Invalid("organization_id", "invalid_organization", "An admin key sees every organization; organization_id is only for organization keys.");
            }

            if (request.Scope == ApiKeyScope.Organization)
            {
                if (request.OrganizationId is not { } organizationId)
                {
                    return RuleViolation.Invalid("organization_id", "organization_required", "An organization key needs organization_id.");
                }

                var organization = await db.Customers.AsNoTracking().FirstOrDefaultAsync(c => c.Id == organizationId, cancellationToken);
                if (organization is not { Kind: CustomerKind.Organization })
                {
                    return RuleViolation.Unprocessable("organization_not_found", "No organization has that id.", "organization_id");
                }
            }

            var (secret, prefix, hash) = ApiKeySecret.Generate();
            var key = new ApiKey
            {
                Id = clock.NewId(),
                Name = name,
                Scope = request.Scope,
                OrganizationId = request.OrganizationId,
                Prefix = prefix,
                SecretHash = hash,
                CreatedAt = clock.GetUtcNow(),
            };
            db.ApiKeys.Add(key);
            return (key, secret);
        }, cancellationToken);

    public static Task<Outcome<ApiKey>> Revoke(FolioDb db, TimeProvider clock, Guid id, CancellationToken cancellationToken) =>
        db.InTransaction<ApiKey>(async () =>
        {
            var key = await db.ApiKeys.FirstOrDefaultAsync(k => k.Id == id, cancellationToken);
            if (key is null)
            {
                return Outcome<ApiKey>.NotFound("api_key_not_found");
            }

            key.RevokedAt ??= clock.GetUtcNow();
            return key;
        }, cancellationToken);
}
