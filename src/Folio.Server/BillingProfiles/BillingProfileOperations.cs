using Folio.Api;
using Folio.Data;
using Folio.Domain;
using Folio.Domain.Customers;
using Microsoft.EntityFrameworkCore;

namespace Folio.BillingProfiles;

/// <summary>Changing a customer's billing settings and account status.</summary>
public static class BillingProfileOperations
{
    public static Task<Outcome<Customer>> Replace(FolioDb db, TimeProvider clock, Guid customerId, BillingSettingsRequest request, CancellationToken cancellationToken) =>
        Change(db, customerId, customer => customer.UpdateBilling(request.ToSettings(), clock.GetUtcNow()), cancellationToken);

    public static Task<Outcome<Customer>> Suspend(FolioDb db, TimeProvider clock, Guid customerId, string? reason, CancellationToken cancellationToken) =>
        Change(db, customerId, customer => customer.SetStatus(AccountStatus.Suspended, reason, clock.GetUtcNow()), cancellationToken);

    public static Task<Outcome<Customer>> Reactivate(FolioDb db, TimeProvider clock, Guid customerId, CancellationToken cancellationToken) =>
        Change(db, customerId, customer => customer.SetStatus(AccountStatus.Active, null, clock.GetUtcNow()), cancellationToken);

    private static Task<Outcome<Customer>> Change(FolioDb db, Guid customerId, Func<Customer, IReadOnlyList<RuleViolation>> change, CancellationToken cancellationToken) =>
        db.InTransaction(async () =>
        {
            await db.LockCustomer(customerId, cancellationToken);
            var customer = await db.Customers.FirstOrDefaultAsync(c => c.Id == customerId, cancellationToken);
            if (customer is null)
            {
                return Outcome<Customer>.NotFound("customer_not_found");
            }

            var violations = change(customer);
            return violations.Count == 0 ? customer : Outcome<Customer>.Rejected(violations);
        }, cancellationToken);
}
