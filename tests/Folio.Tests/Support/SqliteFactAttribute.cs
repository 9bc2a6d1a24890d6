namespace Folio.Tests.Support;

/// <summary>A test about SQLite itself (its files, pragmas, statement cache): it runs in the SQLite pass and is skipped in the PostgreSQL one.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class SqliteFactAttribute : FactAttribute
{
    public SqliteFactAttribute()
    {
        if (FolioApp.OnPostgres)
        {
            Skip = "about SQLite itself; it runs in the SQLite pass";
        }
    }
}

/// <summary>A test about PostgreSQL itself (its column types, its row locks): it runs only in the PostgreSQL pass.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (!FolioApp.OnPostgres)
        {
            Skip = $"about PostgreSQL itself; it runs when {FolioApp.PostgresVariable} names a server";
        }
    }
}
