using Folio.Access;
using Folio.Api;
using Folio.Data;
using Microsoft.AspNetCore.Routing.Patterns;

namespace Folio.Audit;

/// <summary>
/// Gives every request that may change the books (any method but GET and HEAD) an audit scope on its context: the
/// caller's key, and the action and object its route names. The handler's transaction writes the entry
/// (<see cref="Transactions.InTransaction"/>), so that a refused change leaves none.
/// </summary>
public static class AuditRequests
{
    public static IApplicationBuilder UseAuditTrail(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method)
                || context.Features.Get<Caller>() is not { } caller || context.GetEndpoint() is not RouteEndpoint endpoint)
            {
                await next(context);
                return;
            }

            var db = context.RequestServices.GetRequiredService<FolioDb>();
            var (action, objectType) = AuditActions.Of(context.Request.Method, endpoint.RoutePattern);
            db.Audit = new AuditScope(Actor.Of(caller), action, objectType, Ids.Parse(context.GetRouteValue("id") as string));
            try
            {
                await next(context);
            }
            finally
            {
                // The context goes back to the pool: the next user sets its own scope, or has none.
                db.Audit = null;
            }
        });
}

/// <summary>
/// The action a route performs, named after the route: <c>POST /v1/invoices</c> is <c>invoice.create</c>,
/// <c>PATCH /v1/invoices/{id}</c> <c>invoice.update</c>, <c>POST /v1/invoices/{id}/finalize</c> <c>invoice.finalize</c>.
/// Routes whose last word is a thing rather than a verb are named here.
/// </summary>
public static class AuditActions
{
    private static readonly Dictionary<string, string> Named = new(StringComparer.Ordinal)
    {
        ["POST /v1/invoices/{id}/items"] = "invoice.add_item",
        ["DELETE /v1/invoices/{id}/items/{itemId}"] = "invoice.remove_item",
        ["POST /v1/customers/{id}/balance_transactions"] = "customer.adjust_balance",
        ["PUT /v1/customers/{id}/billing_profile"] = "customer.update_billing_profile",
        ["POST /v1/subscriptions/{id}/items"] = "subscription.change_items",
        ["PUT /v1/exchange_rates/{currency}"] = "exchange_rate.set",
    };

    public static (string Action, string ObjectType) Of(string method, RoutePattern pattern)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        var raw = "/" + (pattern.RawText ?? string.Empty).Trim('/');
        string[] parts = [.. raw.Split('/', StringSplitOptions.RemoveEmptyEntries).Where(p => p != "v1")];
        var objectType = parts.Length == 0 ? "unknown" : Singular(parts[0]);
        if (Named.TryGetValue($"{method} {raw}", out var named))
        {
            return (named, objectType);
        }

        string[] words = [.. parts.Skip(1).Where(p => !p.StartsWith('{'))];
        var verb = words.Length > 0 && HttpMethods.IsPost(method) ? string.Join('.', words)
            : string.Join('.', [.. words, HttpMethods.IsPost(method) ? "create" : HttpMethods.IsDelete(method) ? "delete" : "update"]);
        return ($"{objectType}.{verb}", objectType);
    }

    private static string Singular(string collection) => collection.EndsWith('s') ? collection[..^1] : collection;
}
