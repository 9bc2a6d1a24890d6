namespace Folio.Domain.Customers;

public enum CustomerKind
{
    Organization,
    User,
}
