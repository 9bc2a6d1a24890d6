using Folio.Data;
using Microsoft.EntityFrameworkCore.Design;

namespace Folio.Cli;

/// <summary>
/// Lets <c>dotnet ef</c> build the model of either engine without starting the server. The argument after <c>--</c> is a
/// setting as <c>FOLIO_DATABASE</c> takes it: none (SQLite), or a PostgreSQL connection string, which
/// <c>migrations add</c> never connects to. See the README's "Changing the schema".
/// </summary>
internal sealed class DesignTimeFolioDbFactory : IDesignTimeDbContextFactory<FolioDb>
{
    public FolioDb CreateDbContext(string[] args) => DatabaseSetup.Open(args is [var setting, ..] ? setting : "Data Source=design-time.db");
}
