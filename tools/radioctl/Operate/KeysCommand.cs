using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Linq;
using System.Text.Json;
using CommuneRadio.Host.Fleet;
using Spectre.Console;

namespace CommuneRadio.Cli.Operate;

/// <summary>
/// <c>radioctl keys generate|rotate</c>. <c>generate</c> writes a keyring file for issuers of the fleet file
/// (all, or those named by --issuer), copying their keys — or, with --new-keys, giving them fresh random keys
/// and saving those into the fleet file too, which is where stations get their keyrings from. Keys are never
/// printed. <c>rotate</c> is <see cref="KeysRotateCommand"/>.
/// </summary>
public static class KeysCommand
{
    /// <summary>Creates the command and its subcommands.</summary>
    public static Command Create(CliContext context)
    {
        Command command = new("keys", "Write keyring files from the fleet file, and rotate issuer keys on stations");
        command.Subcommands.Add(Generate(context));
        command.Subcommands.Add(KeysRotateCommand.Create(context));
        return command;
    }

    private static Command Generate(CliContext context)
    {
        // Writing a keyring talks to no broker and signs nothing: only --fleet, --keyring and --json apply.
        var common = new CommonOptions("--broker", "--ca", "--credentials", "--as", "--timeout", "--store");
        Option<string[]> issuers = new("--issuer") { Description = "Issuer to include (repeat; default: every issuer of the fleet file)", AllowMultipleArgumentsPerToken = true };
        Option<bool> newKeys = new("--new-keys") { Description = "Give these issuers fresh random keys and save them into the fleet file as well" };
        Option<bool> force = new("--force") { Description = "Overwrite an existing keyring file" };
        Command command = new("generate", "Write a keyring file (--keyring) for issuers of the fleet file (--fleet)");
        command.Options.Add(issuers);
        command.Options.Add(newKeys);
        command.Options.Add(force);
        common.AddTo(command);
        OperatorAction.Set(command, context, (parse, _) =>
        {
            OperatorSettings settings = common.Read(parse, context);
            FleetFile fleet = settings.LoadFleet();
            string[] names = parse.GetValue(issuers) ?? Array.Empty<string>();
            List<FleetIssuer> chosen = names.Length == 0 ? fleet.Issuers : names.Select(n => fleet.Issuers.Find(i => i.Name == n)
                ?? throw new OperatorException($"unknown issuer '{n}': the fleet file has {string.Join(", ", fleet.Issuers.Select(i => i.Name))}")).ToList();
            if (File.Exists(settings.KeyringPath) && !parse.GetValue(force))
            {
                throw new OperatorException($"keyring '{settings.KeyringPath}' exists: give --force to overwrite it");
            }

            if (parse.GetValue(newKeys))
            {
                chosen.ForEach(i => i.Key = FleetGenerator.NewKeyHex());
                fleet.Save(settings.FleetPath);
            }

            KeyringFile.From(chosen).Save(settings.KeyringPath);
            Write(context, settings, chosen, parse.GetValue(newKeys));
            return System.Threading.Tasks.Task.FromResult(ExitCodes.Ok);
        });
        return command;
    }

    private static void Write(CliContext context, OperatorSettings settings, List<FleetIssuer> issuers, bool newKeys)
    {
        if (settings.Json)
        {
            var doc = new
            {
                keyring = settings.KeyringPath,
                fleetUpdated = newKeys,
                issuers = issuers.Select(i => new { name = i.Name, level = i.Level, scopes = i.Scopes, emergency = i.Emergency }),
            };
            context.Output.WriteLine(JsonSerializer.Serialize(doc, new JsonSerializerOptions { WriteIndented = true }));
            return;
        }

        var table = new Table().Title($"keyring {Markup.Escape(settings.KeyringPath)} (mode 0600)").AddColumns("issuer", "level", "scopes", "emergency");
        foreach (FleetIssuer i in issuers)
        {
            table.AddRow(Markup.Escape(i.Name), i.Level, Markup.Escape(string.Join(" ", i.Scopes)), i.Emergency ? "yes" : "no");
        }

        context.Console.Write(table);
        if (newKeys)
        {
            context.Console.MarkupLine(Markup.Escape($"fresh keys saved into {settings.FleetPath} too: stations learn them from their provisioning (or use 'keys rotate' on running stations)"));
        }
    }
}
