using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using CommuneRadio.Host.Fleet;
using Spectre.Console;

namespace CommuneRadio.Cli.Operate;

/// <summary>
/// <c>radioctl selftest TARGET</c>: the wiring check (protocol §3.2 <c>relay.selftest</c>). Each station
/// drives every fitted line in turn with its amplifier and source 0 for 3 s (ProtocolSettings.SelfTestSecondsPerLine);
/// between lines the relay sequencing takes about 2 s more, so a 4-line board needs about 20 s. radioctl waits for
/// it (at least that long, whatever --timeout says) and reports each line of each station from its proof of play
/// (<c>selftest.l00</c>, <c>selftest.l01</c>, … started and ended):
/// <code>
/// station     line  outcome
/// ht-ab-001   0     ok, 3.0 s
/// ht-ab-001   1     missed: relay-fault
/// ht-ab-002   0     no report
/// </code>
/// Refused as <c>busy</c> while anything plays.
/// </summary>
public static class SelfTestCommand
{
    /// <summary>Seconds each line plays (the station's ProtocolSettings.SelfTestSecondsPerLine).</summary>
    public const int SecondsPerLine = 3;

    /// <summary>Seconds of relay sequencing around each line (amplifier warm-up, line stagger).</summary>
    public const int SequencingSeconds = 3;

    /// <summary>Creates the command.</summary>
    public static Command Create(CliContext context)
    {
        var common = new CommonOptions();
        var targets = new TargetOptions();
        Command command = new("selftest", "Wiring check: each station drives its speaker lines one by one, 3 s each (about 5 s per line in all), and radioctl reports each line; refused while a programme plays");
        targets.AddTo(command);
        common.AddTo(command);
        var lineCount = new Dictionary<string, int>(StringComparer.Ordinal);
        OperatorAction.Set(command, context, (parse, ct) => SendCommandRunner.RunAsync(
            context,
            parse,
            common,
            targets,
            (_, target) =>
            {
                foreach (FleetStation s in target.Members)
                {
                    lineCount[s.Id] = BoardProfiles.Layout(s.Board).Lines.Length;
                }

                int most = lineCount.Values.DefaultIfEmpty(0).Max();
                return new SendRequest("relay.selftest", "{}", false, DoneWhen: a => Lines(a, lineCount).All(l => l.Final), Wait: TimeSpan.FromSeconds(most * (SecondsPerLine + SequencingSeconds) + 5));
            },
            null,
            (w, outcome) => WriteJson(w, outcome, lineCount),
            ct,
            outcome => WriteTable(context, outcome, lineCount)));
        return command;
    }

    /// <summary>What each line of a station reported: started/ended events of selftest.lNN.</summary>
    public static List<LineOutcome> Lines(StationAnswer a, IReadOnlyDictionary<string, int> lineCount)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(lineCount);
        var list = new List<LineOutcome>();
        for (int i = 0; i < lineCount.GetValueOrDefault(a.Station); i++)
        {
            string id = "selftest.l" + i.ToString("00", CultureInfo.InvariantCulture);
            PlayRecord? started = a.Events.Find(e => e.Programme == id && e.Kind == "started");
            PlayRecord? end = a.Events.Find(e => e.Programme == id && e.Kind is "ended" or "missed" or "preempted");
            list.Add(new LineOutcome(i, started, end));
        }

        return list;
    }

    private static void WriteTable(CliContext context, GroupOutcome outcome, Dictionary<string, int> lineCount)
    {
        var table = new Table().Title("lines").AddColumns("station", "line", "outcome");
        foreach (StationAnswer a in outcome.Answers.Where(a => a.Result == "accepted"))
        {
            foreach (LineOutcome l in Lines(a, lineCount))
            {
                table.AddRow(Markup.Escape(a.Station), l.Line.ToString(CultureInfo.InvariantCulture), l.Ok ? $"[green]{Markup.Escape(l.Text)}[/]" : $"[red]{Markup.Escape(l.Text)}[/]");
            }
        }

        context.Console.Write(table);
    }

    private static void WriteJson(Utf8JsonWriter w, GroupOutcome outcome, Dictionary<string, int> lineCount)
    {
        w.WriteStartArray("lines");
        foreach (StationAnswer a in outcome.Answers.Where(a => a.Result == "accepted"))
        {
            foreach (LineOutcome l in Lines(a, lineCount))
            {
                w.WriteStartObject();
                w.WriteString("station", a.Station);
                w.WriteNumber("line", l.Line);
                w.WriteBoolean("ok", l.Ok);
                w.WriteString("outcome", l.Text);
                w.WriteEndObject();
            }
        }

        w.WriteEndArray();
    }

    /// <summary>One line's report.</summary>
    /// <param name="Line">Line index.</param>
    /// <param name="Started">Its started event, or null.</param>
    /// <param name="End">Its ended, missed or preempted event, or null.</param>
    public sealed record LineOutcome(int Line, PlayRecord? Started, PlayRecord? End)
    {
        /// <summary>True once the line reported how it ended.</summary>
        public bool Final => End is not null;

        /// <summary>Started and ended normally.</summary>
        public bool Ok => Started is not null && End is { Kind: "ended", Reason: "none" };

        /// <summary>"ok, 3.0 s", "missed: relay-fault", "started, no end reported", "no report".</summary>
        public string Text => Ok ? $"ok, {(End!.AtUtcMs - Started!.AtUtcMs) / 1000.0:0.0} s"
            : End is not null ? $"{End.Kind}: {End.Reason}"
            : Started is not null ? "started, no end reported"
            : "no report";
    }
}
