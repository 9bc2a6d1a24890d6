using System.Globalization;
using Folio.Domain.Invoicing;
using Microsoft.Data.Sqlite;

namespace Folio.Bench.Seed;

internal sealed record SeedResult(
    IReadOnlyList<Guid> CustomerIds, IReadOnlyList<Guid> OrganizationIds, IReadOnlyList<Guid> InvoiceSample, IReadOnlyList<Guid> ParityInvoices, string Summary);

/// <summary>
/// Writes customers (organizations, each with up to two users), invoices with their items, the payments of paid and
/// part-paid invoices and the exchange rates in force, in one transaction with prepared statements. Rows are stored as
/// Folio's EF Core mapping stores them: Guids as uppercase text, timestamps as UTC ticks, decimals as text, enums as
/// lowercase text, booleans as 0/1. Every amount comes from Folio's own <see cref="InvoiceCalculator"/>, and the invoice
/// states follow its state machine (draft → open → paid); finalization fixes the week's exchange rate and the customer's
/// contact on the invoice, as Folio's does.
/// </summary>
internal sealed class Seeder(SqliteConnection connection, SeedSettings settings)
{
    private const string InsertCustomer = """
        INSERT INTO customers (id, kind, organization_id, name, company, email, phone, tax_id, purchase_order, external_id, metadata,
                               created_at, updated_at, archived_at, address_city, address_country, address_line1, address_line2,
                               address_postal_code, address_region, billing_tier, billing_domains, billing_all_notifications_email,
                               billing_action_required_notifications_email, billing_auto_recharge_enabled,
                               billing_auto_recharge_below_usd_cents, billing_auto_recharge_back_up_to_usd_cents,
                               billing_credit_uninvoiced_limit_usd_cents, billing_spend_management_enabled,
                               billing_spend_daily_hard_limit_usd_cents, billing_spend_daily_notify_threshold_usd_cents,
                               billing_spend_webhook_url, status, status_changed_at, suspended_reason)
        VALUES ($id, $kind, $organization_id, $name, $company, $email, $phone, $tax_id, $purchase_order, $external_id, '{}',
                $created_at, $updated_at, NULL, $city, $country, $line1, NULL, $postal_code, $region, $tier, $domains, $all_email,
                $action_email, $auto_recharge, $recharge_below, $recharge_back_up_to, $uninvoiced_limit, $spend_management,
                $spend_hard_limit, $spend_notify_threshold, $spend_webhook_url, $status, $status_changed_at, $suspended_reason)
        """;

    private const string InsertInvoice = """
        INSERT INTO invoices (id, customer_id, organization_id, currency, status, muted, number, reference, description, created_at,
                              updated_at, issued_at, due_at, days_until_due, sent_at, paid_at, voided_at, marked_uncollectible_at,
                              period_start, period_end, discount_amount, discount_percent, subtotal, discount, invoice_discount, tax,
                              total, amount_paid, credit_applied, amount_remaining, starting_balance, ending_balance, version,
                              usd_per_unit, bill_to_name, bill_to_company, bill_to_email, bill_to_phone, bill_to_address_line1,
                              bill_to_address_line2, bill_to_address_city, bill_to_address_region, bill_to_address_postal_code,
                              bill_to_address_country)
        VALUES ($id, $customer_id, $organization_id, $currency, $status, $muted, $number, $reference, $description, $created_at,
                $updated_at, $issued_at, $due_at, $days_until_due, $sent_at, $paid_at, NULL, NULL,
                $period_start, $period_end, $discount_amount, $discount_percent, $subtotal, $discount, $invoice_discount, $tax,
                $total, $amount_paid, $credit_applied, $amount_remaining, $starting_balance, $ending_balance, $version,
                $usd_per_unit, $bill_to_name, $bill_to_company, $bill_to_email, $bill_to_phone, $bill_to_line1,
                NULL, $bill_to_city, $bill_to_region, $bill_to_postal_code, $bill_to_country)
        """;

    private const string InsertItem = """
        INSERT INTO invoice_items (id, invoice_id, position, description, quantity, unit_amount, discount_amount, discount_percent,
                                   tax_rate, tax_inclusive, period_start, period_end, product_ref, amount, discount, invoice_discount,
                                   tax, total)
        VALUES ($id, $invoice_id, $position, $description, $quantity, $unit_amount, $discount_amount, $discount_percent,
                $tax_rate, $tax_inclusive, $period_start, $period_end, $product_ref, $amount, $discount, $invoice_discount,
                $tax, $total)
        """;

    private const string InsertPayment = """
        INSERT INTO payments (id, invoice_id, customer_id, currency, amount, credited_to_balance, method, reference, received_at, created_at)
        VALUES ($id, $invoice_id, $customer_id, $currency, $amount, 0, $method, $reference, $received_at, $received_at)
        """;

    private const string InsertRate = """
        INSERT INTO exchange_rates (currency, usd_per_unit, updated_at) VALUES ($currency, $usd_per_unit, $updated_at)
        """;

    private const string UpsertSequence = """
        INSERT INTO number_sequences (scope, period, last_value) VALUES ('default', $period, $last_value)
        ON CONFLICT (scope, period) DO UPDATE SET last_value = MAX(last_value, excluded.last_value)
        """;

    private static readonly string[] Products =
    [
        "Platform subscription", "Seat licence", "Support hours", "Onboarding", "API usage", "Storage (TB-month)",
        "Consulting", "Training day", "Hardware rental", "Premium support", "Data export", "Custom integration",
    ];

    private static readonly decimal[] Quantities = [1m, 1m, 1m, 2m, 3m, 0.5m, 1.25m, 7.5m, 10m, 12m];

    private static readonly int?[] DueDays = [null, 14, 30, 30, 45];

    private static readonly string[] Methods = ["bank_transfer", "card", "direct_debit", "check"];

    private readonly Random _random = new(settings.Seed);
    private readonly Uuid7 _ids = new(new Random(settings.Seed + 1));
    private readonly Dictionary<string, int> _statusCounts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _currencyCounts = new(StringComparer.Ordinal);
    private readonly Dictionary<int, long> _sequences = [];
    private readonly List<PendingPayment> _payments = [];

    // One invoice of each kind the JSON can take (currency, state, payment, a user's or an organization's), for the parity check.
    private readonly Dictionary<string, Guid> _parity = new(StringComparer.Ordinal);

    public SeedResult Run()
    {
        var now = DateTimeOffset.FromUnixTimeMilliseconds(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
        var first = now.AddDays(-365);
        var last = now.AddHours(-1);

        using var transaction = connection.BeginTransaction();
        using var customerCommand = Prepare(transaction, InsertCustomer);
        using var invoiceCommand = Prepare(transaction, InsertInvoice);
        using var itemCommand = Prepare(transaction, InsertItem);
        using var paymentCommand = Prepare(transaction, InsertPayment);
        using var rateCommand = Prepare(transaction, InsertRate);
        using var sequenceCommand = Prepare(transaction, UpsertSequence);

        // Organizations with zero to two users each: at most 300 invoices per organization, of which about a fifth are
        // unpaid, so that one page of 100 of the native list holds all the unpaid invoices of any organization.
        var customers = new List<SeedCustomer>(settings.Customers);
        SeedCustomer? organization = null;
        var usersLeft = 0;
        for (var c = 0; c < settings.Customers; c++)
        {
            var created = first.AddDays(-60).AddMinutes(c);
            var id = _ids.Next(created);
            SeedCustomer customer;
            if (organization is null || usersLeft == 0)
            {
                customer = organization = SeedCustomers.Organization(id, c + 1, PickCurrency());
                usersLeft = _random.Next(100) switch { < 40 => 0, < 75 => 1, _ => 2 };
            }
            else
            {
                customer = SeedCustomers.User(id, c + 1, organization);
                usersLeft--;
            }

            customers.Add(customer);
            WriteCustomer(customerCommand, customer, created);
        }

        foreach (var currency in SeedRates.Currencies)
        {
            Set(rateCommand, "$currency", currency);
            Set(rateCommand, "$usd_per_unit", SeedRates.UsdPerUnit(currency, now));
            Set(rateCommand, "$updated_at", now.UtcTicks);
            rateCommand.ExecuteNonQuery();
        }

        // Every customer gets exactly InvoicesPerCustomer invoices, spread over the year in a shuffled order; invoices are
        // written in creation order so that their UUIDv7 ids increase.
        var owners = new int[settings.Customers * settings.InvoicesPerCustomer];
        for (var k = 0; k < owners.Length; k++)
        {
            owners[k] = k % settings.Customers;
        }

        _random.Shuffle(owners);
        var step = (last - first).Ticks / owners.Length;
        var invoiceIds = new Guid[owners.Length];
        for (var k = 0; k < owners.Length; k++)
        {
            var created = RoundToMilliseconds(first.AddTicks((step * k) + _random.NextInt64(0, Math.Max(1, step / 2))));
            invoiceIds[k] = WriteInvoice(invoiceCommand, itemCommand, customers[owners[k]], created, now);
        }

        // Payment ids are UUIDv7 too, taken in the order the payments were received.
        var paymentIds = new Uuid7(new Random(settings.Seed + 2));
        foreach (var payment in _payments.OrderBy(p => p.ReceivedAt))
        {
            Set(paymentCommand, "$id", Uuid7.Stored(paymentIds.Next(payment.ReceivedAt)));
            Set(paymentCommand, "$invoice_id", Uuid7.Stored(payment.InvoiceId));
            Set(paymentCommand, "$customer_id", Uuid7.Stored(payment.CustomerId));
            Set(paymentCommand, "$currency", payment.Currency);
            Set(paymentCommand, "$amount", payment.Amount);
            Set(paymentCommand, "$method", payment.Method);
            Set(paymentCommand, "$reference", payment.Reference);
            Set(paymentCommand, "$received_at", payment.ReceivedAt.UtcTicks);
            paymentCommand.ExecuteNonQuery();
        }

        // Later finalizations continue the numbering instead of colliding with the seeded numbers.
        foreach (var (year, value) in _sequences)
        {
            Set(sequenceCommand, "$period", year.ToString("0000", CultureInfo.InvariantCulture));
            Set(sequenceCommand, "$last_value", value);
            sequenceCommand.ExecuteNonQuery();
        }

        transaction.Commit();

        var sample = invoiceIds.ToArray();
        _random.Shuffle(sample);
        var organizations = customers.Where(c => !c.IsUser).Select(c => c.Id).ToList();
        var summary = string.Create(CultureInfo.InvariantCulture,
            $"Generated {customers.Count} customers ({organizations.Count} organizations, {customers.Count - organizations.Count} users), {invoiceIds.Length} invoices ({Describe(_statusCounts)}; {Describe(_currencyCounts)}), {_payments.Count} payments.");
        return new SeedResult(
            [.. customers.Select(c => c.Id)], organizations, sample[..Math.Min(settings.Sample, sample.Length)],
            [.. _parity.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Value)], summary);
    }

    private static string Describe(Dictionary<string, int> counts) =>
        string.Join(", ", counts.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Value} {p.Key}")));

    private static DateTimeOffset RoundToMilliseconds(DateTimeOffset value) => DateTimeOffset.FromUnixTimeMilliseconds(value.ToUnixTimeMilliseconds());

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

    private SqliteCommand Prepare(SqliteTransaction transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var name in sql.Split(['(', ')', ',', ' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries).Where(t => t.StartsWith('$')).Distinct(StringComparer.Ordinal))
        {
            command.Parameters.Add(new SqliteParameter(name, DBNull.Value));
        }

        command.Prepare();
        return command;
    }

    private static void Set(SqliteCommand command, string name, object? value) => command.Parameters[name].Value = value ?? DBNull.Value;

    private string PickCurrency() => _random.Next(100) switch
    {
        < 50 => "USD",
        < 85 => "EUR",
        _ => "JPY",
    };

    private void WriteCustomer(SqliteCommand command, SeedCustomer customer, DateTimeOffset created)
    {
        var n = customer.Number;
        Set(command, "$id", Uuid7.Stored(customer.Id));
        Set(command, "$kind", customer.Kind);
        Set(command, "$organization_id", customer.IsUser ? Uuid7.Stored(customer.OrganizationId) : null);
        Set(command, "$name", customer.Name);
        Set(command, "$company", customer.Company);
        Set(command, "$email", customer.Email);
        Set(command, "$phone", customer.Phone);
        Set(command, "$tax_id", !customer.IsUser && n % 2 == 0 ? string.Create(CultureInfo.InvariantCulture, $"TX-{n:000000}") : null);
        Set(command, "$purchase_order", !customer.IsUser && n % 5 == 0 ? string.Create(CultureInfo.InvariantCulture, $"PO-{n:00000}") : null);
        Set(command, "$external_id", !customer.IsUser && n % 4 == 0 ? string.Create(CultureInfo.InvariantCulture, $"cus_bench{n:000000}") : null);
        Set(command, "$created_at", created.UtcTicks);
        Set(command, "$city", customer.Address?.City);
        Set(command, "$country", customer.Address?.Country);
        Set(command, "$line1", customer.Address?.Line1);
        Set(command, "$postal_code", customer.Address?.PostalCode);
        Set(command, "$region", customer.Address?.Region);

        // Billing settings are the seller's, per organization; users have none.
        var tier = customer.IsUser ? null : _random.Next(100) switch { < 50 => "startup", < 85 => "business", _ => "enterprise" };
        var domain = SeedCustomers.Domain(n);
        var autoRecharge = tier is not null && _random.Next(100) < 20;
        var spendManagement = tier is "business" or "enterprise" && _random.Next(100) < 25;
        var suspended = tier is not null && _random.Next(100) < 2;
        var updated = suspended ? created.AddDays(30) : created;
        Set(command, "$updated_at", updated.UtcTicks);
        Set(command, "$tier", tier);
        Set(command, "$domains", tier is null ? null : tier == "enterprise" ? $"{domain},eu.{domain}" : domain);
        Set(command, "$all_email", tier is null ? null : customer.Email);
        Set(command, "$action_email", tier is "enterprise" ? "ops@" + domain : null);
        Set(command, "$auto_recharge", autoRecharge);
        Set(command, "$recharge_below", autoRecharge ? 50_00L : null);
        Set(command, "$recharge_back_up_to", autoRecharge ? 500_00L : null);
        Set(command, "$uninvoiced_limit", tier is "business" or "enterprise" ? (tier == "enterprise" ? 10_000_00L : 2_000_00L) : null);
        Set(command, "$spend_management", spendManagement);
        Set(command, "$spend_hard_limit", spendManagement ? 300_00L : null);
        Set(command, "$spend_notify_threshold", spendManagement ? 200_00L : null);
        Set(command, "$spend_webhook_url", spendManagement ? $"https://{domain}/hooks/spend" : null);
        Set(command, "$status", suspended ? "suspended" : "active");
        Set(command, "$status_changed_at", suspended ? updated.UtcTicks : null);
        Set(command, "$suspended_reason", suspended ? "Payment overdue" : null);
        command.ExecuteNonQuery();
    }

    private Guid WriteInvoice(SqliteCommand invoiceCommand, SqliteCommand itemCommand, SeedCustomer customer, DateTimeOffset created, DateTimeOffset now)
    {
        // Ten percent of a customer's invoices are in another currency.
        var currency = _random.Next(10) == 0 ? PickCurrency() : customer.Currency;
        var id = _ids.Next(created);
        var subscription = _random.Next(100) < 40;
        DateTimeOffset? periodStart = subscription ? created.AddDays(-30) : null;
        DateTimeOffset? periodEnd = subscription ? created : null;

        var specs = new List<LineItemSpec>(3);
        var lines = _random.Next(1, 4);
        for (var position = 0; position < lines; position++)
        {
            specs.Add(NextLine(currency, position, subscription && position == 0, periodStart, periodEnd));
        }

        var discountRoll = _random.Next(100);
        var discount = discountRoll switch
        {
            < 8 => new InvoiceDiscount(null, 5m),
            < 12 => new InvoiceDiscount(currency == "JPY" ? 1_000 : 10_00, null),
            _ => InvoiceDiscount.None,
        };
        var daysUntilDue = DueDays[_random.Next(DueDays.Length)];
        var draft = new InvoiceDraft(
            _random.Next(3) == 0 ? string.Create(CultureInfo.InvariantCulture, $"PO-{_random.Next(1000, 99999)}") : null,
            _random.Next(5) == 0 ? "Services as agreed in the master services agreement." : null,
            null, daysUntilDue, periodStart, periodEnd, discount);
        if (draft.Validate().Concat(specs.SelectMany((s, i) => s.Validate($"items[{i}]"))).FirstOrDefault() is { } violation)
        {
            throw new InvalidOperationException($"Generated an invalid invoice: {violation.Detail}");
        }

        var totals = InvoiceCalculator.Calculate(specs, discount);

        // The state machine, with the clock of each step: draft → open (finalize, send) → paid or part-paid.
        var age = now - created;
        var roll = _random.Next(100);
        var status = age.TotalDays switch
        {
            < 20 => roll < 20 ? InvoiceStatus.Draft : roll < 80 ? InvoiceStatus.Open : InvoiceStatus.Paid,
            < 60 => roll < 5 ? InvoiceStatus.Draft : roll < 50 ? InvoiceStatus.Open : InvoiceStatus.Paid,
            _ => roll < 2 ? InvoiceStatus.Draft : roll < 15 ? InvoiceStatus.Open : InvoiceStatus.Paid,
        };

        var muted = false;
        string? number = null;
        DateTimeOffset? issuedAt = null, dueAt = null, sentAt = null, paidAt = null;
        long? startingBalance = null, endingBalance = null;
        long amountPaid = 0;
        var version = 0;
        var updatedAt = created;
        if (status != InvoiceStatus.Draft)
        {
            var issued = Min(created.AddMinutes(_random.Next(10, 2 * 24 * 60)), now.AddMinutes(-1));
            issuedAt = issued < created ? created : issued;
            dueAt = issuedAt.Value.AddDays(daysUntilDue ?? 30);
            var year = issuedAt.Value.UtcDateTime.Year;
            var sequence = _sequences[year] = _sequences.GetValueOrDefault(year) + 1;
            number = string.Create(CultureInfo.InvariantCulture, $"{year:0000}-{sequence:0000}");
            startingBalance = 0;
            endingBalance = 0;
            version = 1;
            updatedAt = issuedAt.Value;

            muted = _random.Next(100) < 3;
            if (!muted)
            {
                sentAt = Min(issuedAt.Value.AddMinutes(5), now);
                version++;
                updatedAt = sentAt.Value;
            }

            var payment = status == InvoiceStatus.Paid ? totals.Total : _random.Next(4) == 0 ? Math.Max(1, totals.Total / 3) : 0;
            if (payment > 0)
            {
                var received = Min(issuedAt.Value.AddDays(_random.Next(1, (daysUntilDue ?? 30) + 10)).AddMinutes(_random.Next(0, 600)), now);
                received = received < updatedAt ? updatedAt : received;
                amountPaid = payment;
                paidAt = status == InvoiceStatus.Paid ? received : null;
                version++;
                updatedAt = received;
                _payments.Add(new PendingPayment(id, customer.Id, currency, payment, Methods[_random.Next(Methods.Length)],
                    _random.Next(2) == 0 ? string.Create(CultureInfo.InvariantCulture, $"REF-{_random.Next(100000, 999999)}") : null, received));
            }
        }

        var statusText = status.ToString().ToLowerInvariant();
        _statusCounts[statusText] = _statusCounts.GetValueOrDefault(statusText) + 1;
        _currencyCounts[currency] = _currencyCounts.GetValueOrDefault(currency) + 1;

        var paidPart = amountPaid > 0 && amountPaid < totals.Total ? "/part-paid" : "";
        _parity.TryAdd($"{currency}/{statusText}{paidPart}/{customer.Kind}", id);

        var c = invoiceCommand;
        Set(c, "$id", Uuid7.Stored(id));
        Set(c, "$customer_id", Uuid7.Stored(customer.Id));
        Set(c, "$organization_id", Uuid7.Stored(customer.OrganizationId));
        Set(c, "$currency", currency);
        Set(c, "$status", statusText);
        Set(c, "$muted", muted);
        Set(c, "$number", number);
        Set(c, "$reference", draft.Reference);
        Set(c, "$description", draft.Description);
        Set(c, "$created_at", created.UtcTicks);
        Set(c, "$updated_at", updatedAt.UtcTicks);
        Set(c, "$issued_at", issuedAt?.UtcTicks);
        Set(c, "$due_at", dueAt?.UtcTicks);
        Set(c, "$days_until_due", daysUntilDue);
        Set(c, "$sent_at", sentAt?.UtcTicks);
        Set(c, "$paid_at", paidAt?.UtcTicks);
        Set(c, "$period_start", periodStart?.UtcTicks);
        Set(c, "$period_end", periodEnd?.UtcTicks);
        Set(c, "$discount_amount", discount.Amount);
        Set(c, "$discount_percent", discount.Percent);
        Set(c, "$subtotal", totals.Subtotal);
        Set(c, "$discount", totals.Discount);
        Set(c, "$invoice_discount", totals.InvoiceDiscount);
        Set(c, "$tax", totals.Tax);
        Set(c, "$total", totals.Total);
        Set(c, "$amount_paid", amountPaid);
        Set(c, "$credit_applied", 0L);
        Set(c, "$amount_remaining", totals.Total - amountPaid);
        Set(c, "$starting_balance", startingBalance);
        Set(c, "$ending_balance", endingBalance);
        Set(c, "$version", version);

        // Finalization fixes the rate in force that week and who the invoice is addressed to.
        var finalized = issuedAt is not null;
        Set(c, "$usd_per_unit", finalized ? SeedRates.UsdPerUnit(currency, issuedAt!.Value) : null);
        Set(c, "$bill_to_name", finalized ? customer.Name : null);
        Set(c, "$bill_to_company", finalized ? customer.Company : null);
        Set(c, "$bill_to_email", finalized ? customer.Email : null);
        Set(c, "$bill_to_phone", finalized ? customer.Phone : null);
        Set(c, "$bill_to_line1", finalized ? customer.Address?.Line1 : null);
        Set(c, "$bill_to_city", finalized ? customer.Address?.City : null);
        Set(c, "$bill_to_region", finalized ? customer.Address?.Region : null);
        Set(c, "$bill_to_postal_code", finalized ? customer.Address?.PostalCode : null);
        Set(c, "$bill_to_country", finalized ? customer.Address?.Country : null);
        c.ExecuteNonQuery();

        for (var position = 0; position < specs.Count; position++)
        {
            var spec = specs[position];
            var line = totals.Lines[position];
            Set(itemCommand, "$id", Uuid7.Stored(_ids.Next(created)));
            Set(itemCommand, "$invoice_id", Uuid7.Stored(id));
            Set(itemCommand, "$position", position);
            Set(itemCommand, "$description", spec.Description);
            Set(itemCommand, "$quantity", spec.Quantity);
            Set(itemCommand, "$unit_amount", spec.UnitAmount);
            Set(itemCommand, "$discount_amount", spec.DiscountAmount);
            Set(itemCommand, "$discount_percent", spec.DiscountPercent);
            Set(itemCommand, "$tax_rate", spec.TaxRate);
            Set(itemCommand, "$tax_inclusive", spec.TaxInclusive);
            Set(itemCommand, "$period_start", spec.PeriodStart?.UtcTicks);
            Set(itemCommand, "$period_end", spec.PeriodEnd?.UtcTicks);
            Set(itemCommand, "$product_ref", spec.ProductRef);
            Set(itemCommand, "$amount", line.Amount);
            Set(itemCommand, "$discount", line.Discount);
            Set(itemCommand, "$invoice_discount", line.InvoiceDiscount);
            Set(itemCommand, "$tax", line.Tax);
            Set(itemCommand, "$total", line.Total);
            itemCommand.ExecuteNonQuery();
        }

        return id;
    }

    private LineItemSpec NextLine(string currency, int position, bool periodic, DateTimeOffset? periodStart, DateTimeOffset? periodEnd)
    {
        var product = Products[_random.Next(Products.Length)];
        var quantity = Quantities[_random.Next(Quantities.Length)];
        var unitAmount = currency == "JPY" ? _random.Next(5, 5_000) * 10L : _random.Next(5_00, 2_500_00);
        var (taxRate, inclusive) = currency switch
        {
            "USD" => (_random.Next(2) == 0 ? 0m : 8.875m, false),
            "EUR" => (_random.Next(5) == 0 ? 7m : 19m, false),
            _ => (10m, true),
        };
        var discountRoll = _random.Next(100);
        long? discountAmount = discountRoll < 5 ? Math.Min(unitAmount / 10, 50_00) : null;
        decimal? discountPercent = discountRoll is >= 5 and < 15 ? (_random.Next(2) == 0 ? 10m : 12.5m) : null;
        return new LineItemSpec(
            position == 0 && periodic ? product + ", monthly" : product,
            quantity,
            unitAmount,
            discountAmount,
            discountPercent,
            taxRate,
            inclusive,
            periodic ? periodStart : null,
            periodic ? periodEnd : null,
            _random.Next(3) == 0 ? string.Create(CultureInfo.InvariantCulture, $"sku-{_random.Next(100, 999)}") : null);
    }

    private sealed record PendingPayment(Guid InvoiceId, Guid CustomerId, string Currency, long Amount, string Method, string? Reference, DateTimeOffset ReceivedAt);
}
