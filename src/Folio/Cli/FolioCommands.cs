using System.CommandLine;

namespace Folio.Cli;

public static class FolioCommands
{
    /// <summary>Overrides FOLIO_DATABASE for one command.</summary>
    public static readonly Option<string?> Database = new("--database")
    {
        Description = "Database connection string or SQLite file path (default: FOLIO_DATABASE, else data/folio.db).",
        Recursive = true,
    };

    public static RootCommand Build()
    {
        var root = new RootCommand("Folio: a self-hostable invoicing and billing server.");
        root.Options.Add(Database);
        root.Subcommands.Add(ServeCommand.Create());
        root.Subcommands.Add(MigrateCommand.Create());
        root.Subcommands.Add(KeysCommand.Create());
        root.Subcommands.Add(RatesCommand.Create());
        root.Subcommands.Add(CopyCommand.Create());
        root.Subcommands.Add(DemoCommand.Create());
        root.Subcommands.Add(BillRunCommand.Create());
        return root;
    }
}
