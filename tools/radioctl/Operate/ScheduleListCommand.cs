using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Linq;
using System.Text.Json;
using Spectre.Console;

namespace CommuneRadio.Cli.Operate;

/// <summary>
/// <c>radioctl schedule list [TARGET]</c>: stations do not publish their items (protocol v1: only count,
/// digest and version in health), so this asks each station for its health (<c>status</c>) and shows those
/// three beside the local record — the items the station accepted through radioctl on this machine — and
/// whether the digests agree (<see cref="ScheduleShadow"/> computes the expected one with the Core's digest).
/// "differs" means someone else changed the station's schedule, or a change was lost: a <c>schedule sync</c>
/// puts it back in step.
/// </summary>
public static class ScheduleListCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create(CliContext context)
    {
        var common = new CommonOptions();
        var targets = new TargetOptions(optional: true);
        Command command = new("list", "Show each station's schedule count, digest and version, and whether it matches the local record");
        targets.AddTo(command);
        common.AddTo(command);
        OperatorAction.Set(command, context, async (parse, ct) =>
        {
            (GroupOutcome outcome, OperatorSettings settings, EventStore? store) = await StatusCommand.QueryAsync(context, parse, common, targets, ct).ConfigureAwait(false);
            using (store)
            {
                List<Row> rows = outcome.Answers.Select(a => RowOf(a, store)).ToList();
                if (settings.Json)
                {
                    OutcomeReport.Write(context, outcome, true, settings.Timeout, w => WriteRows(w, rows));
                    return outcome.ExitCode;
                }

                var table = new Table().Title($"schedules of {Markup.Escape(outcome.Target.Description)}")
                    .AddColumns("station", "online", "items", "digest", "version", "local items", "local digest", "in step");
                foreach (Row r in rows)
                {
                    table.AddRow(
                        Markup.Escape(r.Station),
                        r.Online switch { true => "yes", false => "no", _ => "?" },
                        r.Count?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "?",
                        r.Digest ?? "?",
                        r.Version?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "?",
                        r.LocalIds is null ? "-" : Markup.Escape(string.Join(" ", r.LocalIds)),
                        r.LocalDigest ?? "-",
                        r.InStep switch { true => "[green]yes[/]", false => "[red]differs[/]", _ => "unknown" });
                }

                context.Console.Write(table);
                OutcomeReport.Write(context, outcome, false, settings.Timeout);
                return outcome.ExitCode;
            }
        });
        return command;
    }

    private static Row RowOf(StationAnswer a, EventStore? store)
    {
        (long Count, string Digest, long Version)? health = HealthView.Schedule(a.Health);
        List<LocalItem>? local = store is not null && store.KnowsSchedule(a.Station) ? store.ScheduleOf(a.Station) : null;
        string? localDigest = local is null ? null : ScheduleShadow.Digest(local);
        bool? inStep = health is null || localDigest is null ? null : health.Value.Digest == localDigest;
        return new Row(a.Station, a.Online, health?.Count, health?.Digest, health?.Version, local?.Select(i => i.Id).ToList(), localDigest, inStep);
    }

    private static void WriteRows(Utf8JsonWriter w, List<Row> rows)
    {
        w.WriteStartArray("schedules");
        foreach (Row r in rows)
        {
            w.WriteStartObject();
            w.WriteString("station", r.Station);
            WriteNumber(w, "count", r.Count);
            w.WriteString("digest", r.Digest);
            WriteNumber(w, "version", r.Version);
            if (r.LocalIds is null)
            {
                w.WriteNull("localItems");
            }
            else
            {
                w.WriteStartArray("localItems");
                r.LocalIds.ForEach(w.WriteStringValue);
                w.WriteEndArray();
            }

            w.WriteString("localDigest", r.LocalDigest);
            if (r.InStep is bool b)
            {
                w.WriteBoolean("inStep", b);
            }
            else
            {
                w.WriteNull("inStep");
            }

            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    private static void WriteNumber(Utf8JsonWriter w, string name, long? value)
    {
        if (value is long v)
        {
            w.WriteNumber(name, v);
        }
        else
        {
            w.WriteNull(name);
        }
    }

    private sealed record Row(string Station, bool? Online, long? Count, string? Digest, long? Version, List<string>? LocalIds, string? LocalDigest, bool? InStep);
}
