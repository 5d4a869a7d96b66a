using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using CsvHelper;
using Spectre.Console;

namespace CommuneRadio.Cli.Operate;

/// <summary>
/// What <c>radioctl log</c> prints: the events, stations per programme, and the sequence gaps per station
/// (<see cref="SequenceGap"/>: where the proof of play is not complete); as tables, as one camelCase JSON
/// document (<c>--json</c>), and optionally as a CSV file for a report (<c>--csv FILE</c>):
/// <code>
/// station,seq,kind,programme,class,reason,atLocal,atUtcMs,clockValid,receivedUtcMs
/// ht-ab-001,42,started,morning-news,normal,none,2026-11-23 05:30:02,1763850602000,true,1763850602100
/// </code>
/// </summary>
public static class LogReport
{
    private static readonly string[] Kinds = { "started", "ended", "preempted", "resumed", "missed" };

    private static readonly JsonSerializerOptions CamelCase = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    /// <summary>Writes the report to standard output.</summary>
    public static void Write(CliContext context, bool json, Target target, long from, long to, bool live, List<PlayRecord> events, string storePath)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(events);
        var programmes = events.GroupBy(e => (e.Programme, e.Class)).Select(g => new
        {
            g.Key.Programme,
            g.Key.Class,
            Counts = Kinds.Select(k => g.Where(e => e.Kind == k).Select(e => e.Station).Distinct().Count()).ToArray(),
        }).ToList();
        List<SequenceGap> gaps = SequenceGap.Find(events);
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
                w.WriteBoolean("complete", gaps.Count == 0);
                w.WriteStartArray("events");
                foreach (PlayRecord e in events)
                {
                    JsonSerializer.Serialize(w, e, CamelCase);
                }

                w.WriteEndArray();
                w.WriteStartArray("programmes");
                foreach (var p in programmes)
                {
                    w.WriteStartObject();
                    w.WriteString("programme", p.Programme);
                    w.WriteString("class", p.Class);
                    for (int k = 0; k < Kinds.Length; k++)
                    {
                        w.WriteNumber(Kinds[k], p.Counts[k]);
                    }

                    w.WriteEndObject();
                }

                w.WriteEndArray();
                w.WriteStartArray("gaps");
                foreach (SequenceGap g in gaps)
                {
                    JsonSerializer.Serialize(w, g, CamelCase);
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
        // At 80 columns: month-day times, no class column (it is in the summary below), no row borders.
        bool narrow = c.Profile.Width < StatusCommand.WideColumns;
        var table = new Table().Border(narrow ? TableBorder.Simple : TableBorder.Square);
        table.AddColumns(narrow ? new[] { "at (local)", "station", "seq", "event", "programme", "reason" } : new[] { "at (local)", "station", "seq", "event", "programme", "class", "reason" });
        table.Columns[0].NoWrap();
        table.Columns[1].NoWrap();
        foreach (PlayRecord e in events)
        {
            string at = narrow ? HealthView.LocalTime(e.AtUtcMs)[5..] : HealthView.LocalTime(e.AtUtcMs);
            var cells = new List<string>
            {
                at + (e.ClockValid ? string.Empty : " (no clock)"),
                Markup.Escape(e.Station),
                e.Seq.ToString(CultureInfo.InvariantCulture),
                e.Kind,
                Markup.Escape(e.Programme),
            };
            if (!narrow)
            {
                cells.Add(e.Class);
            }

            cells.Add(e.Reason);
            table.AddRow(cells.ToArray());
        }

        c.Write(table);
        var summary = new Table().Title("stations per programme").AddColumns(new[] { "programme", "class" }.Concat(Kinds).ToArray());
        foreach (var p in programmes)
        {
            summary.AddRow(new[] { Markup.Escape(p.Programme), p.Class }.Concat(p.Counts.Select(n => n.ToString(CultureInfo.InvariantCulture))).ToArray());
        }

        c.Write(summary);
        if (gaps.Count == 0)
        {
            c.MarkupLine(events.Count == 0 ? "no events" : "[green]complete[/]: no gap in any station's event numbers");
            return;
        }

        var gapTable = new Table().Title("[red]incomplete: events numbered by the station but not received here[/]").AddColumns("station", "missing seq", "events", "after (local)", "before (local)");
        foreach (SequenceGap g in gaps)
        {
            gapTable.AddRow(
                Markup.Escape(g.Station),
                g.FromSeq == g.ToSeq ? g.FromSeq.ToString(CultureInfo.InvariantCulture) : $"{g.FromSeq}-{g.ToSeq}",
                g.Count.ToString(CultureInfo.InvariantCulture),
                HealthView.LocalTime(g.AfterUtcMs),
                HealthView.LocalTime(g.BeforeUtcMs));
        }

        c.Write(gapTable);
    }

    /// <summary>Writes the events as CSV (header, one row per event, local time +07:00 beside UTC ms).</summary>
    public static void WriteCsv(TextWriter writer, IEnumerable<PlayRecord> events)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(events);
        using var csv = new CsvWriter(writer, CultureInfo.InvariantCulture, leaveOpen: true);
        foreach (string h in new[] { "station", "seq", "kind", "programme", "class", "reason", "atLocal", "atUtcMs", "clockValid", "receivedUtcMs" })
        {
            csv.WriteField(h);
        }

        csv.NextRecord();
        foreach (PlayRecord e in events)
        {
            csv.WriteField(e.Station);
            csv.WriteField(e.Seq);
            csv.WriteField(e.Kind);
            csv.WriteField(e.Programme);
            csv.WriteField(e.Class);
            csv.WriteField(e.Reason);
            csv.WriteField(HealthView.LocalTime(e.AtUtcMs));
            csv.WriteField(e.AtUtcMs);
            csv.WriteField(e.ClockValid ? "true" : "false");
            csv.WriteField(e.ReceivedUtcMs);
            csv.NextRecord();
        }
    }
}
