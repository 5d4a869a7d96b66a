using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CommuneRadio.Cli.Operate;
using CommuneRadio.Host.Commands;
using CommuneRadio.Host.Fleet;
using CommuneRadio.Host.Update;
using Spectre.Console;

namespace CommuneRadio.Cli.Update;

/// <summary>
/// <c>radioctl update push --image DIR --version V TARGET</c>: sends the application's <c>.pe</c> files of DIR to the
/// target's stations over the command protocol (docs/protocol.md §8, docs/engineers.md "Updating the application over
/// the air") and follows each one to its outcome with a live table; <c>--json</c> writes one document. Run it again
/// to resume: each station continues where it stands.
/// </summary>
public static class UpdateCommand
{
    /// <summary>Creates <c>update</c> with its <c>push</c> subcommand.</summary>
    public static Command Create(CliContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        Command update = new("update", "Update the stations' application over the air (signed, resumable, with rollback)");
        update.Subcommands.Add(Push(context));
        return update;
    }

    private static Command Push(CliContext context)
    {
        var common = new CommonOptions("--store");
        var targets = new TargetOptions();
        var image = new Option<DirectoryInfo>("--image") { Description = "Folder holding the application's .pe files to install (only those: see docs/engineers.md)", Required = true };
        var version = new Option<string>("--version") { Description = "The version being installed, as the stations will report it (e.g. 1.4.0)", Required = true };
        var chunk = new Option<int>("--chunk") { Description = "Bytes per chunk, 256–8192 (default 4096: a signed chunk of about 6 KB)", DefaultValueFactory = _ => UpdatePackage.DefaultChunkSize };
        var window = new Option<int>("--window") { Description = "Chunks in flight per station, 1–8 (default 2)", DefaultValueFactory = _ => 2 };
        var parallel = new Option<int>("--parallel") { Description = "Stations updated at once (default 8)", DefaultValueFactory = _ => 8 };
        var retries = new Option<int>("--retries") { Description = "Silent spells of --timeout in a row before a station is marked silent (default 3)", DefaultValueFactory = _ => 3 };
        var wait = new Option<string>("--wait") { Description = "How long to wait after the commit for each station to prove the new version (default 6m)", DefaultValueFactory = _ => "6m" };
        Command command = new("push", "Send an application image to stations, follow each to committed / rolled back, resumable");
        command.Options.Add(image);
        command.Options.Add(version);
        targets.AddTo(command);
        command.Options.Add(chunk);
        command.Options.Add(window);
        command.Options.Add(parallel);
        command.Options.Add(retries);
        command.Options.Add(wait);
        common.AddTo(command);
        OperatorAction.Set(command, context, async (parse, ct) =>
        {
            OperatorSettings settings = common.Read(parse, context);
            int windowValue = parse.GetValue(window);
            int parallelValue = parse.GetValue(parallel);
            int retriesValue = parse.GetValue(retries);
            if (windowValue is < 1 or > 8 || parallelValue < 1 || retriesValue < 1)
            {
                throw new OperatorException("--window must be 1–8, --parallel and --retries at least 1");
            }

            var push = new UpdatePushSettings
            {
                Timeout = settings.Timeout,
                Window = windowValue,
                Parallel = parallelValue,
                Retries = retriesValue,
                OutcomeWait = TimeSpan.FromSeconds(DurationText.Parse(parse.GetValue(wait) ?? "6m", "--wait")),
            };
            return await RunAsync(context, settings, targets.Resolve(parse, settings.LoadFleet()), Package(parse.GetValue(image)!, parse.GetValue(version)!, parse.GetValue(chunk)), push, ct).ConfigureAwait(false);
        });
        return command;
    }

    private static UpdatePackage Package(DirectoryInfo image, string version, int chunk)
    {
        if (!image.Exists)
        {
            throw new OperatorException($"--image '{image.FullName}' is not a folder");
        }

        try
        {
            return UpdatePackage.FromDirectory(image.FullName, version, chunk);
        }
        catch (InvalidDataException ex)
        {
            throw new OperatorException("nothing was sent: " + ex.Message, ex);
        }
    }

    private static async Task<int> RunAsync(CliContext context, OperatorSettings settings, Target target, UpdatePackage package, UpdatePushSettings push, CancellationToken ct)
    {
        FleetFile fleet = settings.LoadFleet();
        FleetIssuer issuer = Choose(settings.LoadKeyring(), settings.IssuerName, target);
        var signer = new CommandIssuer(fleet, issuer);

        // The image MAC is under the key each station holds: its province's key of the issuer (docs/security.md).
        var beginByProvince = new Dictionary<string, string>(StringComparer.Ordinal);
        var provinceOf = target.Members.ToDictionary(s => s.Id, s => s.Province, StringComparer.Ordinal);
        string BeginArgs(string station)
        {
            string province = provinceOf[station];
            if (!beginByProvince.TryGetValue(province, out string? args))
            {
                args = package.BeginArgs(issuer.KeyFor(province));
                beginByProvince[province] = args;
            }

            return args;
        }

        if (SendFlow.KeyringWarning(settings.KeyringPath) is string warning)
        {
            await context.Error.WriteLineAsync(warning).ConfigureAwait(false);
        }

        if (!settings.Json)
        {
            await context.Error.WriteLineAsync($"update {package} → {target.Description}, signed by {issuer.Name}").ConfigureAwait(false);
        }

        await using OperatorLink link = await OperatorLink.ConnectAsync(settings, fleet, issuer.Name, new[] { "result", "event", "health", "state" }, ct).ConfigureAwait(false);
        var pusher = new UpdatePusher(new MqttUpdateLink(link, signer), package, target.Members.Select(s => s.Id).ToList(), BeginArgs, push);
        string title = $"update {package.Version} → {target.Description}";
        if (settings.Json)
        {
            await pusher.RunAsync(ct).ConfigureAwait(false);
            await context.Output.WriteLineAsync(UpdateReport.Json(pusher.Stations, package, issuer.Name, target)).ConfigureAwait(false);
            return UpdateReport.ExitCode(pusher.Stations);
        }

        if (context.Interactive)
        {
            await context.ErrorConsole.Live(UpdateReport.Table(pusher.Stations, title)).AutoClear(true).StartAsync(async live =>
            {
                Task run = pusher.RunAsync(ct);
                while (await Task.WhenAny(run, Task.Delay(500, ct)).ConfigureAwait(false) != run)
                {
                    live.UpdateTarget(UpdateReport.Table(pusher.Stations, title));
                }

                await run.ConfigureAwait(false);
            }).ConfigureAwait(false);
        }
        else
        {
            await RunWithLinesAsync(context, pusher, ct).ConfigureAwait(false);
        }

        UpdateReport.Write(context, pusher.Stations, package, issuer.Name, target);
        return UpdateReport.ExitCode(pusher.Stations);
    }

    // Without a terminal: a line on standard error whenever a station changes phase, and the counts every 5 s.
    private static async Task RunWithLinesAsync(CliContext context, UpdatePusher pusher, CancellationToken ct)
    {
        var seen = pusher.Stations.ToDictionary(s => s.Station, s => s.Phase, StringComparer.Ordinal);
        Task run = pusher.RunAsync(ct);
        int ticks = 0;
        while (true)
        {
            bool finished = await Task.WhenAny(run, Task.Delay(250, ct)).ConfigureAwait(false) == run;
            foreach (StationPush s in pusher.Stations.Where(s => seen[s.Station] != s.Phase))
            {
                seen[s.Station] = s.Phase;
                string chunks = s.Phase == PushPhase.UpToDate ? "nothing to send" : $"{s.ChunksVerified}/{s.TotalChunks} chunks";
                await context.Error.WriteLineAsync($"  {s.Station}: {UpdateReport.Name(s.Phase)} ({chunks}{(s.Reason is null ? string.Empty : ", " + s.Reason)})").ConfigureAwait(false);
            }

            if (finished)
            {
                await run.ConfigureAwait(false);
                return;
            }

            if (++ticks % 20 == 0)
            {
                await context.Error.WriteLineAsync($"  {UpdateReport.Summary(pusher.Stations)}").ConfigureAwait(false);
            }
        }
    }

    /// <summary>
    /// With --as, that issuer; otherwise the lowest-level issuer with the update right that reaches every member
    /// (each station is addressed directly, st/{id}, because each stands at its own chunk).
    /// </summary>
    public static FleetIssuer Choose(KeyringFile keyring, string? requested, Target target)
    {
        ArgumentNullException.ThrowIfNull(keyring);
        ArgumentNullException.ThrowIfNull(target);
        if (requested is not null)
        {
            return keyring.Find(requested) ?? throw new OperatorException($"no key for issuer '{requested}' in the keyring: nothing was sent");
        }

        return keyring.Issuers.Where(i => i.Update && IssuerChooser.ReachesEachMember(i, target)).OrderBy(i => i.ParsedLevel()).FirstOrDefault()
            ?? throw new OperatorException($"no key in the keyring has the update right for every station of {target.Addressee}: nothing was sent (give \"update\": true to an issuer in the fleet file and the stations' keyrings)");
    }
}
