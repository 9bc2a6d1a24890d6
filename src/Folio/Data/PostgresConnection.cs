using Npgsql;

namespace Folio.Data;

/// <summary>Recognizes a PostgreSQL setting and turns its URI form (postgres://user:pass@host:port/db?…) into Npgsql's keyword form.</summary>
public static class PostgresConnection
{
    public static bool IsPostgres(string? setting)
    {
        var value = setting?.Trim() ?? string.Empty;
        return IsUri(value) || value.StartsWith("Host=", StringComparison.OrdinalIgnoreCase) || value.StartsWith("Server=", StringComparison.OrdinalIgnoreCase);
    }

    public static string ToKeywordForm(string setting)
    {
        ArgumentNullException.ThrowIfNull(setting);
        var value = setting.Trim();
        if (!IsUri(value))
        {
            return new NpgsqlConnectionStringBuilder(value).ConnectionString;
        }

        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || string.IsNullOrEmpty(uri.Host))
        {
            throw new InvalidOperationException($"{DatabaseSetup.Setting} is not a valid PostgreSQL URI (postgres://user:password@host:port/database).");
        }

        var builder = new NpgsqlConnectionStringBuilder { Host = uri.Host.Trim('[', ']') };
        if (!uri.IsDefaultPort && uri.Port > 0)
        {
            builder.Port = uri.Port;
        }

        if (uri.UserInfo.Length > 0)
        {
            var separator = uri.UserInfo.IndexOf(':', StringComparison.Ordinal);
            builder.Username = Uri.UnescapeDataString(separator < 0 ? uri.UserInfo : uri.UserInfo[..separator]);
            if (separator >= 0)
            {
                builder.Password = Uri.UnescapeDataString(uri.UserInfo[(separator + 1)..]);
            }
        }

        var database = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/'));
        if (database.Length > 0)
        {
            builder.Database = database;
        }

        foreach (var pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var key = Uri.UnescapeDataString(equals < 0 ? pair : pair[..equals]);
            var parameter = Uri.UnescapeDataString(equals < 0 ? string.Empty : pair[(equals + 1)..]);
            // libpq spells options in lower case without spaces (sslmode); Npgsql accepts those spellings too.
            builder[key] = parameter;
        }

        return builder.ConnectionString;
    }

    private static bool IsUri(string value) =>
        value.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase) || value.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase);
}
