using System;
using System.CommandLine;
using System.Text.Json;
using Spectre.Console;

namespace CommuneRadio.Cli.Operate;

/// <summary>
/// <c>radioctl watch [TARGET] [--for D]</c>: a live view of a station, group or the fleet — states, health,
/// proof-of-play events and command results, one line each as they arrive, until Ctrl+C or --for. Every event
/// is appended to the local event store, which is what lets <c>log --since</c> answer later. With --json it
/// writes JSON Lines (one document per message), the one place radioctl streams instead of writing one document.
/// </summary>
public static class WatchCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create(CliContext context)
    {
        // watch waits for no answer: it listens for --for, or until Ctrl+C.
        var common = new CommonOptions("--timeout");
        var targets = new TargetOptions(optional: true);
        Option<string?> duration = new("--for") { Description = "Stop after this long, e.g. 30s, 2h (default: until Ctrl+C)" };
        Command command = new("watch", "Live view of a station, group or the fleet: states, health, events, results as they arrive");
        targets.AddTo(command);
        command.Options.Add(duration);
        common.AddTo(command);
        OperatorAction.Set(command, context, async (parse, ct) =>
        {
            OperatorSettings settings = common.Read(parse, context);
            var fleet = settings.LoadFleet();
            Target target = targets.Resolve(parse, fleet);
            string? forText = parse.GetValue(duration);
            TimeSpan? limit = forText is null ? null : TimeSpan.FromSeconds(DurationText.Parse(forText, "--for"));
            using EventStore? store = SendFlow.TryOpenStore(context, settings);
            if (!settings.Json)
            {
                await context.Error.WriteLineAsync($"watching {target.Description}{(limit is null ? " until Ctrl+C" : $" for {limit.Value.TotalSeconds:0} s")}").ConfigureAwait(false);
            }

            await Listener.RunAsync(settings, fleet, target, new[] { "state", "health", "event", "result" }, limit, m =>
            {
                store?.Observe(m);
                if (settings.Json)
                {
                    context.Output.WriteLine(JsonLine(m));
                }
                else
                {
                    context.Console.MarkupLine(Markup.Escape(Line(m)));
                }
            }, ct).ConfigureAwait(false);
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>One line for people: local time, station, kind, what it says.</summary>
    public static string Line(StationMessage m)
    {
        ArgumentNullException.ThrowIfNull(m);
        string what = m.Kind switch
        {
            "state" => m.Flag("online") == true ? $"online, firmware {m.Text("fw")}" + (m.Retained ? " (retained)" : string.Empty) : "OFFLINE" + (m.Retained ? " (retained)" : string.Empty),
            "health" => $"clock {HealthView.Clock(m)}, on air {HealthView.OnAir(m)}, relays {HealthView.Relays(m)}, faults {HealthView.Faults(m)}",
            "event" => $"{m.Text("kind")} {m.Text("programme")} ({m.Text("class")}){(m.Text("reason") is "none" or null ? string.Empty : ", " + m.Text("reason"))} at {HealthView.LocalTime(m.Number("at") ?? 0)}",
            "result" => $"{m.Text("id")} {m.Text("result")}{(m.Text("reason") is { } r ? ": " + r : string.Empty)}",
            _ => m.Body.GetRawText(),
        };
        return $"{HealthView.LocalTime(m.ReceivedUtcMs)[11..]} {m.Station,-14} {m.Kind,-6} {what}";
    }

    private static string JsonLine(StationMessage m)
    {
        using var stream = new System.IO.MemoryStream();
        using (var w = new Utf8JsonWriter(stream))
        {
            w.WriteStartObject();
            w.WriteString("station", m.Station);
            w.WriteString("kind", m.Kind);
            w.WriteNumber("receivedUtcMs", m.ReceivedUtcMs);
            w.WriteBoolean("retained", m.Retained);
            w.WritePropertyName("body");
            m.Body.WriteTo(w);
            w.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }
}
