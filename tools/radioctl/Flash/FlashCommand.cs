using System.CommandLine;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using CommuneRadio.Host.Flash;

namespace CommuneRadio.Cli.Flash;

/// <summary>
/// <c>radioctl flash --port PORT --station ID [--dir DIR] [--target T] [--image BIN] [--config-only] [--dry-run]</c>:
/// firmware, application and the station's configuration through nanoff (<see cref="Flasher"/>).
/// </summary>
public static class FlashCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create()
    {
        Option<string> port = new("--port") { Description = "Serial port, e.g. /dev/ttyUSB0 or COM3 ('nanoff --listports')", Required = true };
        Option<string> station = new("--station") { Description = "Station id as provisioned", Required = true };
        Option<DirectoryInfo?> dir = new("--dir") { Description = "Provisioning directory (default: the current directory)" };
        Option<string> target = new("--target") { Description = "nanoFramework target", DefaultValueFactory = _ => FlashOptions.DefaultTarget };
        Option<string> image = new("--image") { Description = "Application deployment image", DefaultValueFactory = _ => FlashOptions.DefaultImage };
        Option<bool> configOnly = new("--config-only") { Description = "Only deploy the configuration and CA certificate (after provision --rotate-keys or a Wi-Fi change)" };
        Option<bool> dryRun = new("--dry-run") { Description = "Print the nanoff command lines, run nothing" };
        Command command = new("flash", "Flash firmware, application and a provisioned station's configuration with nanoff");
        foreach (Option option in new Option[] { port, station, dir, target, image, configOnly, dryRun })
        {
            command.Options.Add(option);
        }

        command.SetAction((parse, ct) => RunAsync(
            new FlashOptions
            {
                Port = parse.GetValue(port)!,
                Station = parse.GetValue(station)!,
                Directory = parse.GetValue(dir)?.FullName ?? ".",
                Target = parse.GetValue(target)!,
                Image = parse.GetValue(image)!,
                ConfigOnly = parse.GetValue(configOnly),
                DryRun = parse.GetValue(dryRun),
            },
            ct));
        return command;
    }

    private static Task<int> RunAsync(FlashOptions options, CancellationToken ct) =>
        Flasher.RunAsync(options, new ProcessNanoffRunner(), System.Console.Out, ct);
}
