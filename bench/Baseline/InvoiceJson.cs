using System.Globalization;
using System.Text.Json;
using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace Folio.Bench.Baseline;

/// <summary>
/// The queries: invoice columns, then item columns, one row per item (LEFT JOIN, so an invoice without items is one row).
/// The same text serves SQLite and PostgreSQL; only the subqueries differ in how they name the invoice columns.
/// </summary>
internal static class InvoiceSql
{
    private const string Columns = """
        i.id, i.customer_id, i.organization_id, i.currency, i.status, i.muted, i.number, i.reference, i.description,
        i.subtotal, i.discount, i.tax, i.total, i.amount_paid, i.credit_applied, i.amount_remaining, i.starting_balance,
        i.ending_balance, i.discount_amount, i.discount_percent, i.created_at, i.updated_at, i.issued_at, i.due_at,
        i.days_until_due, i.sent_at, i.paid_at, i.voided_at, i.marked_uncollectible_at, i.period_start, i.period_end, i.version,
        i.bill_to_name, i.bill_to_company, i.bill_to_email, i.bill_to_phone, i.bill_to_address_line1, i.bill_to_address_line2,
        i.bill_to_address_city, i.bill_to_address_region, i.bill_to_address_postal_code, i.bill_to_address_country, i.usd_per_unit,
        t.id, t.description, t.quantity, t.unit_amount, t.amount, t.discount_amount, t.discount_percent, t.discount,
        t.invoice_discount, t.tax_rate, t.tax_inclusive, t.tax, t.total, t.period_start, t.period_end, t.product_ref, t.price_id
        """;

    private const string Items = """

        LEFT JOIN invoice_items AS t ON t.invoice_id = i.id
        ORDER BY i.id DESC, t.position
        """;

    public const string ById = "SELECT " + Columns + """

        FROM invoices AS i LEFT JOIN invoice_items AS t ON t.invoice_id = i.id
        WHERE i.id = @id
        ORDER BY t.position
        """;

    public const string FirstPageOfCustomer = "SELECT " + Columns + """

        FROM (SELECT * FROM invoices WHERE customer_id = @customer_id ORDER BY id DESC LIMIT @limit) AS i
        """ + Items;

    public const string PageOfCustomerAfter = "SELECT " + Columns + """

        FROM (SELECT * FROM invoices WHERE customer_id = @customer_id AND id < @after ORDER BY id DESC LIMIT @limit) AS i
        """ + Items;

    public const string FirstPage = "SELECT " + Columns + """

        FROM (SELECT * FROM invoices ORDER BY id DESC LIMIT @limit) AS i
        """ + Items;

    public const string PageAfter = "SELECT " + Columns + """

        FROM (SELECT * FROM invoices WHERE id < @after ORDER BY id DESC LIMIT @limit) AS i
        """ + Items;
}

/// <summary>
/// Writes Folio's <c>InvoiceResponse</c> JSON, field for field and in the same order: snake_case names, lowercase ids,
/// timestamps as yyyy-MM-ddTHH:mm:ssZ (whole seconds, UTC), decimals without trailing zeros, nulls written out.
/// </summary>
internal static class InvoiceJson
{
    public const int Id = 0;
    private const int CustomerId = 1;
    private const int OrganizationId = 2;
    private const int Currency = 3;
    private const int Status = 4;
    private const int Muted = 5;
    private const int Number = 6;
    private const int Reference = 7;
    private const int Description = 8;
    private const int Subtotal = 9;
    private const int Discount = 10;
    private const int Tax = 11;
    private const int Total = 12;
    private const int AmountPaid = 13;
    private const int CreditApplied = 14;
    private const int AmountRemaining = 15;
    private const int StartingBalance = 16;
    private const int EndingBalance = 17;
    private const int DiscountAmount = 18;
    private const int DiscountPercent = 19;
    private const int CreatedAt = 20;
    private const int UpdatedAt = 21;
    private const int IssuedAt = 22;
    private const int DueAt = 23;
    private const int DaysUntilDue = 24;
    private const int SentAt = 25;
    private const int PaidAt = 26;
    private const int VoidedAt = 27;
    private const int MarkedUncollectibleAt = 28;
    private const int PeriodStart = 29;
    private const int PeriodEnd = 30;
    private const int Version = 31;
    private const int BillToName = 32;
    private const int BillToCompany = 33;
    private const int BillToEmail = 34;
    private const int BillToPhone = 35;
    private const int BillToLine1 = 36;
    private const int BillToLine2 = 37;
    private const int BillToCity = 38;
    private const int BillToRegion = 39;
    private const int BillToPostalCode = 40;
    private const int BillToCountry = 41;
    private const int UsdPerUnit = 42;
    private const int ItemId = 43;
    private const int ItemDescription = 44;
    private const int ItemQuantity = 45;
    private const int ItemUnitAmount = 46;
    private const int ItemAmount = 47;
    private const int ItemDiscountAmount = 48;
    private const int ItemDiscountPercent = 49;
    private const int ItemDiscount = 50;
    private const int ItemInvoiceDiscount = 51;
    private const int ItemTaxRate = 52;
    private const int ItemTaxInclusive = 53;
    private const int ItemTax = 54;
    private const int ItemTotal = 55;
    private const int ItemPeriodStart = 56;
    private const int ItemPeriodEnd = 57;
    private const int ItemProductRef = 58;
    private const int ItemPriceId = 59;

    private const string TimestampFormat = "yyyy-MM-dd'T'HH:mm:ss'Z'";

    /// <summary>Writes the invoice's fields and opens its items array; returns the version (for the ETag).</summary>
    public static int WriteInvoiceStart(Utf8JsonWriter writer, DbDataReader reader, long nowTicks)
    {
        writer.WriteStartObject();
        writer.WriteString("id"u8, reader.GetGuid(Id));
        writer.WriteString("customer_id"u8, reader.GetGuid(CustomerId));
        GuidOrNull(writer, "organization_id"u8, reader, OrganizationId);
        writer.WriteString("currency"u8, reader.GetString(Currency));
        var status = reader.GetString(Status);
        writer.WriteString("status"u8, status);
        writer.WriteBoolean("muted"u8, reader.GetBoolean(Muted));
        StringOrNull(writer, "number"u8, reader, Number);
        StringOrNull(writer, "reference"u8, reader, Reference);
        StringOrNull(writer, "description"u8, reader, Description);
        var tax = reader.GetInt64(Tax);
        var total = reader.GetInt64(Total);
        var remaining = reader.GetInt64(AmountRemaining);
        writer.WriteNumber("subtotal"u8, reader.GetInt64(Subtotal));
        writer.WriteNumber("discount"u8, reader.GetInt64(Discount));
        writer.WriteNumber("tax"u8, tax);
        writer.WriteNumber("total"u8, total);
        writer.WriteNumber("total_excluding_tax"u8, total - tax);
        writer.WriteNumber("amount_paid"u8, reader.GetInt64(AmountPaid));
        writer.WriteNumber("credit_applied"u8, reader.GetInt64(CreditApplied));
        writer.WriteNumber("amount_remaining"u8, remaining);
        Int64OrNull(writer, "starting_balance"u8, reader, StartingBalance);
        Int64OrNull(writer, "ending_balance"u8, reader, EndingBalance);
        Int64OrNull(writer, "discount_amount"u8, reader, DiscountAmount);
        DecimalOrNull(writer, "discount_percent"u8, reader, DiscountPercent);

        // Past due: open, due date passed, something left to pay; days overdue counted in whole days.
        var pastDue = status == "open" && !reader.IsDBNull(DueAt) && Ticks(reader, DueAt) < nowTicks && remaining > 0;
        writer.WriteBoolean("past_due"u8, pastDue);
        writer.WriteNumber("days_overdue"u8, pastDue ? (int)((nowTicks - Ticks(reader, DueAt)) / TimeSpan.TicksPerDay) : 0);

        Timestamp(writer, "created_at"u8, reader, CreatedAt);
        Timestamp(writer, "updated_at"u8, reader, UpdatedAt);
        Timestamp(writer, "issued_at"u8, reader, IssuedAt);
        Timestamp(writer, "due_at"u8, reader, DueAt);
        Int64OrNull(writer, "days_until_due"u8, reader, DaysUntilDue);
        Timestamp(writer, "sent_at"u8, reader, SentAt);
        Timestamp(writer, "paid_at"u8, reader, PaidAt);
        Timestamp(writer, "voided_at"u8, reader, VoidedAt);
        Timestamp(writer, "marked_uncollectible_at"u8, reader, MarkedUncollectibleAt);
        Timestamp(writer, "period_start"u8, reader, PeriodStart);
        Timestamp(writer, "period_end"u8, reader, PeriodEnd);
        WriteBillTo(writer, reader);

        // The rate fixed at finalization, and the total in US cents at that rate, rounded half away from zero.
        if (reader.IsDBNull(UsdPerUnit))
        {
            writer.WriteNull("usd_per_unit"u8);
            writer.WriteNull("total_usd_cents"u8);
        }
        else
        {
            var usdPerUnit = reader.GetDecimal(UsdPerUnit);
            var minorUnits = Pow10(Folio.Domain.Money.Currency.Get(reader.GetString(Currency)).Exponent);
            writer.WriteNumber("usd_per_unit"u8, Trim(usdPerUnit));
            writer.WriteNumber("total_usd_cents"u8, (long)Math.Round(total * (usdPerUnit * 100m) / minorUnits, 0, MidpointRounding.AwayFromZero));
        }

        var version = reader.GetInt32(Version);
        writer.WriteNumber("version"u8, version);
        writer.WriteStartArray("items"u8);
        return version;
    }

    /// <summary>Writes the row's item, if the row has one (an invoice without items comes as one row of nulls).</summary>
    public static void WriteItem(Utf8JsonWriter writer, DbDataReader reader)
    {
        if (reader.IsDBNull(ItemId))
        {
            return;
        }

        writer.WriteStartObject();
        writer.WriteString("id"u8, reader.GetGuid(ItemId));
        writer.WriteString("description"u8, reader.GetString(ItemDescription));
        writer.WriteNumber("quantity"u8, Trim(reader.GetDecimal(ItemQuantity)));
        writer.WriteNumber("unit_amount"u8, reader.GetInt64(ItemUnitAmount));
        writer.WriteNumber("amount"u8, reader.GetInt64(ItemAmount));
        Int64OrNull(writer, "discount_amount"u8, reader, ItemDiscountAmount);
        DecimalOrNull(writer, "discount_percent"u8, reader, ItemDiscountPercent);
        writer.WriteNumber("discount"u8, reader.GetInt64(ItemDiscount));
        writer.WriteNumber("invoice_discount"u8, reader.GetInt64(ItemInvoiceDiscount));
        writer.WriteNumber("tax_rate"u8, Trim(reader.GetDecimal(ItemTaxRate)));
        writer.WriteBoolean("tax_inclusive"u8, reader.GetBoolean(ItemTaxInclusive));
        writer.WriteNumber("tax"u8, reader.GetInt64(ItemTax));
        writer.WriteNumber("total"u8, reader.GetInt64(ItemTotal));
        Timestamp(writer, "period_start"u8, reader, ItemPeriodStart);
        Timestamp(writer, "period_end"u8, reader, ItemPeriodEnd);
        StringOrNull(writer, "product_ref"u8, reader, ItemProductRef);
        GuidOrNull(writer, "price_id"u8, reader, ItemPriceId);
        writer.WriteEndObject();
    }

    public static void WriteInvoiceEnd(Utf8JsonWriter writer)
    {
        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    /// <summary>Who a finalized invoice is addressed to; null on a draft (which has no issue date).</summary>
    private static void WriteBillTo(Utf8JsonWriter writer, DbDataReader reader)
    {
        if (reader.IsDBNull(IssuedAt))
        {
            writer.WriteNull("bill_to"u8);
            return;
        }

        writer.WriteStartObject("bill_to"u8);
        StringOrNull(writer, "name"u8, reader, BillToName);
        StringOrNull(writer, "company"u8, reader, BillToCompany);
        StringOrNull(writer, "email"u8, reader, BillToEmail);
        StringOrNull(writer, "phone"u8, reader, BillToPhone);
        writer.WriteStartObject("address"u8);
        StringOrNull(writer, "line1"u8, reader, BillToLine1);
        StringOrNull(writer, "line2"u8, reader, BillToLine2);
        StringOrNull(writer, "city"u8, reader, BillToCity);
        StringOrNull(writer, "region"u8, reader, BillToRegion);
        StringOrNull(writer, "postal_code"u8, reader, BillToPostalCode);
        StringOrNull(writer, "country"u8, reader, BillToCountry);
        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    private static decimal Pow10(int exponent)
    {
        var value = 1m;
        for (var i = 0; i < exponent; i++)
        {
            value *= 10m;
        }

        return value;
    }

    /// <summary>Folio keeps UTC ticks in SQLite's integer columns and timestamptz in PostgreSQL's.</summary>
    private static long Ticks(DbDataReader reader, int ordinal) =>
        reader is SqliteDataReader ? reader.GetInt64(ordinal) : reader.GetDateTime(ordinal).Ticks;

    /// <summary>Drops the trailing zeros SQLite's text and PostgreSQL's numeric keep (2.0 → 2), as Folio does.</summary>
    private static decimal Trim(decimal value) => value / 1.0000000000000000000000000000m;

    private static void Timestamp(Utf8JsonWriter writer, ReadOnlySpan<byte> name, DbDataReader reader, int ordinal)
    {
        if (reader.IsDBNull(ordinal))
        {
            writer.WriteNull(name);
            return;
        }

        Span<byte> text = stackalloc byte[20];
        new DateTime(Ticks(reader, ordinal), DateTimeKind.Utc).TryFormat(text, out var written, TimestampFormat, CultureInfo.InvariantCulture);
        writer.WriteString(name, text[..written]);
    }

    private static void GuidOrNull(Utf8JsonWriter writer, ReadOnlySpan<byte> name, DbDataReader reader, int ordinal)
    {
        if (reader.IsDBNull(ordinal))
        {
            writer.WriteNull(name);
        }
        else
        {
            writer.WriteString(name, reader.GetGuid(ordinal));
        }
    }

    private static void StringOrNull(Utf8JsonWriter writer, ReadOnlySpan<byte> name, DbDataReader reader, int ordinal)
    {
        if (reader.IsDBNull(ordinal))
        {
            writer.WriteNull(name);
        }
        else
        {
            writer.WriteString(name, reader.GetString(ordinal));
        }
    }

    private static void Int64OrNull(Utf8JsonWriter writer, ReadOnlySpan<byte> name, DbDataReader reader, int ordinal)
    {
        if (reader.IsDBNull(ordinal))
        {
            writer.WriteNull(name);
        }
        else
        {
            writer.WriteNumber(name, reader.GetInt64(ordinal));
        }
    }

    private static void DecimalOrNull(Utf8JsonWriter writer, ReadOnlySpan<byte> name, DbDataReader reader, int ordinal)
    {
        if (reader.IsDBNull(ordinal))
        {
            writer.WriteNull(name);
        }
        else
        {
            writer.WriteNumber(name, Trim(reader.GetDecimal(ordinal)));
        }
    }
}
