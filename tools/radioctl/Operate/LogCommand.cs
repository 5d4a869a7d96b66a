using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Spectre.Console;

namespace CommuneRadio.Cli.Operate;

/// <summary>
/// <c>radioctl log [TARGET] [--since T] [--until T] | --for D | --follow</c>: proof of play. Stations deliver
/// events live and keep no history to ask for, so a period in the past is answered from the local event store
/// (what any radioctl on this machine received while listening: <c>watch</c>, <c>log --for/--follow</c>, or a
/// command waiting for results); <c>--for D</c> listens now for D and then reports, <c>--follow</c> prints events
/// as they arrive until Ctrl+C. Both store what they receive.
/// </summary>
public static class LogCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create(CliContext context)
    {
        // log waits for no answer: it reads the store, or listens for --for / until Ctrl+C.
        var common = new CommonOptions("--timeout");
        var targets = new TargetOptions(optional: true);
        Option<string?> since = new("--since") { Description = "From (local +07:00): YYYY-MM-DD[ HH:MM[:SS]], HH:MM, or an age like 24h (default 24h)" };
        Option<string?> until = new("--until") { Description = "Until (exclusive), same forms (default now)" };
        Option<string?> listen = new("--for") { Description = "Listen now for this long (e.g. 10m), then report what arrived" };
        Option<bool> follow = new("--follow") { Description = "Print events as they arrive until Ctrl+C" };
        Option<FileInfo?> csv = new("--csv") { Description = "Also write the events to this CSV file (for a report; Excel/LibreOffice open it)" };
        Command command = new("log", "Proof of play for a station or group: from the local event store, or listening live");
        targets.AddTo(command);
        command.Options.Add(since);
        command.Options.Add(until);
        command.Options.Add(listen);
        command.Options.Add(follow);
        command.Options.Add(csv);
        common.AddTo(command);
        OperatorAction.Set(command, context, async (parse, ct) =>
        {
            OperatorSettings settings = common.Read(parse, context);
            var fleet = settings.LoadFleet();
            Target target = targets.Resolve(parse, fleet);
            long now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
            string? forText = parse.GetValue(listen);
            bool live = forText is not null || parse.GetValue(follow);
            if (live && (parse.GetValue(since) is not null || parse.GetValue(until) is not null))
            {
                throw new OperatorException("--since/--until read the local store; --for/--follow listen now: give one or the other");
            }

            long from = live ? now : TimeText.Parse(parse.GetValue(since) ?? "24h", "--since", now);
            long to = live ? long.MaxValue : TimeText.Parse(parse.GetValue(until) ?? "now", "--until", now) + (parse.GetValue(until) is null ? 1 : 0);
            if (!live && from >= to)
            {
                throw new OperatorException($"--since {HealthView.LocalTime(from)} is not before --until {HealthView.LocalTime(to)} (local time +07:00): swap them");
            }

            using EventStore store = EventStore.Open(settings.StorePath);
            List<PlayRecord> events;
            if (live)
            {
                TimeSpan? limit = forText is null ? null : TimeSpan.FromSeconds(DurationText.Parse(forText, "--for"));
                events = await ListenAsync(context, settings, fleet, target, limit, parse.GetValue(follow), store, ct).ConfigureAwait(false);
                to = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
            }
            else
            {
                events = store.Events(target.Members.Select(s => s.Id).ToHashSet(StringComparer.Ordinal), from, to);
            }

            LogReport.Write(context, settings.Json, target, from, to, live, events, store.Path);
            if (parse.GetValue(csv) is FileInfo file)
            {
                WriteCsvFile(file, events);
                if (!settings.Json)
                {
                    await context.Error.WriteLineAsync($"{events.Count} events written to {file.FullName}").ConfigureAwait(false);
                }
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static async Task<List<PlayRecord>> ListenAsync(CliContext context, OperatorSettings settings, Host.Fleet.FleetFile fleet, Target target, TimeSpan? limit, bool print, EventStore store, CancellationToken ct)
    {
        var events = new List<PlayRecord>();
        if (!settings.Json)
        {
            await context.Error.WriteLineAsync($"listening for proof of play from {target.Description}{(limit is null ? " until Ctrl+C" : $" for {limit.Value.TotalSeconds:0} s")}").ConfigureAwait(false);
        }

        await Listener.RunAsync(settings, fleet, target, new[] { "event", "state" }, limit, m =>
        {
            store.Observe(m);
            if (PlayRecord.From(m) is { } e)
            {
                events.Add(e);
                if (print && !settings.Json)
                {
                    context.Console.MarkupLine(Markup.Escape(WatchCommand.Line(m)));
                }
            }
        }, ct).ConfigureAwait(false);
        return events;
    }

    private static void WriteCsvFile(FileInfo file, List<PlayRecord> events)
    {
        try
        {
            using var writer = new StreamWriter(file.FullName, false, new System.Text.UTF8Encoding(true));
            LogReport.WriteCsv(writer, events);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new OperatorException($"--csv: cannot write '{file.FullName}': {ex.Message}", ex);
        }
    }
}
