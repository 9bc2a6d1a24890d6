using Folio.Cli;

return await FolioCommands.Build().Parse(args).InvokeAsync();
