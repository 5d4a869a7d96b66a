using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CommuneRadio.Host.Commands;
using CommuneRadio.Host.Fleet;
using Spectre.Console;

namespace CommuneRadio.Cli.Operate;

/// <summary>
/// The path of every command that changes something on stations: choose the key, sign, check through the Core
/// (<see cref="Preflight"/>) — all before connecting — then connect, send, and wait for the members' results
/// with progress (a bar on a terminal, a line a second on standard error otherwise), recording what arrives in
/// the event store when one is open.
/// <para>
/// A key may address its scopes, and each station of a group in its scopes (protocol §4.2), but not another
/// group: a province key cannot address <c>g/com.ha-tinh.an-binh</c>, although every member is in its province.
/// Then the command goes to each member directly (<c>st/{id}</c>), one signed copy per station with the same
/// command id, so the answers are collected as for one group command.
/// </para>
/// </summary>
public static class SendFlow
{
    /// <summary>
    /// Signs and checks the command — one for the target's addressee, one per province when its stations are in
    /// several (each province's stations hold their own key of the issuer, docs/security.md: a national command to
    /// <c>g/vn</c> goes to each <c>g/prov.{p}</c>), or one per member when the key reaches the members but not the
    /// group; all with the same id — or throws <see cref="OperatorException"/>; nothing is sent.
    /// </summary>
    public static (FleetIssuer Issuer, IReadOnlyList<SignedCommand> Commands) Prepare(OperatorSettings settings, FleetFile fleet, Target target, SendRequest request)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(fleet);
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(request);
        KeyringFile keyring = settings.LoadKeyring();
        FleetIssuer issuer = IssuerChooser.Choose(keyring, settings.IssuerName, target, request.EmergencyWork);
        Func<string, string> argsFor = request.ArgsForProvince ?? (_ => request.ArgsJson);
        bool direct = target.Addressee.StartsWith("g/", StringComparison.Ordinal) && !IssuerChooser.Covers(issuer, target) && IssuerChooser.ReachesEachMember(issuer, target);
        var copies = new List<AddressedCommand>();
        try
        {
            var signer = new CommandIssuer(fleet, issuer);
            string? id = null;
            foreach (string to in direct ? target.Members.Select(s => FleetGroups.StationTarget(s.Id)) : new[] { target.Addressee })
            {
                IReadOnlyList<AddressedCommand> signed = signer.CreateAll(to, request.Cmd, argsFor, id);
                id = signed[0].Command.Id;
                copies.AddRange(signed);
            }
        }
        catch (FormatException ex)
        {
            throw new OperatorException($"unusable key for issuer '{issuer.Name}' in the keyring: {ex.Message}", ex);
        }
        catch (ArgumentException ex)
        {
            throw new OperatorException($"nothing was sent: {ex.Message}", ex);
        }

        // The Core decides by board, groups and (through the key) province: one check per combination among the members.
        var checkedKinds = new HashSet<string>(StringComparer.Ordinal);
        foreach (AddressedCommand copy in copies)
        {
            List<FleetStation> kinds = copy.Addressee.Members.Where(s => checkedKinds.Add(s.Province + " " + s.Board + " " + string.Join(",", s.Groups))).ToList();
            if (kinds.Count > 0)
            {
                Preflight.Check(fleet, issuer, copies.Count == 1 ? target : new Target(copy.Addressee.To, target.Description, kinds), copy.Command);
            }
        }

        return (issuer, copies.Select(c => c.Command).ToList());
    }

    /// <summary>Prepares, connects, sends and waits; returns the outcome and the issuer that signed.</summary>
    public static async Task<(GroupOutcome Outcome, FleetIssuer Issuer)> RunAsync(
        CliContext context, OperatorSettings settings, FleetFile fleet, Target target, SendRequest request, EventStore? store, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(settings);
        if (KeyringWarning(settings.KeyringPath) is string warning)
        {
            await context.Error.WriteLineAsync(warning).ConfigureAwait(false);
        }

        (FleetIssuer issuer, IReadOnlyList<SignedCommand> commands) = Prepare(settings, fleet, target, request);
        SignedCommand command = commands[0];
        Func<StationAnswer, bool>? doneWhen = request.DoneWhen ?? (request.AwaitPlay ? a => a.PlayEvent is not null : null);
        TimeSpan wait = request.Wait is TimeSpan least && least > settings.Timeout ? least : settings.Timeout;
        string[] kinds = request.NeedHealth ? new[] { "result", "state", "health", "event" } : new[] { "result", "state", "event" };
        await using OperatorLink link = await OperatorLink.ConnectAsync(settings, fleet, issuer.Name, kinds, cancellationToken).ConfigureAwait(false);
        Action<StationMessage>? observe = store is null ? null : store.Observe;
        int members = target.Members.Count;
        GroupOutcome outcome;
        if (context.Interactive && !settings.Json)
        {
            outcome = await context.ErrorConsole.Progress().AutoClear(true).StartAsync(async p =>
            {
                ProgressTask task = p.AddTask($"{request.Cmd}: 0 of {members} answered", maxValue: members);
                return await GroupOperation.RunAsync(
                    link, commands, request.Cmd, issuer.Name, target, wait, request.NeedHealth, doneWhen,
                    (answered, total) =>
                    {
                        task.Value = answered;
                        task.Description = $"{request.Cmd}: {answered} of {total} answered";
                    },
                    observe,
                    cancellationToken).ConfigureAwait(false);
            }).ConfigureAwait(false);
        }
        else
        {
            var clock = Stopwatch.StartNew();
            int answered = 0;
            if (!settings.Json)
            {
                string to = commands.Count == 1 ? target.Addressee
                    : commands.All(c => c.Topic.Contains("/st/", StringComparison.Ordinal)) && !IssuerChooser.Covers(issuer, target) ? $"each of {commands.Count} stations directly ('{issuer.Name}' may not address {target.Addressee})"
                    : $"{commands.Count} copies, one per province key ({string.Join(", ", commands.Select(c => c.Topic).Take(4))}{(commands.Count > 4 ? ", …" : string.Empty)})";
                await context.Error.WriteLineAsync($"{request.Cmd} {command.Id} → {to}: waiting up to {wait.TotalSeconds:0.#} s for {members} station(s)").ConfigureAwait(false);
            }

            // Once a second while waiting, whether or not anything changed, so a log shows the wait is alive.
            using var stopTicker = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            Task ticker = settings.Json ? Task.CompletedTask : TickAsync(context, () => $"  {Volatile.Read(ref answered)} of {members} answered, {clock.Elapsed.TotalSeconds:0} s", stopTicker.Token);
            try
            {
                outcome = await GroupOperation.RunAsync(
                    link, commands, request.Cmd, issuer.Name, target, wait, request.NeedHealth, doneWhen,
                    (n, _) => Volatile.Write(ref answered, n),
                    observe,
                    cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                await stopTicker.CancelAsync().ConfigureAwait(false);
                await ticker.ConfigureAwait(false);
            }

            if (!settings.Json)
            {
                await context.Error.WriteLineAsync($"  {outcome.Answers.Count - outcome.Silent} of {members} answered, {clock.Elapsed.TotalSeconds:0.#} s").ConfigureAwait(false);
            }
        }

        return (outcome, issuer);
    }

    private static async Task TickAsync(CliContext context, Func<string> line, CancellationToken stop)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1));
        try
        {
            while (await timer.WaitForNextTickAsync(stop).ConfigureAwait(false))
            {
                await context.Error.WriteLineAsync(line()).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    /// <summary>
    /// A warning when the keyring can be read or changed by other users (its keys sign commands to stations; a
    /// copy lets anyone on this machine broadcast), or null. Only on systems with Unix file modes.
    /// </summary>
    public static string? KeyringWarning(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (OperatingSystem.IsWindows() || !System.IO.File.Exists(path))
        {
            return null;
        }

        const System.IO.UnixFileMode Others = System.IO.UnixFileMode.GroupRead | System.IO.UnixFileMode.GroupWrite | System.IO.UnixFileMode.OtherRead | System.IO.UnixFileMode.OtherWrite;
        System.IO.UnixFileMode mode = System.IO.File.GetUnixFileMode(path);
        return (mode & Others) == 0
            ? null
            : $"radioctl: warning: keyring '{path}' can be read by other users (mode {System.Convert.ToString((int)mode & 0x1FF, 8)}); its keys sign commands to stations: chmod 600 '{path}'";
    }

    /// <summary>Opens the event store, or warns on standard error and returns null (it is optional for sending).</summary>
    public static EventStore? TryOpenStore(CliContext context, OperatorSettings settings)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(settings);
        try
        {
            return EventStore.Open(settings.StorePath);
        }
        catch (OperatorException ex)
        {
            context.Error.WriteLine($"radioctl: warning: {ex.Message}; continuing without the local record");
            return null;
        }
    }
}
