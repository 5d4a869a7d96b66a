using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using Spectre.Console;

namespace CommuneRadio.Cli.Operate;

/// <summary>
/// <c>radioctl schedule list [TARGET]</c>: stations do not publish their items (protocol v1: only count,
/// digest and version in health), so this asks each station for its health (<c>status</c>) and shows:
/// <list type="number">
/// <item>each item of the local record — the items the stations accepted through radioctl on this machine —
/// with its date or days, time, duration, class, lines, source, issuer, next occurrence (local time +07:00) and
/// which stations of the target hold it;</item>
/// <item>per station, count, digest and version beside the local record's, and whether the digests agree
/// (<see cref="ScheduleShadow"/> computes the expected one with the Core's digest).</item>
/// </list>
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
        Command command = new("list", "Show each programme (when, time, duration, class, lines, source, issuer, next occurrence) and which stations hold it or differ");
        targets.AddTo(command);
        common.AddTo(command);
        OperatorAction.Set(command, context, async (parse, ct) =>
        {
            (GroupOutcome outcome, OperatorSettings settings, EventStore? store) = await StatusCommand.QueryAsync(context, parse, common, targets, ct).ConfigureAwait(false);
            using (store)
            {
                long now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
                List<Row> rows = outcome.Answers.Select(a => RowOf(a, store)).ToList();
                List<ItemRow> items = ItemsOf(rows, now);
                if (settings.Json)
                {
                    OutcomeReport.Write(context, outcome, true, settings.Timeout, w =>
                    {
                        WriteItems(w, items, rows);
                        WriteRows(w, rows);
                    });
                    return outcome.ExitCode;
                }

                WriteItemTable(context, outcome, items, rows, now);
                WriteStationTable(context, rows);
                OutcomeReport.Write(context, outcome, false, settings.Timeout);
                return outcome.ExitCode;
            }
        });
        return command;
    }

    private static void WriteItemTable(CliContext context, GroupOutcome outcome, List<ItemRow> items, List<Row> rows, long now)
    {
        if (items.Count == 0)
        {
            context.Console.MarkupLine($"no programme of {Markup.Escape(outcome.Target.Description)} in the local record (only what radioctl on this machine sent is known)");
            return;
        }

        if (context.Console.Profile.Width < StatusCommand.WideColumns)
        {
            // Ten columns do not fit 80: two lines per programme instead of a table.
            context.Console.MarkupLine($"[bold]programmes of {Markup.Escape(outcome.Target.Description)}[/] (local time +07:00)");
            foreach (ItemRow i in items)
            {
                ScheduleItemView v = i.View;
                context.Console.MarkupLine($"  [bold]{Markup.Escape(i.Id)}[/]  {Markup.Escape(v.When)} {v.Time[..5]} for {v.Duration}, {v.Class}, lines {v.Lines}, source {v.Item.Source}");
                context.Console.MarkupLine($"      next {Markup.Escape(v.Next(now))}; on {Markup.Escape(HeldBy(i, rows))}; by {Markup.Escape(v.Item.Issuer)}");
            }
        }
        else
        {
            WriteWideItemTable(context, outcome, items, rows, now);
        }

        WriteLacking(context, items, rows);
    }

    private static void WriteWideItemTable(CliContext context, GroupOutcome outcome, List<ItemRow> items, List<Row> rows, long now)
    {
        var table = new Table().Border(TableBorder.Simple).Title($"programmes of {Markup.Escape(outcome.Target.Description)} (local time +07:00)")
            .AddColumns("id", "date / days", "time", "dur", "class", "lines", "src", "issuer", "next", "held by");
        foreach (int nowrap in new[] { 0, 2, 3, 4, 5, 6, 8, 9 })
        {
            table.Columns[nowrap].NoWrap();
        }

        foreach (ItemRow i in items)
        {
            ScheduleItemView v = i.View;
            table.AddRow(
                Markup.Escape(i.Id),
                Markup.Escape(v.When),
                v.Time,
                v.Duration,
                v.Class,
                v.Lines,
                v.Item.Source.ToString(CultureInfo.InvariantCulture),
                Markup.Escape(v.Item.Issuer),
                Markup.Escape(v.Next(now)),
                Markup.Escape(HeldBy(i, rows)));
        }

        context.Console.Write(table);
    }

    private static void WriteLacking(CliContext context, List<ItemRow> items, List<Row> rows)
    {
        // Which stations lack or differ: below the items, where a long list does not squeeze the columns.
        foreach (ItemRow i in items)
        {
            string lacking = Short(rows.Select(r => r.Station).Except(i.Stations));
            string differ = Short(i.Stations.Where(s => rows.Single(r => r.Station == s).InStep == false));
            if (lacking.Length > 0)
            {
                context.Console.MarkupLine($"{Markup.Escape(i.Id)}: not on {Markup.Escape(lacking)}");
            }

            if (differ.Length > 0)
            {
                context.Console.MarkupLine($"[red]{Markup.Escape(i.Id)}: schedule differs on {Markup.Escape(differ)}[/] (radioctl schedule sync puts it back)");
            }
        }
    }

    private static void WriteStationTable(CliContext context, List<Row> rows)
    {
        var table = new Table().Title("stations: reported schedule against the local record")
            .AddColumns("station", "online", "items", "digest", "ver", "local", "in step");
        foreach (Row r in rows)
        {
            table.AddRow(
                Markup.Escape(r.Station),
                r.Online switch { true => "yes", false => "no", _ => "?" },
                r.Count?.ToString(CultureInfo.InvariantCulture) ?? "?",
                r.Digest ?? "?",
                r.Version?.ToString(CultureInfo.InvariantCulture) ?? "?",
                r.Local is null ? "-" : $"{r.Local.Count} {r.LocalDigest}",
                r.InStep switch { true => "[green]yes[/]", false => "[red]differs[/]", _ => "unknown" });
        }

        context.Console.Write(table);
    }

    /// <summary>"all 10", "3 of 4", "all 10, 1 differs" (the stations are listed below the table).</summary>
    private static string HeldBy(ItemRow item, List<Row> rows)
    {
        string held = item.Stations.Count == rows.Count ? $"all {rows.Count}" : $"{item.Stations.Count} of {rows.Count}";
        int differ = item.Stations.Count(s => rows.Single(r => r.Station == s).InStep == false);
        return differ == 0 ? held : $"{held}, {differ} differ{(differ == 1 ? "s" : string.Empty)}";
    }

    private static string Short(IEnumerable<string> stations)
    {
        List<string> list = stations.ToList();
        return list.Count <= 8 ? string.Join(" ", list) : $"{string.Join(" ", list.Take(8))} and {list.Count - 8} more";
    }

    private static List<ItemRow> ItemsOf(List<Row> rows, long now)
    {
        // One row per distinct item (same id and content); the same id with other content on other stations is another row.
        var items = new List<ItemRow>();
        foreach (Row r in rows.Where(r => r.Local is not null))
        {
            foreach (LocalItem local in r.Local!)
            {
                ItemRow? row = items.Find(i => i.Id == local.Id && i.Json == local.Json && i.Issuer == local.Issuer);
                if (row is null)
                {
                    row = new ItemRow(local.Id, local.Json, local.Issuer, ScheduleItemView.Of(local, now), new List<string>());
                    items.Add(row);
                }

                row.Stations.Add(r.Station);
            }
        }

        items.Sort((a, b) => (a.View.NextUtcMs ?? long.MaxValue).CompareTo(b.View.NextUtcMs ?? long.MaxValue) is int c && c != 0 ? c : string.CompareOrdinal(a.Id, b.Id));
        return items;
    }

    private static Row RowOf(StationAnswer a, EventStore? store)
    {
        (long Count, string Digest, long Version)? health = HealthView.Schedule(a.Health);
        List<LocalItem>? local = store is not null && store.KnowsSchedule(a.Station) ? store.ScheduleOf(a.Station) : null;
        string? localDigest = local is null ? null : ScheduleShadow.Digest(local);
        bool? inStep = health is null || localDigest is null ? null : health.Value.Digest == localDigest;
        return new Row(a.Station, a.Online, health?.Count, health?.Digest, health?.Version, local, localDigest, inStep);
    }

    private static void WriteItems(Utf8JsonWriter w, List<ItemRow> items, List<Row> rows)
    {
        w.WriteStartArray("items");
        foreach (ItemRow i in items)
        {
            ScheduleItemView v = i.View;
            w.WriteStartObject();
            w.WriteString("id", i.Id);
            w.WriteString("kind", v.Kind);
            w.WriteString("when", v.When);
            w.WriteString("time", v.Time);
            w.WriteNumber("duration", v.Item.DurationSeconds);
            w.WriteString("class", v.Class);
            w.WriteString("lines", v.Lines);
            w.WriteNumber("source", v.Item.Source);
            w.WriteString("issuer", v.Item.Issuer);
            if (v.NextUtcMs is long next)
            {
                w.WriteNumber("nextUtcMs", next);
                w.WriteString("nextLocal", HealthView.LocalTime(next));
            }
            else
            {
                w.WriteNull("nextUtcMs");
                w.WriteNull("nextLocal");
            }

            WriteStrings(w, "stations", i.Stations);
            WriteStrings(w, "missingFrom", rows.Select(r => r.Station).Except(i.Stations));
            WriteStrings(w, "differsOn", i.Stations.Where(s => rows.Single(r => r.Station == s).InStep == false));
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    private static void WriteStrings(Utf8JsonWriter w, string name, IEnumerable<string> values)
    {
        w.WriteStartArray(name);
        foreach (string s in values)
        {
            w.WriteStringValue(s);
        }

        w.WriteEndArray();
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
            if (r.Local is null)
            {
                w.WriteNull("localItems");
            }
            else
            {
                WriteStrings(w, "localItems", r.Local.Select(i => i.Id));
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

    private sealed record Row(string Station, bool? Online, long? Count, string? Digest, long? Version, List<LocalItem>? Local, string? LocalDigest, bool? InStep);

    private sealed record ItemRow(string Id, string Json, string Issuer, ScheduleItemView View, List<string> Stations);
}
