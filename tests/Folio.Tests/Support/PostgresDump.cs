using System.Diagnostics;
using System.Text;
using Npgsql;

namespace Folio.Tests.Support;

/// <summary>
/// A PostgreSQL database as a plain-SQL <c>pg_dump</c>, and back through Npgsql (no psql needed): its SQL runs as written,
/// and each <c>COPY … FROM stdin;</c> block is fed to the server as the COPY it is, as psql would. Lines that are psql's
/// own commands (<c>\restrict</c>, <c>\unrestrict</c>) are not SQL and are passed over.
/// </summary>
public static class PostgresDump
{
    /// <summary>Runs <c>pg_dump</c> (from PATH) on the database the connection string names.</summary>
    public static async Task<string> Dump(string connectionString)
    {
        var target = new NpgsqlConnectionStringBuilder(connectionString);
        var info = new ProcessStartInfo("pg_dump")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = new UTF8Encoding(false),
        };
        foreach (var argument in new[] { "--no-owner", "--no-privileges", "--format=plain", "--encoding=UTF8", "--dbname", target.Database! })
        {
            info.ArgumentList.Add(argument);
        }

        info.Environment["PGHOST"] = target.Host;
        info.Environment["PGPORT"] = target.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        info.Environment["PGUSER"] = target.Username;
        if (target.Password is { } password)
        {
            info.Environment["PGPASSWORD"] = password;
        }

        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"pg_dump failed ({process.ExitCode}): {await error}");
        }

        return await output;
    }

    /// <summary>Runs a plain-SQL dump in the (existing, empty) database the connection string names.</summary>
    public static async Task Restore(string dump, string connectionString)
    {
        // Its own connection: the dump sets the session's search_path and other settings, which must not reach a pool.
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        var sql = new StringBuilder();
        using var lines = new StringReader(dump);
        while (lines.ReadLine() is { } line)
        {
            if (line.StartsWith('\\'))
            {
                continue;
            }

            if (line.StartsWith("COPY ", StringComparison.Ordinal) && line.EndsWith(" FROM stdin;", StringComparison.Ordinal))
            {
                await Execute(connection, sql);
                await using var copy = await connection.BeginTextImportAsync(line);
                while (lines.ReadLine() is { } row && row != "\\.")
                {
                    await copy.WriteAsync(row + "\n");
                }

                continue;
            }

            sql.Append(line).Append('\n');
        }

        await Execute(connection, sql);
    }

    private static async Task Execute(NpgsqlConnection connection, StringBuilder sql)
    {
        if (sql.ToString().Split('\n').All(l => l.Length == 0 || l.StartsWith("--", StringComparison.Ordinal)))
        {
            sql.Clear();
            return;
        }

        await using var command = new NpgsqlCommand(sql.ToString(), connection);
        await command.ExecuteNonQueryAsync();
        sql.Clear();
    }
}
