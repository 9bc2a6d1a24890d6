using System.Globalization;
using Folio.Bench.BulkInsert;

// Folio.Bench.BulkInsert load SQLITE_FILE POSTGRES      the seeded books, from SQLite into a migrated, empty PostgreSQL database
// Folio.Bench.BulkInsert sqlite SOURCE_FILE TARGET_FILE [invoices|written]
//     baseline: SOURCE's invoices and items (invoices), or every row the bill run wrote (written: with its events and
//     audit entries), into TARGET, one transaction of prepared inserts
// Folio.Bench.BulkInsert postgres SOURCE TARGET [invoices|written]   baseline: the same with Npgsql binary COPY (connection strings)
// The baselines time only the writing; they print "rows: I invoices, J invoice_items, ...; seconds: S".
if (args.Length is < 3 or > 4 || (args.Length == 4 && args[3] is not ("invoices" or "written")))
{
    await Console.Error.WriteLineAsync("usage: Folio.Bench.BulkInsert load|sqlite|postgres SOURCE TARGET [invoices|written]");
    return 2;
}

var baselineTables = args.Length == 4 && args[3] == "written" ? BillRunTables.Written : BillRunTables.Invoices;

switch (args[0])
{
    case "load":
        foreach (var (table, rows, seconds) in await PostgresCopy.Load(args[1], args[2], BillRunTables.Books))
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{table}: {rows} rows in {seconds:0.00} s"));
        }

        return 0;
    case "sqlite":
        Console.WriteLine(SqliteInserts.Baseline(args[1], args[2], baselineTables));
        return 0;
    case "postgres":
        Console.WriteLine(await PostgresCopy.Baseline(args[1], args[2], baselineTables));
        return 0;
    default:
        await Console.Error.WriteLineAsync($"unknown command {args[0]}");
        return 2;
}

internal static class BillRunTables
{
    /// <summary>What the seeder writes, parents first.</summary>
    public static readonly string[] Books = ["customers", "products", "prices", "exchange_rates", "subscriptions", "subscription_items"];

    /// <summary>The invoices the bill run writes, parents first: the baseline of the figures before events.</summary>
    public static readonly string[] Invoices = ["invoices", "invoice_items"];

    /// <summary>Every row the bill run inserts: its invoices, the events that tell of them and of the subscriptions it moved, its audit entries.</summary>
    public static readonly string[] Written = [.. Invoices, "events", "audit_events"];
}
