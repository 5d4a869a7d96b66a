using System;
using System.CommandLine;
using System.IO;
using CommuneRadio.Host.Provisioning;

namespace CommuneRadio.Cli.Provision;

/// <summary>
/// <c>radioctl provision --inventory FILE --out DIR [--ca FILE] [--prefix P] [--rotate-keys] [--dry-run]</c>:
/// configuration files, keys, broker credentials and ACL, keyrings and a fleet file for the stations of an
/// inventory (<see cref="Provisioner"/>; docs/engineers.md). Exit 0 written, 1 refused (every problem listed,
/// nothing written).
/// </summary>
public static class ProvisionCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create()
    {
        Option<FileInfo> inventory = new("--inventory") { Description = $"Inventory CSV with the header {Inventory.Header}", Required = true };
        Option<DirectoryInfo> output = new("--out") { Description = "Provisioning directory (created, or updated keeping its keys)", Required = true };
        Option<FileInfo?> ca = new("--ca") { Description = "The broker's CA certificate (PEM), needed once for an mqtts:// broker" };
        Option<string?> prefix = new("--prefix") { Description = "Topic prefix (default: the directory's, else cr/v1)" };
        Option<bool> rotate = new("--rotate-keys") { Description = "Replace every key and broker password (devices must then be flashed again)" };
        Option<bool> dryRun = new("--dry-run") { Description = "Validate and list what would be written, write nothing" };
        Option<string[]> updateIssuers = new("--update-issuer")
        {
            Description = "Give this issuer the right to update the stations' application (radioctl update push), e.g. prov.ha-tinh; repeat for more. Without it the directory's choice is kept (none at first)",
            AllowMultipleArgumentsPerToken = false,
        };
        Command command = new("provision", "Generate station configurations, keys, broker credentials/ACL and a fleet file from an inventory");
        foreach (Option option in new Option[] { inventory, output, ca, prefix, rotate, dryRun, updateIssuers })
        {
            command.Options.Add(option);
        }

        command.SetAction(parse => Run(parse.GetValue(inventory)!, parse.GetValue(output)!, parse.GetValue(ca), parse.GetValue(prefix), parse.GetValue(rotate), parse.GetValue(dryRun), parse.GetValue(updateIssuers)));
        return command;
    }

    private static int Run(FileInfo inventory, DirectoryInfo output, FileInfo? ca, string? prefix, bool rotate, bool dryRun, string[]? updateIssuers)
    {
        try
        {
            var options = new ProvisionOptions
            {
                InventoryText = File.ReadAllText(inventory.FullName),
                Directory = output.FullName,
                CaPath = ca?.FullName,
                Prefix = prefix,
                RotateKeys = rotate,
                UpdateIssuers = updateIssuers is { Length: > 0 } ? updateIssuers : null,
            };
            ProvisionPlan plan = Provisioner.Plan(options);
            ProvisionResult result = dryRun ? plan.Result : plan.Write();
            Console.WriteLine($"{(dryRun ? "would write" : "wrote")} {result.Layout.Directory}: {result.Fleet.Stations.Count} stations ({result.AddedStations.Count} new, {result.UpdatedStations.Count} regenerated), {result.Fleet.Issuers.Count} issuers ({result.NewKeys.Count} new keys, {result.KeptKeys.Count} kept)");
            foreach (var file in plan.Files)
            {
                Console.WriteLine("  " + Path.GetRelativePath(result.Layout.Directory, file.Key));
            }

            if (rotate)
            {
                Console.WriteLine("keys rotated: flash every station's configuration again (radioctl flash --config-only) and hand out the new keyrings");
            }

            return 0;
        }
        catch (ProvisionException ex)
        {
            Console.Error.WriteLine($"radioctl provision: refused, nothing written ({ex.Errors.Count} problem{(ex.Errors.Count == 1 ? string.Empty : "s")}):");
            foreach (ProvisionError error in ex.Errors)
            {
                Console.Error.WriteLine("  " + error);
            }

            return 1;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine("radioctl provision: " + ex.Message);
            return 1;
        }
    }
}
