using System.Globalization;
using Folio.Bench.BulkInsert;

// Folio.Bench.BulkInsert load SQLITE_FILE POSTGRES      the seeded books, from SQLite into a migrated, empty PostgreSQL database
// Folio.Bench.BulkInsert sqlite SOURCE_FILE TARGET_FILE  baseline: SOURCE's invoices and items into TARGET, one transaction of prepared inserts
// Folio.Bench.BulkInsert postgres SOURCE TARGET          baseline: the same with Npgsql binary COPY (connection strings)
// The baselines read every row first and time only the writing; they print "rows: I invoices, J items; seconds: S".
if (args.Length != 3)
{
    await Console.Error.WriteLineAsync("usage: Folio.Bench.BulkInsert load|sqlite|postgres SOURCE TARGET");
    return 2;
}

switch (args[0])
{
    case "load":
        foreach (var (table, rows, seconds) in await PostgresCopy.Load(args[1], args[2], BillRunTables.Books))
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{table}: {rows} rows in {seconds:0.00} s"));
        }

        return 0;
    case "sqlite":
        Print(SqliteInserts.Baseline(args[1], args[2]));
        return 0;
    case "postgres":
        Print(await PostgresCopy.Baseline(args[1], args[2]));
        return 0;
    default:
        await Console.Error.WriteLineAsync($"unknown command {args[0]}");
        return 2;
}

static void Print((long Invoices, long Items, double Seconds) result) =>
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"rows: {result.Invoices} invoices, {result.Items} items; seconds: {result.Seconds:0.000}"));

internal static class BillRunTables
{
    /// <summary>What the seeder writes, parents first.</summary>
    public static readonly string[] Books = ["customers", "products", "prices", "exchange_rates", "subscriptions", "subscription_items"];

    /// <summary>What the bill run writes and the baseline inserts, parents first.</summary>
    public static readonly string[] Written = ["invoices", "invoice_items"];
}
