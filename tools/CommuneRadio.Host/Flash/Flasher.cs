using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using CommuneRadio.Core.Config;
using CommuneRadio.Host.Provisioning;

namespace CommuneRadio.Host.Flash;

/// <summary>
/// <c>radioctl flash</c>: the three nanoff runs of Firmware/README.md "Flash", for one provisioned station:
/// <code>
/// nanoff --update --target ESP32_REV0 --serialport /dev/ttyUSB0 --masserase                                   firmware (erases I:\ too)
/// nanoff --target ESP32_REV0 --serialport /dev/ttyUSB0 --deploy --image Firmware/bin/Release/CommuneRadio.Firmware.bin
/// nanoff --serialport /dev/ttyUSB0 --filedeployment DIR/stations/ht-ab-001/deploy.json                          station.json + ca.pem to I:\
/// </code>
/// The configuration goes last because <c>--masserase</c> erases the I:\ drive. Before anything runs, the station's
/// configuration is checked again with the Core's parser (a hand-edited file that the device would refuse is
/// not flashed). Exit codes: 0 done (or printed with --dry-run), 1 refused or a nanoff run failed.
/// </summary>
public static class Flasher
{
    /// <summary>The nanoff runs for <paramref name="options"/>, in order; throws <see cref="FlashException"/> when the station cannot be flashed.</summary>
    public static List<NanoffInvocation> Plan(FlashOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Port.Length == 0 || options.Port.Trim().Length != options.Port.Length)
        {
            throw new FlashException("--port is required, e.g. /dev/ttyUSB0 or COM3 (list ports with 'nanoff --listports')");
        }

        var layout = new ProvisionLayout(options.Directory);
        string manifest = layout.DeployManifest(options.Station);
        string config = layout.StationConfig(options.Station);
        if (!File.Exists(manifest) || !File.Exists(config))
        {
            throw new FlashException($"station '{options.Station}' is not provisioned in {layout.Directory} ({manifest} missing): run 'radioctl provision --inventory FILE --out {options.Directory}' first");
        }

        byte[] bytes = File.ReadAllBytes(config);
        StationConfig parsed = ConfigParser.Parse(bytes, bytes.Length);
        if (!parsed.Valid)
        {
            var reasons = new StringBuilder();
            for (int i = 0; i < parsed.Errors.Count; i++)
            {
                reasons.Append(' ').Append(parsed.Errors.At(i).Field).Append(' ').Append(parsed.Errors.At(i).Reason).Append(';');
            }

            throw new FlashException($"{config} is refused by the firmware's parser:{reasons} run provision again");
        }

        foreach (string source in DeployManifest.SourceFiles(File.ReadAllText(manifest)))
        {
            if (!File.Exists(source))
            {
                throw new FlashException($"{manifest} names {source}, which does not exist (was the directory moved?): run provision again to rewrite it");
            }
        }

        var runs = new List<NanoffInvocation>();
        if (!options.ConfigOnly)
        {
            runs.Add(new NanoffInvocation("write the nanoFramework firmware", new[] { "--update", "--target", options.Target, "--serialport", options.Port, "--masserase" }));
            runs.Add(new NanoffInvocation("deploy the application", new[] { "--target", options.Target, "--serialport", options.Port, "--deploy", "--image", options.Image }));
        }

        runs.Add(new NanoffInvocation($"deploy {options.Station}'s configuration", new[] { "--serialport", options.Port, "--filedeployment", manifest }));
        return runs;
    }

    /// <summary>Plans, then prints (dry run) or runs each step, stopping at the first failure; returns the exit code.</summary>
    public static async Task<int> RunAsync(FlashOptions options, INanoffRunner runner, TextWriter output, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(runner);
        ArgumentNullException.ThrowIfNull(output);
        List<NanoffInvocation> runs;
        try
        {
            runs = Plan(options);
        }
        catch (FlashException ex)
        {
            await output.WriteLineAsync("flash: " + ex.Message).ConfigureAwait(false);
            return 1;
        }

        if (!options.ConfigOnly && !File.Exists(options.Image))
        {
            string note = $"application image '{options.Image}' not found: build Firmware/Firmware.sln (Firmware/README.md \"Build\") or give --image";
            if (!options.DryRun)
            {
                await output.WriteLineAsync("flash: " + note).ConfigureAwait(false);
                return 1;
            }

            await output.WriteLineAsync("# note: " + note).ConfigureAwait(false);
        }

        if (options.DryRun)
        {
            foreach (NanoffInvocation run in runs)
            {
                await output.WriteLineAsync($"# {run.Step}").ConfigureAwait(false);
                await output.WriteLineAsync(run.CommandLine).ConfigureAwait(false);
            }

            return 0;
        }

        if (!runner.IsAvailable())
        {
            await output.WriteLineAsync("flash: nanoff is not installed. Install it with: dotnet tool install -g nanoff (then make sure ~/.dotnet/tools is on PATH)").ConfigureAwait(false);
            return 1;
        }

        for (int i = 0; i < runs.Count; i++)
        {
            NanoffInvocation run = runs[i];
            await output.WriteLineAsync($"[{i + 1}/{runs.Count}] {run.Step}: {run.CommandLine}").ConfigureAwait(false);
            int code = await runner.RunAsync(run, cancellationToken).ConfigureAwait(false);
            if (code != 0)
            {
                await output.WriteLineAsync($"flash: step {i + 1} ({run.Step}) failed: nanoff exited with code {code}; nothing after it was run").ConfigureAwait(false);
                return 1;
            }
        }

        await output.WriteLineAsync($"flash: {options.Station} done. Open the serial console (115200 baud) to watch the first boot (docs/engineers.md).").ConfigureAwait(false);
        return 0;
    }
}
