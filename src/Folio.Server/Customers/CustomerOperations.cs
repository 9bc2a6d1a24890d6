using Folio.Access;
using Folio.Api;
using Folio.Data;
using Folio.Domain;
using Folio.Domain.Customers;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Folio.Customers;

public sealed record CustomerListQuery(
    [property: FromQuery(Name = "kind")] string? Kind = null,
    [property: FromQuery(Name = "organization_id")] Guid? OrganizationId = null,
    [property: FromQuery(Name = "email")] string? Email = null,
    [property: FromQuery(Name = "include_archived")] bool? IncludeArchived = null,
    [property: FromQuery(Name = "limit")] int? Limit = null,
    [property: FromQuery(Name = "page_token")] string? PageToken = null)
{
    /// <summary>What a page token of this list is bound to: the caller's scope and every filter.</summary>
    public ulong Binding(Caller caller)
    {
        var binding = new PageBinding(stackalloc byte[256], PageList.Customers, caller);
        binding.Add(Kind);
        binding.Add(OrganizationId);
        binding.Add(Email);
        binding.Add(IncludeArchived);
        return binding.Finish();
    }
}

public static class CustomerOperations
{
    /// <summary>An organization key sees its organization and the users who belong to it; an admin key sees everyone.</summary>
    public static IQueryable<Customer> VisibleTo(this IQueryable<Customer> customers, Caller caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        return caller.IsAdmin ? customers : customers.Where(c => c.Id == caller.OrganizationId || c.OrganizationId == caller.OrganizationId);
    }

    public static Task<Outcome<Customer>> Create(FolioDb db, TimeProvider clock, CreateCustomerRequest request, CancellationToken cancellationToken) =>
        db.InTransaction(async () =>
        {
            Customer? organization = null;
            if (request.OrganizationId is { } organizationId)
            {
                await db.KeepCustomer(organizationId, cancellationToken);
                organization = await db.Customers.FirstOrDefaultAsync(c => c.Id == organizationId, cancellationToken);
                if (organization is null)
                {
                    return RuleViolation.Unprocessable("organization_not_found", "No organization has that id.", "organization_id");
                }
            }

            var (customer, violations) = Customer.Create(clock.NewId(), request.Kind, organization, request.ToProfile(), clock.GetUtcNow());
            if (customer is null)
            {
                return Outcome<Customer>.Rejected(violations);
            }

            db.Customers.Add(customer);
            return customer;
        }, cancellationToken);

    public static Task<Outcome<Customer>> Update(FolioDb db, TimeProvider clock, Guid id, UpdateCustomerRequest request, CancellationToken cancellationToken) =>
        Change(db, id, customer =>
        {
            var violations = customer.Update(request.MergeInto(customer.Profile), clock.GetUtcNow());
            return violations.Count == 0 ? customer : Outcome<Customer>.Rejected(violations);
        }, cancellationToken);

    public static Task<Outcome<Customer>> Archive(FolioDb db, TimeProvider clock, Guid id, CancellationToken cancellationToken) =>
        Change(db, id, customer => customer.Archive(clock.GetUtcNow()) is { } violation ? violation : customer, cancellationToken);

    public static async Task<Outcome<Page<CustomerResponse>>> List(FolioBooks db, Caller caller, PageTokens tokens, CustomerListQuery query, CancellationToken cancellationToken)
    {
        var violations = Paging.Read(tokens, PageList.Customers, query.Binding(caller), query.Limit, query.PageToken, out var page);
        CustomerKind? kind = query.Kind switch
        {
            null => null,
            "organization" => CustomerKind.Organization,
            "user" => CustomerKind.User,
            _ => null,
        };
        if (query.Kind is not null && kind is null)
        {
            violations.Add(RuleViolation.Invalid("kind", "invalid_kind", "kind is organization or user."));
        }

        if (violations.Count > 0)
        {
            return Outcome<Page<CustomerResponse>>.Rejected(violations);
        }

        var customers = db.Customers.AsNoTracking().VisibleTo(caller);
        if (kind is { } wanted)
        {
            customers = customers.Where(c => c.Kind == wanted);
        }

        if (query.OrganizationId is { } organizationId)
        {
            customers = customers.Where(c => c.OrganizationId == organizationId);
        }

        if (query.Email is { } email)
        {
            customers = customers.Where(c => c.Email == email);
        }

        if (query.IncludeArchived != true)
        {
            customers = customers.Where(c => c.ArchivedAt == null);
        }

        return await page.Newest(customers, NewestFirst, async (rows, ct) => (await rows.ToListAsync(ct)).ConvertAll(CustomerResponse.From), c => c.Id, cancellationToken);
    }

    private static readonly KeysetOrder<Customer> NewestFirst = KeysetOrder<Customer>.NewestFirst(c => c.Id);

    private static Task<Outcome<Customer>> Change(FolioDb db, Guid id, Func<Customer, Outcome<Customer>> change, CancellationToken cancellationToken) =>
        db.InTransaction(async () =>
        {
            // A partial update merges into what it reads (metadata keys): two at once must not lose one another's keys.
            await db.LockCustomer(id, cancellationToken);
            var customer = await db.Customers.FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
            return customer is null ? Outcome<Customer>.NotFound("customer_not_found") : change(customer);
        }, cancellationToken);
}
