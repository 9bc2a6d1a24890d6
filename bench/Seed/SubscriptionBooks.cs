using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Folio.Bench.Seed;

/// <summary><c>DATABASE --subscriptions N --as-of T [--seed N]</c>: seeds and checks the bill-run benchmark's books.</summary>
internal static class SubscriptionBooks
{
    public static async Task<int> Seed(string[] args)
    {
        var database = args[0];
        int? subscriptions = null;
        DateTimeOffset? asOf = null;
        var seed = 42;
        for (var i = 1; i < args.Length; i += 2)
        {
            var value = i + 1 < args.Length ? args[i + 1] : throw new ArgumentException($"{args[i]} needs a value.");
            switch (args[i])
            {
                case "--subscriptions": subscriptions = int.Parse(value, CultureInfo.InvariantCulture); break;
                case "--as-of": asOf = DateTimeOffset.Parse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal).ToUniversalTime(); break;
                case "--seed": seed = int.Parse(value, CultureInfo.InvariantCulture); break;
                default: throw new ArgumentException($"Unknown option {args[i]}.");
            }
        }

        if (subscriptions is not > 0 || asOf is null || !File.Exists(database))
        {
            await Console.Error.WriteLineAsync("usage: Folio.Bench.Seed DATABASE --subscriptions N --as-of 2026-11-24T00:00:00Z [--seed 42] (DATABASE migrated and empty)");
            return 2;
        }

        var watch = Stopwatch.StartNew();
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = database, Mode = SqliteOpenMode.ReadWrite, ForeignKeys = true, Pooling = false }.ToString());
        connection.Open();
        using (var pragmas = connection.CreateCommand())
        {
            pragmas.CommandText = "PRAGMA cache_size = -262144; PRAGMA temp_store = MEMORY; PRAGMA synchronous = OFF;";
            pragmas.ExecuteNonQuery();
        }

        using (var check = connection.CreateCommand())
        {
            check.CommandText = "SELECT (SELECT COUNT(*) FROM customers) + (SELECT COUNT(*) FROM subscriptions) + (SELECT COUNT(*) FROM prices)";
            if ((long)check.ExecuteScalar()! != 0)
            {
                await Console.Error.WriteLineAsync($"{database} already has books: seed a freshly migrated database.");
                return 1;
            }
        }

        Console.WriteLine(new SubscriptionSeeder(connection, subscriptions.Value, asOf.Value, seed).Run());
        using (var verify = connection.CreateCommand())
        {
            // Every subscription has items of its own currency and cycle, and exactly one period (0) due at as_of.
            verify.CommandText = """
                SELECT COUNT(*) FROM subscriptions s
                WHERE s.next_bill_at > $as_of
                   OR NOT EXISTS (SELECT 1 FROM subscription_items i WHERE i.subscription_id = s.id)
                   OR EXISTS (SELECT 1 FROM subscription_items i JOIN prices p ON p.id = i.price_id
                              WHERE i.subscription_id = s.id AND (p.currency <> s.currency OR p.recurring_interval <> s.interval))
                """;
            verify.Parameters.AddWithValue("$as_of", asOf.Value.UtcTicks);
            var wrong = (long)verify.ExecuteScalar()!;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{wrong} inconsistent subscriptions."));
            if (wrong != 0)
            {
                return 1;
            }
        }

        using (var checkpoint = connection.CreateCommand())
        {
            checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
            checkpoint.ExecuteNonQuery();
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Seeded {database} in {watch.Elapsed.TotalSeconds:0.0} s."));
        return 0;
    }
}
