using System.Diagnostics;
using System.Globalization;
using Folio.Bench.Seed;
using Microsoft.Data.Sqlite;

// Folio.Bench.Seed DATABASE IDS_DIR [--customers N] [--invoices-per-customer N] [--sample N] [--seed N]
// Fills a freshly migrated, empty Folio SQLite database and writes the ids the load phase needs to IDS_DIR.
// Folio.Bench.Seed DATABASE --subscriptions N --as-of T [--seed N]: the books of the bill-run benchmark instead.
if (args.Contains("--subscriptions"))
{
    return await SubscriptionBooks.Seed(args);
}

if (args.Length < 2 || args[0].StartsWith('-') || args[1].StartsWith('-'))
{
    await Console.Error.WriteLineAsync("usage: Folio.Bench.Seed DATABASE IDS_DIR [--customers 1000] [--invoices-per-customer 100] [--sample 10000] [--seed 42]");
    return 2;
}

var settings = new SeedSettings(args[0], args[1]);
for (var i = 2; i < args.Length; i += 2)
{
    var value = i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : throw new ArgumentException($"{args[i]} needs a value.");
    settings = args[i] switch
    {
        "--customers" => settings with { Customers = value },
        "--invoices-per-customer" => settings with { InvoicesPerCustomer = value },
        "--sample" => settings with { Sample = value },
        "--seed" => settings with { Seed = value },
        _ => throw new ArgumentException($"Unknown option {args[i]}."),
    };
}

if (!File.Exists(settings.Database))
{
    await Console.Error.WriteLineAsync($"{settings.Database} does not exist: run `folio migrate` on it first.");
    return 1;
}

var watch = Stopwatch.StartNew();
var connectionString = new SqliteConnectionStringBuilder
{
    DataSource = settings.Database,
    Mode = SqliteOpenMode.ReadWrite,
    ForeignKeys = true,
    Pooling = false,
}.ToString();

await using (var connection = new SqliteConnection(connectionString))
{
    connection.Open();
    using (var pragmas = connection.CreateCommand())
    {
        pragmas.CommandText = "PRAGMA cache_size = -262144; PRAGMA temp_store = MEMORY; PRAGMA synchronous = OFF;";
        pragmas.ExecuteNonQuery();
    }

    using (var check = connection.CreateCommand())
    {
        check.CommandText = "SELECT (SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'invoices'), (SELECT COUNT(*) FROM customers), (SELECT COUNT(*) FROM invoices)";
        try
        {
            using var reader = check.ExecuteReader();
            reader.Read();
            if (reader.GetInt64(1) + reader.GetInt64(2) > 0)
            {
                await Console.Error.WriteLineAsync($"{settings.Database} already has customers or invoices: seed a freshly migrated database.");
                return 1;
            }
        }
        catch (SqliteException e)
        {
            await Console.Error.WriteLineAsync($"{settings.Database} is not a migrated Folio database ({e.Message}): run `folio migrate` first.");
            return 1;
        }
    }

    var result = new Seeder(connection, settings).Run();
    Console.WriteLine(result.Summary);
    Directory.CreateDirectory(settings.IdsDirectory);
    await File.WriteAllLinesAsync(Path.Combine(settings.IdsDirectory, "customers.txt"), result.CustomerIds.Select(id => id.ToString()));
    await File.WriteAllLinesAsync(Path.Combine(settings.IdsDirectory, "organizations.txt"), result.OrganizationIds.Select(id => id.ToString()));
    await File.WriteAllLinesAsync(Path.Combine(settings.IdsDirectory, "invoices.txt"), result.InvoiceSample.Select(id => id.ToString()));
    await File.WriteAllLinesAsync(Path.Combine(settings.IdsDirectory, "parity.txt"), result.ParityInvoices.Select(id => id.ToString()));

    using var verify = connection.CreateCommand();
    verify.CommandText = """
        SELECT
          (SELECT COUNT(*) FROM customers),
          (SELECT COUNT(*) FROM invoices),
          (SELECT COUNT(*) FROM invoice_items),
          (SELECT COUNT(*) FROM payments),
          (SELECT COUNT(*) FROM invoices i JOIN customers c ON c.id = i.customer_id
           WHERE i.total <> (SELECT SUM(t.total) FROM invoice_items t WHERE t.invoice_id = i.id)
              OR i.amount_remaining <> i.total - i.credit_applied - i.amount_paid
              OR i.amount_paid <> COALESCE((SELECT SUM(p.amount - p.credited_to_balance) FROM payments p WHERE p.invoice_id = i.id), 0)
              OR i.organization_id IS NOT COALESCE(c.organization_id, c.id)
              OR (i.issued_at IS NULL) <> (i.status = 'draft')
              OR (i.usd_per_unit IS NULL) <> (i.status = 'draft')
              OR (i.bill_to_name IS NULL) <> (i.status = 'draft')
              OR (i.status <> 'draft' AND i.bill_to_name IS NOT c.name)
              OR (i.currency = 'USD' AND CAST(i.usd_per_unit AS REAL) <> 1)),
          (SELECT COUNT(*) FROM customers WHERE kind = 'organization'),
          (SELECT COUNT(*) FROM exchange_rates),
          (SELECT MAX(n) FROM (SELECT COUNT(*) AS n FROM invoices WHERE status IN ('open', 'uncollectible') GROUP BY organization_id))
        """;
    using (var reader = verify.ExecuteReader())
    {
        reader.Read();
        var inconsistent = reader.GetInt64(4);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Stored: {reader.GetInt64(0)} customers ({reader.GetInt64(5)} organizations), {reader.GetInt64(1)} invoices, {reader.GetInt64(2)} items, {reader.GetInt64(3)} payments, {reader.GetInt64(6)} exchange rates; at most {reader.GetInt64(7)} unpaid invoices per organization; {inconsistent} inconsistent invoices."));
        if (inconsistent != 0)
        {
            return 1;
        }
    }

    using var checkpoint = connection.CreateCommand();
    checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
    checkpoint.ExecuteNonQuery();
}

Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Seeded {settings.Database} in {watch.Elapsed.TotalSeconds:0.0} s; ids in {settings.IdsDirectory}/customers.txt and invoices.txt."));
return 0;

internal sealed record SeedSettings(string Database, string IdsDirectory, int Customers = 1000, int InvoicesPerCustomer = 100, int Sample = 10_000, int Seed = 42);
