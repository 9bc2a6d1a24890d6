using System.Text.RegularExpressions;

namespace Folio.Tests.Data;

/// <summary>
/// What differs between SQLite and PostgreSQL lives behind <c>DatabaseEngine</c>, in src/Folio.Server/Data/Sqlite and
/// src/Folio.Server/Data/Postgres: no other source file names an engine's client library or provider, or asks which
/// engine it is on. The generated migrations are each one engine's by nature.
/// </summary>
public sealed partial class EngineSeamTests
{
    private static readonly string[] EngineFolders = ["src/Folio.Server/Data/Sqlite/", "src/Folio.Server/Data/Postgres/"];

    private const string GeneratedMigrations = "src/Folio.Migrations.";

    [Fact]
    public void No_source_file_outside_the_engine_folders_imports_an_engine_or_asks_which_one_is_in_use()
    {
        var offences = EngineSpecificLines(path => !path.StartsWith(GeneratedMigrations, StringComparison.Ordinal) && !InEngineFolder(path));

        Assert.True(offences.Count == 0, $"Engine-specific code outside {string.Join(" and ", EngineFolders)}; move it behind DatabaseEngine:\n{string.Join('\n', offences)}");
    }

    [Fact]
    public void The_scan_finds_each_engine_in_its_own_folder()
    {
        // Without this, a moved folder or a pattern that matches nothing would let the test above pass on anything.
        var found = EngineSpecificLines(InEngineFolder);

        Assert.Contains(found, line => line.StartsWith(EngineFolders[0], StringComparison.Ordinal) && line.Contains("using Microsoft.Data.Sqlite;", StringComparison.Ordinal));
        Assert.Contains(found, line => line.StartsWith(EngineFolders[1], StringComparison.Ordinal) && line.Contains("using Npgsql;", StringComparison.Ordinal));
    }

    private static bool InEngineFolder(string path) => EngineFolders.Any(folder => path.StartsWith(folder, StringComparison.Ordinal));

    /// <summary>Every line under src/ of the files <paramref name="scanned"/> picks that is engine-specific, as "path:line: text".</summary>
    private static List<string> EngineSpecificLines(Func<string, bool> scanned)
    {
        var root = RepositoryRoot();
        return [.. Directory.EnumerateFiles(Path.Combine(root, "src"), "*.cs", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(root, path).Replace('\\', '/'))
            .Where(path => !path.Contains("/bin/", StringComparison.Ordinal) && !path.Contains("/obj/", StringComparison.Ordinal) && scanned(path))
            .Order(StringComparer.Ordinal)
            .SelectMany(path => File.ReadLines(Path.Combine(root, path))
                .Select((text, index) => (Text: text, Number: index + 1))
                .Where(line => EngineSpecific().IsMatch(line.Text))
                .Select(line => $"{path}:{line.Number}: {line.Text.Trim()}"))];
    }

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Folio.slnx")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"No Folio.slnx above {AppContext.BaseDirectory}: the test runs from the repository's build output.");
    }

    // A using directive (global, static or alias too) of an engine's client library or EF provider, a name qualified by one
    // (Npgsql.NpgsqlConnection), EF's provider checks (IsNpgsql(), IsSqlite()) and provider choices (UseNpgsql(), UseSqlite()).
    [GeneratedRegex(
        @"^\s*(global\s+)?using\s+(static\s+)?(\w+\s*=\s*)?(Npgsql|Microsoft\.Data\.Sqlite|Microsoft\.EntityFrameworkCore\.Sqlite)\b"
        + @"|\b(Npgsql|Microsoft\.Data\.Sqlite|Microsoft\.EntityFrameworkCore\.Sqlite)\.[A-Z]"
        + @"|\b(Is|Use)(Npgsql|Sqlite)\s*\(",
        RegexOptions.CultureInvariant)]
    private static partial Regex EngineSpecific();
}
