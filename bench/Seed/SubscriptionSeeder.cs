using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Folio.Bench.Seed;

/// <summary>
/// The books of the bill-run benchmark: organizations (two subscriptions each), a catalog of 12 products with a monthly
/// and a yearly price in USD, EUR and JPY (some tax-inclusive), the exchange rates of EUR and JPY, and subscriptions of
/// 1 to 5 items (3 on average) of one currency and cycle, each with exactly one period due at <c>asOf</c>: period 0,
/// begun less than one cycle before it. Rows are stored as Folio's EF Core mapping stores them (see <see cref="Seeder"/>),
/// in one transaction of prepared inserts.
/// </summary>
internal sealed class SubscriptionSeeder(SqliteConnection connection, int subscriptions, DateTimeOffset asOf, int seed)
{
    private static readonly string[] ProductNames =
    [
        "Platform subscription", "Seat licence", "Support plan", "API usage tier", "Storage (TB)", "Premium support",
        "Data export", "Analytics add-on", "Audit log", "Single sign-on", "Sandbox environment", "Priority routing",
    ];

    private static readonly string[] Currencies = ["USD", "EUR", "JPY"];

    public string Run()
    {
        var random = new Random(seed);
        var ids = new Uuid7(random);
        var start = asOf.AddYears(-1);
        using var transaction = connection.BeginTransaction();

        // Catalog: price[product, currency, yearly]; EUR prices include VAT, JPY ones on even products, USD never.
        var prices = new (Guid Id, bool Yearly)[ProductNames.Length, Currencies.Length, 2];
        using (var product = Command(transaction, "INSERT INTO products (id, name, description, metadata, created_at, updated_at, archived_at, version) VALUES ($id, $name, NULL, '{}', $at, $at, NULL, 0)"))
        using (var price = Command(transaction, """
            INSERT INTO prices (id, product_id, currency, unit_amount, type, recurring_interval, recurring_interval_count, tax_rate, tax_inclusive,
                                nickname, lookup_key, metadata, created_at, updated_at, archived_at, version)
            VALUES ($id, $product_id, $currency, $unit_amount, 'recurring', $interval, 1, $tax_rate, $tax_inclusive, $nickname, NULL, '{}', $at, $at, NULL, 0)
            """))
        {
            for (var p = 0; p < ProductNames.Length; p++)
            {
                var productId = ids.Next(start);
                Run(product, ("$id", Uuid7.Stored(productId)), ("$name", ProductNames[p]), ("$at", start.UtcTicks));
                for (var c = 0; c < Currencies.Length; c++)
                {
                    for (var y = 0; y < 2; y++)
                    {
                        var monthly = Currencies[c] == "JPY" ? 500 + (p * 370) : 900 + (p * 415);
                        var (taxRate, inclusive) = Currencies[c] switch
                        {
                            "USD" => (p % 3 == 0 ? 0m : 8.25m, false),
                            "EUR" => (p % 2 == 0 ? 19m : 20m, true),
                            _ => (10m, p % 2 == 0),
                        };
                        var priceId = ids.Next(start);
                        prices[p, c, y] = (priceId, y == 1);
                        Run(price, ("$id", Uuid7.Stored(priceId)), ("$product_id", Uuid7.Stored(productId)), ("$currency", Currencies[c]),
                            ("$unit_amount", (long)(y == 1 ? monthly * 10 : monthly)), ("$interval", y == 1 ? "year" : "month"),
                            ("$tax_rate", taxRate.ToString(CultureInfo.InvariantCulture)), ("$tax_inclusive", inclusive ? 1 : 0),
                            ("$nickname", y == 1 ? "Yearly" : "Monthly"), ("$at", start.UtcTicks));
                    }
                }
            }
        }

        using (var rate = Command(transaction, "INSERT INTO exchange_rates (currency, usd_per_unit, updated_at) VALUES ($currency, $usd_per_unit, $at)"))
        {
            Run(rate, ("$currency", "EUR"), ("$usd_per_unit", "1.0842"), ("$at", start.UtcTicks));
            Run(rate, ("$currency", "JPY"), ("$usd_per_unit", "0.006712"), ("$at", start.UtcTicks));
        }

        using var customer = Command(transaction, """
            INSERT INTO customers (id, kind, organization_id, name, company, email, metadata, created_at, updated_at, address_city, address_country,
                                   address_line1, address_postal_code, billing_auto_recharge_enabled, billing_spend_management_enabled, status)
            VALUES ($id, 'organization', NULL, $name, $name, $email, '{}', $at, $at, $city, $country, $line1, $postal_code, 0, 0, 'active')
            """);
        using var subscription = Command(transaction, """
            INSERT INTO subscriptions (id, customer_id, organization_id, currency, start_at, trial_end, billing_anchor, status, cancel_at_period_end,
                                       canceled_at, ended_at, next_period_index, next_bill_at, days_until_due, created_at, updated_at, version,
                                       interval_count, interval)
            VALUES ($id, $customer_id, $customer_id, $currency, $anchor, NULL, $anchor, 'active', 0, NULL, NULL, 0, $anchor, $days_until_due,
                    $anchor, $anchor, 0, 1, $interval)
            """);
        using var item = Command(transaction, """
            INSERT INTO subscription_items (id, subscription_id, price_id, quantity, position, effective_from_period, ends_after_period)
            VALUES ($id, $subscription_id, $price_id, $quantity, $position, 0, NULL)
            """);

        var customerId = Guid.Empty;
        var items = 0;
        var products = Enumerable.Range(0, ProductNames.Length).ToArray();
        for (var s = 0; s < subscriptions; s++)
        {
            var yearly = random.Next(5) == 0;
            // Period 0 begins less than one cycle before as_of, so exactly that period is due.
            var anchor = ToSecond(asOf.AddSeconds(-random.Next(1, yearly ? 360 * 86_400 : 27 * 86_400)));
            if (s % 2 == 0)
            {
                customerId = ids.Next(start);
                var n = s / 2;
                Run(customer, ("$id", Uuid7.Stored(customerId)), ("$name", $"Subscriber {n:D6} Ltd"), ("$email", $"billing@subscriber{n}.example"),
                    ("$at", start.UtcTicks), ("$city", n % 2 == 0 ? "Berlin" : "Austin"), ("$country", n % 2 == 0 ? "DE" : "US"),
                    ("$line1", $"{1 + (n % 200)} Main Street"), ("$postal_code", (10000 + (n % 89999)).ToString(CultureInfo.InvariantCulture)));
            }

            var c = random.Next(10) switch { < 5 => 0, < 8 => 1, _ => 2 };
            var subscriptionId = ids.Next(start);
            Run(subscription, ("$id", Uuid7.Stored(subscriptionId)), ("$customer_id", Uuid7.Stored(customerId)), ("$currency", Currencies[c]),
                ("$anchor", anchor.UtcTicks), ("$days_until_due", random.Next(4) == 0 ? 14 : null), ("$interval", yearly ? "year" : "month"));
            random.Shuffle(products);
            var count = 1 + random.Next(5);
            for (var position = 0; position < count; position++)
            {
                Run(item, ("$id", Uuid7.Stored(ids.Next(start))), ("$subscription_id", Uuid7.Stored(subscriptionId)),
                    ("$price_id", Uuid7.Stored(prices[products[position], c, yearly ? 1 : 0].Id)),
                    ("$quantity", (1 + random.Next(position == 0 ? 20 : 3)).ToString("0.0", CultureInfo.InvariantCulture)), ("$position", position));
                items++;
            }
        }

        transaction.Commit();
        return string.Create(CultureInfo.InvariantCulture,
            $"Stored: {(subscriptions + 1) / 2} customers, {ProductNames.Length} products, {prices.Length} prices, {subscriptions} subscriptions, {items} subscription items, 2 exchange rates; one period due at {asOf:yyyy-MM-dd'T'HH:mm:ss'Z'}.");
    }

    private static DateTimeOffset ToSecond(DateTimeOffset value) => new(value.UtcTicks - (value.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero);

    private SqliteCommand Command(SqliteTransaction transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }

    private static void Run(SqliteCommand command, params (string Name, object? Value)[] values)
    {
        if (command.Parameters.Count == 0)
        {
            foreach (var (name, _) in values)
            {
                command.Parameters.Add(new SqliteParameter(name, null));
            }

            command.Prepare();
        }

        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i].Value ?? DBNull.Value;
        }

        command.ExecuteNonQuery();
    }
}
