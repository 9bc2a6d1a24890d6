using System.Data.Common;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Folio.Data.Postgres;
using Folio.Tests.Support;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Folio.Tests.Data;

/// <summary>
/// The fixtures of the upgrade test (Data/Upgrade, see its README): per engine, books written by a released Folio as a
/// dump, what is needed to call them (the instant they were recorded at, the keys' secrets, the migrations applied) and
/// the responses that release gave.
/// </summary>
internal static class UpgradeFixtures
{
    public const string SqliteEngine = "sqlite";
    public const string PostgresEngine = "postgres";

    public const string BooksFile = "books.json";
    public const string ResponsesFile = "responses.txt";

    /// <summary>The file of the dump: SQL text in both cases (SQLite's own dump, or pg_dump's plain format).</summary>
    public const string DumpFile = "folio.sql";

    public static string EngineOf(string setting) => PostgresConnection.IsPostgres(setting) ? PostgresEngine : SqliteEngine;

    /// <summary>The fixtures of an engine as copied next to the test assembly.</summary>
    public static string Folder(string engine) => Path.Combine(AppContext.BaseDirectory, "Data", "Upgrade", engine);

    /// <summary>The books as SQL text: <see cref="SqliteDump"/> for a SQLite file, pg_dump's plain format for PostgreSQL.</summary>
    public static Task<string> Dump(string setting) => PostgresConnection.IsPostgres(setting) ? PostgresDump.Dump(setting) : SqliteDump.Dump(setting);

    /// <summary>Restores a dump into new books: a SQLite file that does not exist yet, or a PostgreSQL database created here.</summary>
    public static async Task Restore(string dump, string setting)
    {
        if (!PostgresConnection.IsPostgres(setting))
        {
            await SqliteDump.Restore(dump, setting);
            return;
        }

        var target = new NpgsqlConnectionStringBuilder(setting);
        await using (var server = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(setting) { Database = "postgres", Pooling = false }.ConnectionString))
        {
            await server.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{target.Database}\"", server);
            await create.ExecuteNonQueryAsync();
        }

        await PostgresDump.Restore(dump, setting);
    }

    /// <summary>A dump without psql's own commands (pg_dump's \restrict and \unrestrict lines carry a new random key each time).</summary>
    public static string WithoutPsqlCommands(string dump) => string.Join('\n', dump.Split('\n').Where(l => !l.StartsWith('\\')));

    /// <summary>Serves the books at <paramref name="instant"/> (without migrating them) and sends each request in turn.</summary>
    public static async Task<List<RecordedResponse>> Replay(string setting, DateTimeOffset instant, IReadOnlyDictionary<string, string> keys, IReadOnlyList<RecordedRequest> requests)
    {
        var app = FolioApp.OnExisting(setting, instant);
        await app.InitializeAsync();
        try
        {
            var client = app.Client(null);
            var responses = new List<RecordedResponse>();
            foreach (var request in requests)
            {
                responses.Add(await request.Send(client, keys));
            }

            return responses;
        }
        finally
        {
            await app.DisposeAsync();
        }
    }

    /// <summary>The migrations applied to the books, in order.</summary>
    public static async Task<List<string>> MigrationHistory(string setting) =>
        [.. (await Query(setting, "SELECT \"MigrationId\" FROM ef_migrations_history ORDER BY \"MigrationId\"")).Select(r => r[0]!)];

    /// <summary>
    /// The schema as lines (sorted): every column with its type, nullability, default and key; every index with its columns;
    /// on PostgreSQL every constraint. Column order is left out: a table altered by a migration may list its columns in
    /// another order than a new one.
    /// </summary>
    public static async Task<List<string>> Schema(string setting)
    {
        var lines = new List<string>();
        if (PostgresConnection.IsPostgres(setting))
        {
            lines.AddRange((await Query(setting, """
                SELECT table_name, column_name, data_type, udt_name, is_nullable, coalesce(column_default, ''), coalesce(character_maximum_length::text, ''),
                       coalesce(numeric_precision::text, ''), coalesce(numeric_scale::text, ''), coalesce(datetime_precision::text, ''), is_identity
                FROM information_schema.columns WHERE table_schema = 'public'
                """)).Select(r => $"column {r[0]}.{r[1]}: {r[2]} ({r[3]}) nullable={r[4]} default={r[5]} length={r[6]} precision={r[7]},{r[8]} time_precision={r[9]} identity={r[10]}"));
            lines.AddRange((await Query(setting, "SELECT tablename, indexname, indexdef FROM pg_indexes WHERE schemaname = 'public'"))
                .Select(r => $"index {r[0]}.{r[1]}: {r[2]}"));
            lines.AddRange((await Query(setting, """
                SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid) FROM pg_constraint WHERE connamespace = 'public'::regnamespace
                """)).Select(r => $"constraint {r[0]}.{r[1]}: {r[2]}"));
        }
        else
        {
            const string Tables = "FROM sqlite_master m WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite%'";
            lines.AddRange((await Query(setting, $"SELECT m.name, p.name, p.type, p.\"notnull\", coalesce(p.dflt_value, ''), p.pk {Tables.Replace("WHERE", "JOIN pragma_table_info(m.name) p WHERE", StringComparison.Ordinal)}"))
                .Select(r => $"column {r[0]}.{r[1]}: {r[2]} notnull={r[3]} default={r[4]} pk={r[5]}"));
            lines.AddRange((await Query(setting, $"""
                SELECT m.name, i.name, i."unique", i.origin, i.partial,
                       (SELECT group_concat(coalesce(c.name, '<expression>'), ',') FROM (SELECT name FROM pragma_index_info(i.name) ORDER BY seqno) c)
                {Tables.Replace("WHERE", "JOIN pragma_index_list(m.name) i WHERE", StringComparison.Ordinal)}
                """)).Select(r => $"index {r[0]}.{r[1]}: unique={r[2]} origin={r[3]} partial={r[4]} columns={r[5]}"));
            lines.AddRange((await Query(setting, $"""
                SELECT m.name, f."table", f."from", coalesce(f."to", ''), f.on_update, f.on_delete
                {Tables.Replace("WHERE", "JOIN pragma_foreign_key_list(m.name) f WHERE", StringComparison.Ordinal)}
                """)).Select(r => $"foreign key {r[0]}.{r[2]} -> {r[1]}.{r[3]} on update {r[4]} on delete {r[5]}"));
        }

        lines.Sort(StringComparer.Ordinal);
        return lines;
    }

    private static async Task<List<string?[]>> Query(string setting, string sql)
    {
        await using DbConnection connection = PostgresConnection.IsPostgres(setting)
            ? new NpgsqlConnection(new NpgsqlConnectionStringBuilder(setting) { Pooling = false }.ConnectionString)
            : new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = setting, Mode = SqliteOpenMode.ReadWrite, Pooling = false }.ToString());
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string?[]>();
        while (await reader.ReadAsync())
        {
            var row = new string?[reader.FieldCount];
            for (var i = 0; i < row.Length; i++)
            {
                row[i] = reader.IsDBNull(i) ? null : Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture);
            }

            rows.Add(row);
        }

        return rows;
    }
}

/// <summary>What the test needs besides the dump: when the responses were recorded, the keys' secrets, the migrations applied.</summary>
internal sealed record UpgradeBooks(string Commit, DateTimeOffset Instant, IReadOnlyDictionary<string, string> Keys, IReadOnlyList<string> Migrations)
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public static UpgradeBooks Read(string folder) =>
        JsonSerializer.Deserialize<UpgradeBooks>(File.ReadAllText(Path.Combine(folder, UpgradeFixtures.BooksFile)), Json)!;

    public void Write(string folder) => File.WriteAllText(Path.Combine(folder, UpgradeFixtures.BooksFile), JsonSerializer.Serialize(this, Json) + "\n");
}

/// <summary>A GET, with the key (by its name in <see cref="UpgradeBooks.Keys"/>) sent as <c>Authorization: Bearer</c> or in the header named.</summary>
internal sealed partial record RecordedRequest(string Path, string Key, string Header = RecordedRequest.Bearer)
{
    public const string Bearer = "Authorization";

    public async Task<RecordedResponse> Send(HttpClient client, IReadOnlyDictionary<string, string> keys)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(Path, UriKind.Relative));
        if (Header == Bearer)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", keys[Key]);
        }
        else
        {
            request.Headers.Add(Header, keys[Key]);
        }

        using var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsByteArrayAsync();
        var type = response.Content.Headers.TryGetValues("Content-Type", out var types) ? string.Join(", ", types) : null;
        if (type?.StartsWith("application/problem+json", StringComparison.Ordinal) == true)
        {
            body = Encoding.UTF8.GetBytes(TraceId().Replace(Encoding.UTF8.GetString(body), MaskedTraceId));
        }

        return new RecordedResponse(this, (int)response.StatusCode, type, response.Headers.TryGetValues("ETag", out var etag) ? string.Join(", ", etag) : null, body);
    }

    /// <summary>A problem's trace_id (W3C trace context) is new with every request; it is recorded and compared as this, of the same length.</summary>
    public const string MaskedTraceId = "\"trace_id\":\"00-00000000000000000000000000000000-0000000000000000-00\"";

    [GeneratedRegex("\"trace_id\":\"00-[0-9a-f]{32}-[0-9a-f]{16}-0[0-9a-f]\"")]
    private static partial Regex TraceId();
}

/// <summary>
/// A response as recorded: status, Content-Type, ETag and the body's exact bytes. Written as text, one record after
/// another:
/// <code>
/// GET /v1/invoices?limit=5
/// key: admin Authorization
/// status: 200
/// content-type: application/json; charset=utf-8
/// etag: "v3"            (only when the response has one)
/// body: 1234            (the body's length in bytes; the body follows on the next line, then an empty line)
/// </code>
/// Lines starting with # before the first record are comments.
/// </summary>
internal sealed record RecordedResponse(RecordedRequest Request, int Status, string? ContentType, string? ETag, byte[] Body)
{
    public string BodyText => Encoding.UTF8.GetString(Body);

    /// <summary>Whether everything recorded is the same, byte for byte.</summary>
    public bool SameAs(RecordedResponse other) =>
        Request == other.Request && Status == other.Status && ContentType == other.ContentType && ETag == other.ETag && Body.AsSpan().SequenceEqual(other.Body);

    /// <summary>What differs from <paramref name="expected"/>, in words; empty when nothing does.</summary>
    public string Difference(RecordedResponse expected)
    {
        var differences = new List<string>();
        if (Status != expected.Status)
        {
            differences.Add($"status {Status}, expected {expected.Status}");
        }

        if (ContentType != expected.ContentType)
        {
            differences.Add($"Content-Type {ContentType ?? "(none)"}, expected {expected.ContentType ?? "(none)"}");
        }

        if (ETag != expected.ETag)
        {
            differences.Add($"ETag {ETag ?? "(none)"}, expected {expected.ETag ?? "(none)"}");
        }

        if (!Body.AsSpan().SequenceEqual(expected.Body))
        {
            var at = Body.AsSpan().CommonPrefixLength(expected.Body);
            string Around(byte[] body) => Encoding.UTF8.GetString(body, Math.Max(0, at - 60), Math.Min(body.Length, at + 60) - Math.Max(0, at - 60));
            differences.Add($"body differs from byte {at} ({Body.Length} bytes, expected {expected.Body.Length}):\n    got      …{Around(Body)}…\n    expected …{Around(expected.Body)}…");
        }

        return string.Join("; ", differences);
    }

    public static byte[] Write(string header, IEnumerable<RecordedResponse> responses)
    {
        using var output = new MemoryStream();
        void Line(string text) => output.Write(Encoding.UTF8.GetBytes(text + "\n"));
        foreach (var comment in header.Split('\n'))
        {
            Line("# " + comment);
        }

        foreach (var response in responses)
        {
            Line(string.Empty);
            Line($"GET {response.Request.Path}");
            Line($"key: {response.Request.Key} {response.Request.Header}");
            Line($"status: {response.Status.ToString(CultureInfo.InvariantCulture)}");
            if (response.ContentType is not null)
            {
                Line($"content-type: {response.ContentType}");
            }

            if (response.ETag is not null)
            {
                Line($"etag: {response.ETag}");
            }

            Line($"body: {response.Body.Length.ToString(CultureInfo.InvariantCulture)}");
            output.Write(response.Body);
            Line(string.Empty);
        }

        return output.ToArray();
    }

    public static List<RecordedResponse> Read(byte[] file)
    {
        var responses = new List<RecordedResponse>();
        var at = 0;
        string? Line()
        {
            if (at >= file.Length)
            {
                return null;
            }

            var end = Array.IndexOf(file, (byte)'\n', at);
            if (end < 0)
            {
                throw new FormatException($"The recorded responses end without a line break at byte {at}.");
            }

            var line = Encoding.UTF8.GetString(file, at, end - at);
            at = end + 1;
            return line;
        }

        while (Line() is { } line)
        {
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            if (!line.StartsWith("GET ", StringComparison.Ordinal))
            {
                throw new FormatException($"Expected a request line before byte {at}, found: {line}");
            }

            var path = line["GET ".Length..];
            var fields = new Dictionary<string, string>(StringComparer.Ordinal);
            while (Line() is { } field)
            {
                var colon = field.IndexOf(": ", StringComparison.Ordinal);
                if (colon < 0)
                {
                    throw new FormatException($"Expected a field of {path}, found: {field}");
                }

                fields[field[..colon]] = field[(colon + 2)..];
                if (field.StartsWith("body: ", StringComparison.Ordinal))
                {
                    break;
                }
            }

            var length = int.Parse(fields["body"], CultureInfo.InvariantCulture);
            var body = file.AsSpan(at, length).ToArray();
            at += length;
            if (Line() != string.Empty)
            {
                throw new FormatException($"The body of {path} is not followed by a line break.");
            }

            var key = fields["key"].Split(' ', 2);
            responses.Add(new RecordedResponse(
                new RecordedRequest(path, key[0], key[1]),
                int.Parse(fields["status"], CultureInfo.InvariantCulture),
                fields.GetValueOrDefault("content-type"),
                fields.GetValueOrDefault("etag"),
                body));
        }

        return responses;
    }
}
