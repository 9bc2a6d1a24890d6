using System.Security.Claims;
using System.Text.Encodings.Web;
using Folio.Api;
using Folio.ApiKeys;
using Folio.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Folio.Access;

public static class ApiKeyAuthentication
{
    public const string Scheme = "ApiKey";
    public const string AdminPolicy = "admin";
    public const string ScopeClaim = "folio:scope";
    public const string KeyIdClaim = "folio:key_id";

    public static IServiceCollection AddApiKeyAuthentication(this IServiceCollection services)
    {
        services.AddSingleton<ApiKeyCache>();
        services.AddAuthentication(Scheme).AddScheme<AuthenticationSchemeOptions, ApiKeyHandler>(Scheme, null);
        services.AddAuthorizationBuilder()
            .SetDefaultPolicy(new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder(Scheme).RequireAuthenticatedUser().Build())
            .AddPolicy(AdminPolicy, policy => policy.AddAuthenticationSchemes(Scheme).RequireClaim(ScopeClaim, "admin"));
        return services;
    }
}

/// <summary>Reads <c>Authorization: Bearer folio_sk_…</c> (or a dialect's own header), finds the key by its prefix and compares hashes in constant time.</summary>
internal sealed class ApiKeyHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, FolioDb db, ApiKeyCache cache)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    /// <summary>Headers some dialects use for the key instead of Authorization.</summary>
    public static readonly string[] KeyHeaders = ["X-SALESBRICKS-KEY"];

    private static readonly Func<FolioDb, string, Task<ApiKey?>> FindByPrefix =
        EF.CompileAsyncQuery((FolioDb db, string prefix) => db.ApiKeys.AsNoTracking().FirstOrDefault(k => k.Prefix == prefix));

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var presented = PresentedKey();
        if (presented is null)
        {
            return AuthenticateResult.NoResult();
        }

        var prefix = ApiKeySecret.PrefixOf(presented);
        var key = prefix is null ? null : cache.Find(prefix);
        if (key is null && prefix is not null && (key = await FindByPrefix(db, prefix)) is { IsActive: true })
        {
            cache.Remember(key);
        }

        if (key is null || !ApiKeySecret.Matches(presented, key.SecretHash) || !key.IsActive)
        {
            return AuthenticateResult.Fail("The API key is not valid.");
        }

        var caller = new Caller(key.Id, key.Scope, key.OrganizationId) { KeyName = key.Name };
        Context.Features.Set(caller);
        var identity = new ClaimsIdentity(
            [new Claim(ApiKeyAuthentication.KeyIdClaim, key.Id.ToString()), new Claim(ApiKeyAuthentication.ScopeClaim, key.Scope == ApiKeyScope.Admin ? "admin" : "organization")],
            ApiKeyAuthentication.Scheme);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), ApiKeyAuthentication.Scheme));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.Headers.WWWAuthenticate = "Bearer";
        var missing = PresentedKey() is null;
        return Problems.Create(
                StatusCodes.Status401Unauthorized,
                missing ? "api_key_missing" : "api_key_invalid",
                missing ? "Send an API key as 'Authorization: Bearer folio_sk_…'." : "The API key is unknown or revoked.")
            .ExecuteAsync(Context);
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        Problems.Create(StatusCodes.Status403Forbidden, "admin_key_required", "This route needs an admin key; organization keys are read-only and see their own organization.")
            .ExecuteAsync(Context);

    private string? PresentedKey()
    {
        var authorization = Request.Headers.Authorization.ToString();
        if (authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return authorization["Bearer ".Length..].Trim();
        }

        foreach (var header in KeyHeaders)
        {
            if (Request.Headers.TryGetValue(header, out var value) && !string.IsNullOrWhiteSpace(value))
            {
                return value.ToString().Trim();
            }
        }

        return null;
    }
}
