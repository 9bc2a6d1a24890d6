using System.CommandLine;
using Folio.Api;
using Folio.ApiKeys;
using Microsoft.EntityFrameworkCore;

namespace Folio.Cli;

internal static class KeysCommand
{
    public static Command Create()
    {
        var keys = new Command("keys", "Create, list and revoke API keys.");
        keys.Subcommands.Add(CreateKey());
        keys.Subcommands.Add(ListKeys());
        keys.Subcommands.Add(RevokeKey());
        return keys;
    }

    private static Command CreateKey()
    {
        var admin = new Option<bool>("--admin") { Description = "A key that sees and changes everything." };
        var organization = new Option<Guid?>("--organization") { Description = "A read-only key for this organization's books." };
        var name = new Option<string?>("--name") { Description = "A name to recognise the key by." };
        var command = new Command("create", "Create a key and print its secret, alone, on stdout. It is shown only this once.") { admin, organization, name };
        command.Validators.Add(result =>
        {
            if (result.GetValue(admin) == (result.GetValue(organization) is not null))
            {
                result.AddError("Give exactly one of --admin or --organization ID.");
            }
        });
        command.SetAction(async (parse, ct) =>
        {
            await using var app = CliHost.Build(parse.GetValue(FolioCommands.Database));
            using var scope = app.Services.CreateScope();
            var db = await CliHost.ChangingDb(scope, "api_key.create", "api_key", ct);
            var organizationId = parse.GetValue(organization);
            var request = new CreateApiKeyRequest(organizationId is null ? ApiKeyScope.Admin : ApiKeyScope.Organization, parse.GetValue(name), organizationId);
            var outcome = await ApiKeyOperations.Create(db, app.Services.GetRequiredService<TimeProvider>(), request, ct);
            if (!outcome.Succeeded)
            {
                await Console.Error.WriteLineAsync(string.Join(Environment.NewLine, outcome.Violations.Select(v => v.Detail)));
                return 1;
            }

            await Console.Out.WriteLineAsync(outcome.Value.Secret);
            return 0;
        });
        return command;
    }

    private static Command ListKeys()
    {
        var command = new Command("list", "List keys: id, scope, organization, prefix and state; never secrets.");
        command.SetAction(async (parse, ct) =>
        {
            await using var app = CliHost.Build(parse.GetValue(FolioCommands.Database));
            using var scope = app.Services.CreateScope();
            var db = await CliHost.MigratedDb(scope, ct);
            var keys = await db.ApiKeys.AsNoTracking().OrderBy(k => k.Id).ToListAsync(ct);
            await Console.Out.WriteLineAsync($"{"ID",-36}  {"SCOPE",-12}  {"ORGANIZATION",-36}  {"PREFIX",-17}  {"STATE",-7}  NAME");
            foreach (var key in keys)
            {
                await Console.Out.WriteLineAsync(
                    $"{key.Id,-36}  {key.Scope.ToString().ToLowerInvariant(),-12}  {key.OrganizationId?.ToString() ?? "-",-36}  {key.Prefix,-17}  {(key.IsActive ? "active" : "revoked"),-7}  {key.Name}");
            }

            return 0;
        });
        return command;
    }

    private static Command RevokeKey()
    {
        var id = new Argument<string>("id") { Description = "The key's id, as `folio keys list` shows it." };
        var command = new Command("revoke", "Revoke a key; requests with it are refused from now on.") { id };
        command.SetAction(async (parse, ct) =>
        {
            await using var app = CliHost.Build(parse.GetValue(FolioCommands.Database));
            using var scope = app.Services.CreateScope();
            var db = await CliHost.ChangingDb(scope, "api_key.revoke", "api_key", ct);
            var keyId = Ids.Parse(parse.GetValue(id));
            var outcome = keyId is null ? Outcome<ApiKey>.NotFound("api_key_not_found") : await ApiKeyOperations.Revoke(db, app.Services.GetRequiredService<TimeProvider>(), keyId.Value, ct);
            if (!outcome.Succeeded)
            {
                await Console.Error.WriteLineAsync("No key has that id.");
                return 1;
            }

            await Console.Out.WriteLineAsync($"Revoked {outcome.Value!.Id} ({outcome.Value.Name}).");
            return 0;
        });
        return command;
    }
}
