using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Linq;
using System.Text.Json;
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
        var common = new CommonOptions();
        var targets = new TargetOptions(optional: true);
        Option<string?> since = new("--since") { Description = "From (local +07:00): YYYY-MM-DD[ HH:MM[:SS]], HH:MM, or an age like 24h (default 24h)" };
        Option<string?> until = new("--until") { Description = "Until (exclusive), same forms (default now)" };
        Option<string?> listen = new("--for") { Description = "Listen now for this long (e.g. 10m), then report what arrived" };
        Option<bool> follow = new("--follow") { Description = "Print events as they arrive until Ctrl+C" };
        Command command = new("log", "Proof of play for a station or group: from the local event store, or listening live");
        targets.AddTo(command);
        command.Options.Add(since);
        command.Options.Add(until);
        command.Options.Add(listen);
        command.Options.Add(follow);
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

            Report(context, settings.Json, target, from, to, live, events, store.Path);
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

    private static void Report(CliContext context, bool json, Target target, long from, long to, bool live, List<PlayRecord> events, string storePath)
    {
        var programmes = events.GroupBy(e => (e.Programme, e.Class)).Select(g => new
        {
            g.Key.Programme,
            g.Key.Class,
            Counts = new[] { "started", "ended", "preempted", "resumed", "missed" }.Select(k => g.Where(e => e.Kind == k).Select(e => e.Station).Distinct().Count()).ToArray(),
        }).ToList();
        if (json)
        {
            var buffer = new System.Buffers.ArrayBufferWriter<byte>();
            using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
            {
                w.WriteStartObject();
                w.WriteString("to", target.Addressee);
                w.WriteString("source", live ? "live" : "store");
                w.WriteNumber("sinceUtcMs", from);
                w.WriteNumber("untilUtcMs", to == long.MaxValue ? DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() : to);
                w.WriteStartArray("events");
                foreach (PlayRecord e in events)
                {
                    JsonSerializer.Serialize(w, e);
                }

                w.WriteEndArray();
                w.WriteStartArray("programmes");
                foreach (var p in programmes)
                {
                    w.WriteStartObject();
                    w.WriteString("programme", p.Programme);
                    w.WriteString("class", p.Class);
                    w.WriteNumber("started", p.Counts[0]);
                    w.WriteNumber("ended", p.Counts[1]);
                    w.WriteNumber("preempted", p.Counts[2]);
                    w.WriteNumber("resumed", p.Counts[3]);
                    w.WriteNumber("missed", p.Counts[4]);
                    w.WriteEndObject();
                }

                w.WriteEndArray();
                w.WriteEndObject();
            }

            context.Output.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan));
            return;
        }

        IAnsiConsole c = context.Console;
        c.MarkupLine(Markup.Escape(live
            ? $"proof of play from {target.Description}, received live"
            : $"proof of play from {target.Description}, {HealthView.LocalTime(from)} to {HealthView.LocalTime(to)} (+07:00), from the local store {storePath}: only what a radioctl on this machine received while listening"));
        var table = new Table().AddColumns("at (local)", "station", "event", "programme", "class", "reason");
        foreach (PlayRecord e in events)
        {
            table.AddRow(HealthView.LocalTime(e.AtUtcMs) + (e.ClockValid ? string.Empty : " (no clock)"), Markup.Escape(e.Station), e.Kind, Markup.Escape(e.Programme), e.Class, e.Reason);
        }

        c.Write(table);
        var summary = new Table().Title("stations per programme").AddColumns("programme", "class", "started", "ended", "preempted", "resumed", "missed");
        foreach (var p in programmes)
        {
            summary.AddRow(new[] { Markup.Escape(p.Programme), p.Class }.Concat(p.Counts.Select(n => n.ToString(System.Globalization.CultureInfo.InvariantCulture))).ToArray());
        }

        c.Write(summary);
    }
}
