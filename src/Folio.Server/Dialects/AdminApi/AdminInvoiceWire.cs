using System.Text.Json.Serialization;

namespace Folio.Dialects.AdminApi;

// The admin API's wire format: camelCase names exactly as its SDK reads them, amounts as decimal strings in major units.

/// <summary>
/// A page of invoices. <c>nextPageToken</c> is "" on the last page; <c>previousPageToken</c> is left out on the first page
/// and is "" when the previous page is the first one.
/// </summary>
public sealed record AdminInvoiceList(
    [property: JsonPropertyName("invoices")] IReadOnlyList<AdminInvoice> Invoices,
    [property: JsonPropertyName("nextPageToken")] string NextPageToken,
    [property: JsonPropertyName("previousPageToken"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? PreviousPageToken);

public sealed record AdminInvoice(
    [property: JsonPropertyName("id")] Guid Id,
    [property: JsonPropertyName("state")] string State,
    [property: JsonPropertyName("stateReason")] string? StateReason,
    [property: JsonPropertyName("stateTime")] DateTimeOffset? StateTime,
    [property: JsonPropertyName("connection")] AdminConnection? Connection,
    [property: JsonPropertyName("externalId")] string? ExternalId,
    [property: JsonPropertyName("number")] string? Number,
    [property: JsonPropertyName("currencyCode")] string CurrencyCode,
    [property: JsonPropertyName("description")] string? Description,
    [property: JsonPropertyName("account")] AdminAccount Account,
    [property: JsonPropertyName("effectiveTime")] DateTimeOffset? EffectiveTime,
    [property: JsonPropertyName("period")] AdminPeriod? Period,
    [property: JsonPropertyName("subtotalAmount")] string SubtotalAmount,
    [property: JsonPropertyName("discountAmount")] string DiscountAmount,
    [property: JsonPropertyName("balance")] AdminBalance? Balance,
    [property: JsonPropertyName("taxAmount")] string TaxAmount,
    [property: JsonPropertyName("totalAmount")] string TotalAmount,
    [property: JsonPropertyName("dueAmount")] string DueAmount,
    [property: JsonPropertyName("remainingDueAmount")] string RemainingDueAmount,
    [property: JsonPropertyName("dueTime")] DateTimeOffset? DueTime,
    [property: JsonPropertyName("paidAmount")] string PaidAmount,
    [property: JsonPropertyName("paymentState")] string PaymentState,
    [property: JsonPropertyName("paymentIntent")] object? PaymentIntent,
    [property: JsonPropertyName("items")] IReadOnlyList<AdminInvoiceItem> Items,
    [property: JsonPropertyName("changes")] IReadOnlyList<AdminInvoiceChange> Changes,
    [property: JsonPropertyName("pullTime")] DateTimeOffset? PullTime,
    [property: JsonPropertyName("createTime")] DateTimeOffset CreateTime,
    [property: JsonPropertyName("updateTime")] DateTimeOffset UpdateTime);

public sealed record AdminConnection(
    [property: JsonPropertyName("id")] Guid Id,
    [property: JsonPropertyName("displayName")] string DisplayName,
    [property: JsonPropertyName("state")] string State,
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("delegate")] object? Delegate,
    [property: JsonPropertyName("providers")] IReadOnlyList<AdminConnectionProvider> Providers,
    [property: JsonPropertyName("view")] string View,
    [property: JsonPropertyName("createTime")] DateTimeOffset CreateTime,
    [property: JsonPropertyName("updateTime")] DateTimeOffset UpdateTime);

/// <summary>What a connection provides (<c>BILLING</c>, …); none until provider connections exist.</summary>
public sealed record AdminConnectionProvider(
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("default")] bool Default);

public sealed record AdminAccount(
    [property: JsonPropertyName("fullName")] string? FullName,
    [property: JsonPropertyName("email")] string? Email,
    [property: JsonPropertyName("phoneNumber")] string? PhoneNumber,
    [property: JsonPropertyName("address")] AdminAddress? Address);

public sealed record AdminAddress(
    [property: JsonPropertyName("lines")] IReadOnlyList<string> Lines,
    [property: JsonPropertyName("city")] string? City,
    [property: JsonPropertyName("state")] string? State,
    [property: JsonPropertyName("postalCode")] string? PostalCode,
    [property: JsonPropertyName("country")] string? Country);

public sealed record AdminPeriod(
    [property: JsonPropertyName("startTime")] DateTimeOffset? StartTime,
    [property: JsonPropertyName("endTime")] DateTimeOffset? EndTime);

/// <summary>The customer's credit balance when the invoice was finalized; <c>appliedAmount</c> is negative for credit drawn.</summary>
public sealed record AdminBalance(
    [property: JsonPropertyName("startAmount")] string StartAmount,
    [property: JsonPropertyName("endAmount")] string EndAmount,
    [property: JsonPropertyName("appliedAmount")] string AppliedAmount);

public sealed record AdminInvoiceItem(
    [property: JsonPropertyName("id")] Guid Id,
    [property: JsonPropertyName("product")] AdminProduct? Product,
    [property: JsonPropertyName("price")] AdminPrice? Price,
    [property: JsonPropertyName("quantity")] decimal Quantity,
    [property: JsonPropertyName("subtotalAmount")] string SubtotalAmount,
    [property: JsonPropertyName("discountAmount")] string DiscountAmount,
    [property: JsonPropertyName("description")] string Description,
    [property: JsonPropertyName("externalId")] string? ExternalId,
    [property: JsonPropertyName("proration")] bool Proration,
    [property: JsonPropertyName("period")] AdminPeriod? Period);

/// <summary>The catalog product an item was made from (through its price); null for a line typed in by hand.</summary>
public sealed record AdminProduct(
    [property: JsonPropertyName("id")] Guid Id,
    [property: JsonPropertyName("displayName")] string DisplayName,
    [property: JsonPropertyName("description")] string? Description,
    [property: JsonPropertyName("archived")] bool Archived,
    [property: JsonPropertyName("view")] string View,
    [property: JsonPropertyName("createTime")] DateTimeOffset CreateTime,
    [property: JsonPropertyName("updateTime")] DateTimeOffset UpdateTime);

/// <summary>
/// The catalog price an item was made from: <c>billingMode</c> <c>RECURRING</c> with its <c>interval</c>, or
/// <c>ONE_TIME</c> with none; a Folio price is always a fixed amount per unit (<c>fixed.amount</c>, major units).
/// </summary>
public sealed record AdminPrice(
    [property: JsonPropertyName("id")] Guid Id,
    [property: JsonPropertyName("currencyCode")] string CurrencyCode,
    [property: JsonPropertyName("billingMode")] string BillingMode,
    [property: JsonPropertyName("interval")] AdminInterval? Interval,
    [property: JsonPropertyName("displayName")] string? DisplayName,
    [property: JsonPropertyName("product")] AdminProduct Product,
    [property: JsonPropertyName("archived")] bool Archived,
    [property: JsonPropertyName("view")] string View,
    [property: JsonPropertyName("createTime")] DateTimeOffset CreateTime,
    [property: JsonPropertyName("updateTime")] DateTimeOffset UpdateTime,
    [property: JsonPropertyName("fixed")] AdminFixedPrice Fixed);

public sealed record AdminInterval(
    [property: JsonPropertyName("quantity")] int Quantity,
    [property: JsonPropertyName("unit")] string Unit);

public sealed record AdminFixedPrice(
    [property: JsonPropertyName("amount")] string Amount);

/// <summary>A prorated change in the middle of a billing cycle; none until prorations exist.</summary>
public sealed record AdminInvoiceChange(
    [property: JsonPropertyName("time")] DateTimeOffset Time,
    [property: JsonPropertyName("description")] string Description,
    [property: JsonPropertyName("subtotalAmount")] string SubtotalAmount);
