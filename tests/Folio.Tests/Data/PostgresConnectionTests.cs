using Folio.Data.Postgres;

namespace Folio.Tests.Data;

/// <summary>What FOLIO_DATABASE names: a PostgreSQL server in either of its usual spellings, or else a SQLite file.</summary>
public sealed class PostgresConnectionTests
{
    [Theory]
    [InlineData("Host=db;Database=folio;Username=folio", true)]
    [InlineData("postgres://folio@db/folio", true)]
    [InlineData("postgresql://folio@db/folio", true)]
    [InlineData("data/folio.db", false)]
    [InlineData("Data Source=/var/lib/folio/folio.db", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void A_setting_names_postgres_only_in_keyword_or_uri_form(string? setting, bool postgres) =>
        Assert.Equal(postgres, PostgresConnection.IsPostgres(setting));

    [Fact]
    public void A_uri_becomes_the_keyword_form_with_its_escapes_undone_and_its_options_kept()
    {
        var keywords = PostgresConnection.ToKeywordForm("postgres://fo%40lio:p%3Ass%2Fw@db.internal:6543/folio%20books?sslmode=require&Timeout=7");
        var parsed = new Npgsql.NpgsqlConnectionStringBuilder(keywords);

        Assert.Equal("db.internal", parsed.Host);
        Assert.Equal(6543, parsed.Port);
        Assert.Equal("fo@lio", parsed.Username);
        Assert.Equal("p:ss/w", parsed.Password);
        Assert.Equal("folio books", parsed.Database);
        Assert.Equal(Npgsql.SslMode.Require, parsed.SslMode);
        Assert.Equal(7, parsed.Timeout);
    }

    [Fact]
    public void A_uri_without_port_or_password_keeps_the_defaults()
    {
        var parsed = new Npgsql.NpgsqlConnectionStringBuilder(PostgresConnection.ToKeywordForm("postgresql://folio@localhost/folio"));

        Assert.Equal("localhost", parsed.Host);
        Assert.Equal(5432, parsed.Port);
        Assert.Equal("folio", parsed.Username);
        Assert.Null(parsed.Password);
    }

    [Fact]
    public void Unless_the_connection_string_says_otherwise_statements_are_prepared_and_connections_are_not_reset()
    {
        var defaults = new Npgsql.NpgsqlConnectionStringBuilder(PostgresConnection.WithDefaults("Host=db;Database=folio"));

        Assert.Equal(PostgresConnection.DefaultMaxAutoPrepare, defaults.MaxAutoPrepare);
        Assert.True(defaults.NoResetOnClose);
    }

    [Fact]
    public void What_the_connection_string_says_wins_over_the_defaults()
    {
        var given = new Npgsql.NpgsqlConnectionStringBuilder(PostgresConnection.WithDefaults("Host=db;Max Auto Prepare=0;No Reset On Close=false"));

        Assert.Equal(0, given.MaxAutoPrepare);
        Assert.False(given.NoResetOnClose);
    }
}
