using System.Buffers;
using System.Buffers.Text;
using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Data.Common;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Folio.Bench.Baseline;

/// <summary>
/// Serves invoices with one query per request (invoice rows joined with their items, in order), writing the JSON while
/// reading the rows. Minimal mode does what plain hand-written ADO.NET does: a pooled connection and fresh commands per
/// request. Tuned mode keeps sessions (an open connection with its statements prepared once, and a JSON buffer) between
/// requests, which Microsoft.Data.Sqlite does not do by itself: SQLite then never compiles the same SQL twice. On
/// PostgreSQL (a Host=... connection string) the same is done with Npgsql: a data source's pooled connections, and in
/// tuned mode server-side prepared statements.
/// </summary>
internal sealed class InvoiceStore(string database, bool reuseSessions) : IDisposable
{
    private const int DefaultLimit = 25;
    private const int MaxLimit = 100;
    private const string JsonContentType = "application/json; charset=utf-8";

    private readonly bool _postgres = IsPostgres(database);

    private readonly NpgsqlDataSource? _dataSource = IsPostgres(database) ? NpgsqlDataSource.Create(database) : null;

    private readonly string _sqliteConnectionString = IsPostgres(database) ? string.Empty : new SqliteConnectionStringBuilder
    {
        DataSource = database,
        Mode = SqliteOpenMode.ReadWrite,
        ForeignKeys = true,
    }.ToString();

    private readonly ConcurrentBag<Session> _sessions = [];

    public async Task Get(HttpContext context)
    {
        if (!Guid.TryParse(context.Request.RouteValues["id"] as string, out var id))
        {
            await Problem(context, StatusCodes.Status404NotFound, "invoice_not_found");
            return;
        }

        var session = Rent();
        try
        {
            var version = await session.WriteInvoice(id, DateTimeOffset.UtcNow.UtcTicks);
            if (version is null)
            {
                await Problem(context, StatusCodes.Status404NotFound, "invoice_not_found");
                return;
            }

            context.Response.Headers.ETag = string.Create(CultureInfo.InvariantCulture, $"\"v{version}\"");
            await Send(context, session.Json);
        }
        finally
        {
            Return(session);
        }
    }

    public async Task List(HttpContext context)
    {
        var query = context.Request.Query;
        Guid? customerId = null;
        if (query.TryGetValue("customer_id", out var customerText))
        {
            if (!Guid.TryParse(customerText.ToString(), out var parsed))
            {
                await Problem(context, StatusCodes.Status400BadRequest, "invalid_customer_id");
                return;
            }

            customerId = parsed;
        }

        var limit = DefaultLimit;
        if (query.TryGetValue("limit", out var limitText)
            && (!int.TryParse(limitText.ToString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out limit) || limit is < 1 or > MaxLimit))
        {
            await Problem(context, StatusCodes.Status400BadRequest, "invalid_limit");
            return;
        }

        Guid? after = null;
        if (query.TryGetValue("page_token", out var token))
        {
            if (!PageToken.TryDecode(token.ToString(), out var afterId))
            {
                await Problem(context, StatusCodes.Status400BadRequest, "invalid_page_token");
                return;
            }

            after = afterId;
        }

        var session = Rent();
        try
        {
            await session.WritePage(customerId, after, limit, DateTimeOffset.UtcNow.UtcTicks);
            await Send(context, session.Json);
        }
        finally
        {
            Return(session);
        }
    }

    public void Dispose()
    {
        while (_sessions.TryTake(out var session))
        {
            session.Dispose();
        }

        _dataSource?.Dispose();
    }

    private static bool IsPostgres(string database) =>
        database.StartsWith("Host=", StringComparison.OrdinalIgnoreCase) || database.StartsWith("Server=", StringComparison.OrdinalIgnoreCase);

    private static Task Send(HttpContext context, ArrayBufferWriter<byte> json)
    {
        context.Response.ContentType = JsonContentType;
        context.Response.ContentLength = json.WrittenCount;
        return context.Response.Body.WriteAsync(json.WrittenMemory).AsTask();
    }

    private static Task Problem(HttpContext context, int status, string code)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/problem+json";
        return context.Response.WriteAsync(string.Create(CultureInfo.InvariantCulture, $$"""{"status":{{status}},"code":"{{code}}"}"""));
    }

    private Session Rent() => reuseSessions && _sessions.TryTake(out var session)
        ? session
        : new Session(_dataSource is null ? new SqliteConnection(_sqliteConnectionString) : _dataSource.CreateConnection(), _postgres, prepare: reuseSessions || !_postgres);

    private void Return(Session session)
    {
        if (reuseSessions)
        {
            _sessions.Add(session);
        }
        else
        {
            session.Dispose();
        }
    }

    /// <summary>One open connection, its prepared statements, and a JSON buffer; used by one request at a time.</summary>
    private sealed class Session : IDisposable
    {
        private readonly DbConnection _connection;
        private readonly bool _postgres;
        private readonly bool _prepare;
        private DbCommand? _byId;
        private readonly DbCommand?[] _pages = new DbCommand?[4];
        private readonly Utf8JsonWriter _writer;

        // Npgsql keeps a prepared statement on its physical connection across pool rentals, so the minimal PostgreSQL
        // baseline does not prepare at all (as EF Core does not); SQLite compiles every statement either way.
        public Session(DbConnection connection, bool postgres, bool prepare)
        {
            _connection = connection;
            _postgres = postgres;
            _prepare = prepare;
            _connection.Open();
            // ASP.NET Core's JSON output escapes only what JSON requires ("+" stays "+"): the same encoder, for the same bytes.
            _writer = new Utf8JsonWriter(Json, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        }

        public ArrayBufferWriter<byte> Json { get; } = new(16 * 1024);

        /// <summary>Writes the invoice to <see cref="Json"/> and returns its version, or null when there is no such invoice.</summary>
        public async Task<int?> WriteInvoice(Guid id, long nowTicks)
        {
            Reset();
            _byId ??= Prepare(InvoiceSql.ById, "id");
            _byId.Parameters[0].Value = Stored(id);
            await using var reader = await _byId.ExecuteReaderAsync();
            if (!await reader.ReadAsync())
            {
                return null;
            }

            var tail = InvoiceJson.WriteInvoiceStart(_writer, reader, nowTicks);
            do
            {
                InvoiceJson.WriteItem(_writer, reader);
            }
            while (await reader.ReadAsync());

            InvoiceJson.WriteInvoiceEnd(_writer, tail);
            _writer.Flush();
            return tail.Version;
        }

        /// <summary>Writes <c>{"data": [...], "next_page_token": …}</c>: up to limit invoices, newest first, after the cursor.</summary>
        public async Task WritePage(Guid? customerId, Guid? after, int limit, long nowTicks)
        {
            Reset();
            var command = PageCommand(customerId is not null, after is not null);
            command.Parameters["limit"].Value = limit + 1;
            if (customerId is { } customer)
            {
                command.Parameters["customer_id"].Value = Stored(customer);
            }

            if (after is { } afterId)
            {
                command.Parameters["after"].Value = Stored(afterId);
            }

            _writer.WriteStartObject();
            _writer.WriteStartArray("data"u8);
            var count = 0;
            var lastId = Guid.Empty;
            var tail = default(InvoiceTail);
            var more = false;
            await using (var reader = await command.ExecuteReaderAsync())
            {
                while (await reader.ReadAsync())
                {
                    var id = reader.GetGuid(InvoiceJson.Id);
                    if (count == 0 || id != lastId)
                    {
                        if (count > 0)
                        {
                            InvoiceJson.WriteInvoiceEnd(_writer, tail);
                        }

                        if (++count > limit)
                        {
                            more = true;
                            break;
                        }

                        lastId = id;
                        tail = InvoiceJson.WriteInvoiceStart(_writer, reader, nowTicks);
                    }

                    InvoiceJson.WriteItem(_writer, reader);
                }
            }

            if (count > 0 && !more)
            {
                InvoiceJson.WriteInvoiceEnd(_writer, tail);
            }

            _writer.WriteEndArray();
            if (more)
            {
                _writer.WriteString("next_page_token"u8, PageToken.Encode(lastId));
            }
            else
            {
                _writer.WriteNull("next_page_token"u8);
            }

            _writer.WriteEndObject();
            _writer.Flush();
        }

        public void Dispose()
        {
            _writer.Dispose();
            _byId?.Dispose();
            foreach (var command in _pages)
            {
                command?.Dispose();
            }

            _connection.Dispose();
        }

        // Folio keeps Guids as uppercase text in SQLite and as uuid in PostgreSQL.
        private object Stored(Guid id) => _postgres ? id : id.ToString().ToUpperInvariant();

        private void Reset()
        {
            Json.ResetWrittenCount();
            _writer.Reset(Json);
        }

        private DbCommand PageCommand(bool byCustomer, bool hasCursor)
        {
            var index = (byCustomer ? 1 : 0) + (hasCursor ? 2 : 0);
            return _pages[index] ??= (byCustomer, hasCursor) switch
            {
                (true, true) => Prepare(InvoiceSql.PageOfCustomerAfter, "customer_id", "after", "limit"),
                (true, false) => Prepare(InvoiceSql.FirstPageOfCustomer, "customer_id", "limit"),
                (false, true) => Prepare(InvoiceSql.PageAfter, "after", "limit"),
                _ => Prepare(InvoiceSql.FirstPage, "limit"),
            };
        }

        private DbCommand Prepare(string sql, params string[] parameters)
        {
            var command = _connection.CreateCommand();
            command.CommandText = sql;
            foreach (var name in parameters)
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = name;
                parameter.Value = DBNull.Value;
                if (_postgres)
                {
                    // PostgreSQL prepares with the parameter types: name them, as a hand-written query would.
                    ((NpgsqlParameter)parameter).NpgsqlDbType = name == "limit" ? NpgsqlTypes.NpgsqlDbType.Integer : NpgsqlTypes.NpgsqlDbType.Uuid;
                }

                command.Parameters.Add(parameter);
            }

            if (_prepare)
            {
                command.Prepare();
            }

            return command;
        }
    }
}

/// <summary>Folio's page token: base64url of a version byte and the last id, big-endian.</summary>
internal static class PageToken
{
    private const byte Version = 1;

    public static string Encode(Guid lastId)
    {
        Span<byte> bytes = stackalloc byte[17];
        bytes[0] = Version;
        lastId.TryWriteBytes(bytes[1..], bigEndian: true, out _);
        return Base64Url.EncodeToString(bytes);
    }

    public static bool TryDecode(string token, out Guid lastId)
    {
        lastId = Guid.Empty;
        Span<byte> bytes = stackalloc byte[24];
        if (token.Length != 23 || !Base64Url.TryDecodeFromChars(token, bytes, out var written) || written != 17 || bytes[0] != Version)
        {
            return false;
        }

        lastId = new Guid(bytes[1..17], bigEndian: true);
        return true;
    }
}
