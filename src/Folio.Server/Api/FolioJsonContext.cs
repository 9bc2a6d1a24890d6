using System.Text.Json.Serialization;
using Folio.Customers;
using Folio.Invoices;
using Folio.Payments;

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
internal sealed partial class FolioJsonContext : JsonSerializerContext;
