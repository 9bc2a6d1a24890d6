using System.CommandLine;
using System.Globalization;
using Folio.ExchangeRates;

namespace Folio.Cli;

internal static class RatesCommand
{
    public static Command Create()
    {
        var rates = new Command("rates", "Set and list the exchange rates to US dollars that finalization fixes on invoices.");
        rates.Subcommands.Add(SetRate());
        rates.Subcommands.Add(ListRates());
        return rates;
    }

    private static Command SetRate()
    {
        var currency = new Argument<string>("currency") { Description = "An ISO 4217 code in capitals, such as EUR." };
        var usdPerUnit = new Argument<string>("usd-per-unit") { Description = "US dollars per one unit of the currency, such as 1.0842 (a dot for decimals)." };
        var command = new Command("set", "Set the rate of a currency; invoices finalized from now on fix it.") { currency, usdPerUnit };
        command.SetAction(async (parse, ct) =>
        {
            if (!decimal.TryParse(parse.GetValue(usdPerUnit), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var rate))
            {
                await Console.Error.WriteLineAsync("usd-per-unit is a positive decimal number such as 1.0842.");
                return 1;
            }

            await using var app = CliHost.Build(parse.GetValue(FolioCommands.Database));
            using var scope = app.Services.CreateScope();
            var db = await CliHost.ChangingDb(scope, "exchange_rate.set", "exchange_rate", ct);
            var outcome = await ExchangeRateOperations.Set(db, app.Services.GetRequiredService<TimeProvider>(), parse.GetValue(currency)!, rate, ct);
            if (!outcome.Succeeded)
            {
                await Console.Error.WriteLineAsync(string.Join(Environment.NewLine, outcome.Violations.Select(v => v.Detail)));
                return 1;
            }

            await Console.Out.WriteLineAsync(Line(outcome.Value!.Currency, outcome.Value.UsdPerUnit, outcome.Value.UpdatedAt));
            return 0;
        });
        return command;
    }

    private static Command ListRates()
    {
        var command = new Command("list", "List the rates in force: currency, US dollars per unit, last change.");
        command.SetAction(async (parse, ct) =>
        {
            await using var app = CliHost.Build(parse.GetValue(FolioCommands.Database));
            using var scope = app.Services.CreateScope();
            var db = await CliHost.MigratedDb(scope, ct);
            await Console.Out.WriteLineAsync($"{"CURRENCY",-8}  {"USD_PER_UNIT",-20}  UPDATED_AT");
            foreach (var rate in await ExchangeRateOperations.List(db, ct))
            {
                await Console.Out.WriteLineAsync(Line(rate.Currency, rate.UsdPerUnit, rate.UpdatedAt));
            }

            return 0;
        });
        return command;
    }

    private static string Line(string currency, decimal usdPerUnit, DateTimeOffset updatedAt) =>
        string.Create(CultureInfo.InvariantCulture, $"{currency,-8}  {usdPerUnit / 1.0000000000000000000000000000m,-20}  {updatedAt.UtcDateTime:yyyy-MM-dd'T'HH:mm:ss'Z'}");
}
