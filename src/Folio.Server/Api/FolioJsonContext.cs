using System.Text.Json.Serialization;
using Folio.Audit;
using Folio.BillRuns;
using Folio.Credits;
using Folio.Customers;
using Folio.Events;
using Folio.Invoices;
using Folio.Payments;
using Folio.Subscriptions;

namespace Folio.Api;

/// <summary>
/// Serialization code generated at build time for the responses the API sends most. Names, enums and timestamps still
/// follow the options of <see cref="JsonSetup"/>, which this context plugs into.
/// </summary>
[JsonSerializable(typeof(InvoiceResponse))]
[JsonSerializable(typeof(Page<InvoiceResponse>))]
[JsonSerializable(typeof(CustomerResponse))]
[JsonSerializable(typeof(Page<CustomerResponse>))]
[JsonSerializable(typeof(PaymentReceipt))]
[JsonSerializable(typeof(SubscriptionResponse))]
[JsonSerializable(typeof(BillRunResponse))]
[JsonSerializable(typeof(CustomerBalanceResponse))]
[JsonSerializable(typeof(EventResponse))]
[JsonSerializable(typeof(Page<EventResponse>))]
[JsonSerializable(typeof(AuditEventResponse))]
[JsonSerializable(typeof(Page<AuditEventResponse>))]
internal sealed partial class FolioJsonContext : JsonSerializerContext;
