using System.Text;
using System.Text.RegularExpressions;
using Folio.Data;
using Folio.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Folio.Tests.Data;

/// <summary>
/// Books written by a released Folio (the fixtures in Data/Upgrade: a dump of its books, the keys and the responses it
/// gave, see the README there) are restored into new books, brought up to date by the real <c>folio migrate</c>, and
/// served at the instant the responses were recorded at: every response must be the same, byte for byte (status,
/// Content-Type, ETag and body). No migration of the release may be renamed or lost, no column of its books may change
/// type, the upgraded schema must be the one new books get, and a second <c>folio migrate</c> must change nothing.
/// </summary>
public sealed class UpgradeFromMainTests
{
    [SqliteFact]
    public Task Sqlite_books_of_the_release_upgrade_and_answer_as_they_did() => Upgrade(UpgradeFixtures.SqliteEngine);

    [PostgresFact]
    public Task Postgres_books_of_the_release_upgrade_and_answer_as_they_did() => Upgrade(UpgradeFixtures.PostgresEngine);

    private static async Task Upgrade(string engine)
    {
        var fixtures = UpgradeFixtures.Folder(engine);
        var books = UpgradeBooks.Read(fixtures);
        var dump = await File.ReadAllTextAsync(Path.Combine(fixtures, UpgradeFixtures.DumpFile));
        var recorded = RecordedResponse.Read(await File.ReadAllBytesAsync(Path.Combine(fixtures, UpgradeFixtures.ResponsesFile)));
        Assert.NotEmpty(recorded);
        var folder = Directory.CreateTempSubdirectory("folio-upgrade-");
        try
        {
            await using var database = ProcessDatabase.In(folder.FullName, "upgrade");
            Assert.Equal(engine, UpgradeFixtures.EngineOf(database.Setting));
            await UpgradeFixtures.Restore(dump, database.Setting);
            Assert.Equal(books.Migrations, await UpgradeFixtures.MigrationHistory(database.Setting));
            if (engine == UpgradeFixtures.SqliteEngine)
            {
                Assert.Equal(dump, await SqliteDump.Dump(database.Setting));
            }

            var released = await UpgradeFixtures.Schema(database.Setting);

            var migrate = await FolioProcess.Run(folder.FullName, "migrate", "--database", database.Setting);
            Assert.True(migrate.ExitCode == 0 && !(migrate.Output + migrate.Error).Contains("fail:", StringComparison.Ordinal), $"folio migrate failed: {migrate.Output}{migrate.Error}");
            var history = await UpgradeFixtures.MigrationHistory(database.Setting);
            List<string> known;
            await using (var db = DatabaseSetup.Open(database.Setting))
            {
                known = [.. db.Database.GetMigrations()];
            }

            Assert.Equal(books.Migrations, history.Take(books.Migrations.Count));
            Assert.Equal(known, history);
            var upgraded = await UpgradeFixtures.Schema(database.Setting);
            var changed = released.Where(l => l.StartsWith("column ", StringComparison.Ordinal)).Except(upgraded).ToList();
            Assert.True(changed.Count == 0, "columns of the released books changed or went:\n" + string.Join("\n", changed));
            await using (var fresh = ProcessDatabase.In(folder.FullName, "fresh"))
            {
                Assert.Equal(0, (await FolioProcess.Run(folder.FullName, "migrate", "--database", fresh.Setting)).ExitCode);
                var made = await UpgradeFixtures.Schema(fresh.Setting);
                Assert.True(made.SequenceEqual(upgraded), "the upgraded books' schema is not the one new books get:\n"
                    + string.Join("\n", upgraded.Except(made).Select(l => "  upgraded only: " + l).Concat(made.Except(upgraded).Select(l => "  new books only: " + l))));
            }

            var rows = await Fingerprint(database.Setting);
            var again = await FolioProcess.Run(folder.FullName, "migrate", "--database", database.Setting);
            Assert.Equal(0, again.ExitCode);
            Assert.Contains("The database is up to date.", again.Output, StringComparison.Ordinal);
            Assert.Equal(history, await UpgradeFixtures.MigrationHistory(database.Setting));
            Assert.Equal(upgraded, await UpgradeFixtures.Schema(database.Setting));
            Assert.Empty((await Fingerprint(database.Setting)).ChangedSince(rows));

            var responses = await UpgradeFixtures.Replay(database.Setting, books.Instant, books.Keys, [.. recorded.Select(r => r.Request)]);
            var differences = recorded.Zip(responses).Select(p => ReleasedPageTokens.Difference(p.Second, p.First)).OfType<string>().ToList();
            Assert.True(differences.Count == 0, $"{differences.Count} of {recorded.Count} responses differ from Folio {books.Commit}'s:\n" + string.Join("\n", differences));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static async Task<BooksFingerprint> Fingerprint(string setting)
    {
        await using var db = DatabaseSetup.Open(setting);
        return await BooksFingerprint.Take(db);
    }
}

/// <summary>
/// The one difference from the release that is intended: page tokens are sealed by the key ring since, so the tokens
/// in a response are other text (compared by presence), and a token the release handed out is refused, cleanly, as a
/// 400 problem naming the parameter, never a 500 or a page of something else.
/// </summary>
internal static partial class ReleasedPageTokens
{
    /// <summary>What differs from the release's response, in words; null when nothing else does.</summary>
    public static string? Difference(RecordedResponse got, RecordedResponse expected)
    {
        var name = $"GET {expected.Request.Path} ({expected.Request.Key} key)";
        if (SentToken().Match(expected.Request.Path) is { Success: true } sent)
        {
            var code = sent.Groups["name"].Value == "page" ? "invalid_page" : "invalid_page_token";
            return got.Status == 400 && got.ContentType == "application/problem+json" && got.BodyText.Contains($"\"code\":\"{code}\"", StringComparison.Ordinal)
                ? null
                : $"{name}: a page token of the release should be refused with 400 {code}, not {got.Status} {got.BodyText}";
        }

        var masked = expected with { Body = Mask(expected.Body) };
        var mine = got with { Body = Mask(got.Body) };
        return mine.SameAs(masked) ? null : $"{name}: {mine.Difference(masked)}";
    }

    private static byte[] Mask(byte[] body) =>
        Encoding.UTF8.GetBytes(Link().Replace(Token().Replace(Encoding.UTF8.GetString(body), "\"${name}\":\"(token)\""), "${name}(token)"));

    [GeneratedRegex("\"(?<name>next_page_token|nextPageToken|previousPageToken)\":\"[^\"]+\"")]
    private static partial Regex Token();

    [GeneratedRegex("(?<name>[?&]page=)[^\"&]+")]
    private static partial Regex Link();

    [GeneratedRegex("[?&](?<name>page_token|pageToken|page)=[^&]+")]
    private static partial Regex SentToken();
}
