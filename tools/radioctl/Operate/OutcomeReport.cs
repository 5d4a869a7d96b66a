using System;
using System.Buffers;
using System.Linq;
using System.Text;
using System.Text.Json;
using Spectre.Console;

namespace CommuneRadio.Cli.Operate;

/// <summary>
/// Shows a <see cref="GroupOutcome"/>: for people a summary line, who refused and why, and who did not answer;
/// for scripts (--json) one JSON document:
/// <code>
/// {"command":"schedule.add","id":"c-…","issuer":"com.ha-tinh.an-binh","to":"g/com.ha-tinh.an-binh","members":2,
///  "accepted":1,"refused":1,"silent":0,"timedOut":false,"exitCode":2,
///  "stations":[{"station":"ht-ab-001","online":true,"result":"accepted","reason":null,"field":null,"latencyMs":12},…],
///  "others":[]}
/// </code>
/// </summary>
public static class OutcomeReport
{
    /// <summary>Writes the outcome to standard output, as text or JSON.</summary>
    /// <param name="context">Where to write.</param>
    /// <param name="outcome">The outcome.</param>
    /// <param name="json">True for the JSON document.</param>
    /// <param name="timeout">The --timeout, for "no answer within …".</param>
    /// <param name="extra">Extra members for the JSON document (after the counts).</param>
    public static void Write(CliContext context, GroupOutcome outcome, bool json, TimeSpan timeout, Action<Utf8JsonWriter>? extra = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(outcome);
        if (json)
        {
            context.Output.WriteLine(Json(outcome, extra));
            return;
        }

        IAnsiConsole c = context.Console;
        c.MarkupLine($"[bold]{Markup.Escape(outcome.Command)}[/] {Markup.Escape(outcome.Id)} signed by {Markup.Escape(outcome.Issuer)} to {Markup.Escape(outcome.Target.Description)}: " +
            $"[green]{outcome.Accepted} of {outcome.Answers.Count} accepted[/]" +
            (outcome.Refused > 0 ? $", [red]{outcome.Refused} refused[/]" : string.Empty) +
            (outcome.Silent > 0 ? $", [yellow]{outcome.Silent} did not answer[/]" : string.Empty));
        if (outcome.Command is "play" or "emergency.start" && outcome.Accepted > 0)
        {
            int started = outcome.Answers.Count(a => a.PlayEvent is "started" or "resumed");
            int other = outcome.Answers.Count(a => a.PlayEvent is not null and not "started" and not "resumed");
            int none = outcome.Answers.Count(a => a.Result == "accepted" && a.PlayEvent is null);
            c.MarkupLine($"on air: {started} of {outcome.Accepted} started" + (other > 0 ? $", [yellow]{other} reported another first event (missed/ended/preempted)[/]" : string.Empty) +
                (none > 0 ? $", [yellow]{none} sent no event within {timeout.TotalSeconds:0.#} s[/] (it may still arrive: radioctl watch / log)" : string.Empty));
        }

        if (outcome.Refused > 0)
        {
            var table = new Table().Title("Refused").AddColumns("station", "reason", "field");
            foreach (StationAnswer a in outcome.Answers.Where(a => a.Result == "refused"))
            {
                table.AddRow(Markup.Escape(a.Station), Markup.Escape(a.Reason ?? "?"), Markup.Escape(a.Field ?? "-"));
            }

            c.Write(table);
        }

        if (outcome.Silent > 0)
        {
            var table = new Table().Title("Did not answer").AddColumns("station", "why");
            foreach (StationAnswer a in outcome.Answers.Where(a => a.Silent))
            {
                table.AddRow(Markup.Escape(a.Station), Markup.Escape(WhySilent(a, timeout)));
            }

            c.Write(table);
        }

        foreach (StationAnswer a in outcome.Others)
        {
            c.MarkupLine($"also answered (not a member in the fleet file): {Markup.Escape(a.Station)} {Markup.Escape(a.Result ?? "?")} {Markup.Escape(a.Reason ?? string.Empty)}");
        }
    }

    /// <summary>Why a station is listed as silent.</summary>
    public static string WhySilent(StationAnswer a, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(a);
        return a.Online switch
        {
            false => "offline (its last will or offline state is on the broker); the broker keeps the command for it until it expires",
            null => $"never seen online (no state on the broker), no answer within {timeout.TotalSeconds:0.#} s",
            _ => $"online, but no answer within {timeout.TotalSeconds:0.#} s",
        };
    }

    /// <summary>The JSON document of an outcome.</summary>
    public static string Json(GroupOutcome outcome, Action<Utf8JsonWriter>? extra = null)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        var buffer = new ArrayBufferWriter<byte>();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteString("command", outcome.Command);
            w.WriteString("id", outcome.Id);
            w.WriteString("issuer", outcome.Issuer);
            w.WriteString("to", outcome.Target.Addressee);
            w.WriteNumber("members", outcome.Answers.Count);
            w.WriteNumber("accepted", outcome.Accepted);
            w.WriteNumber("refused", outcome.Refused);
            w.WriteNumber("silent", outcome.Silent);
            w.WriteBoolean("timedOut", outcome.TimedOut);
            w.WriteNumber("exitCode", outcome.ExitCode);
            extra?.Invoke(w);
            w.WriteStartArray("stations");
            foreach (StationAnswer a in outcome.Answers)
            {
                WriteAnswer(w, a);
            }

            w.WriteEndArray();
            w.WriteStartArray("others");
            foreach (StationAnswer a in outcome.Others)
            {
                WriteAnswer(w, a);
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static void WriteAnswer(Utf8JsonWriter w, StationAnswer a)
    {
        w.WriteStartObject();
        w.WriteString("station", a.Station);
        if (a.Online is bool online)
        {
            w.WriteBoolean("online", online);
        }
        else
        {
            w.WriteNull("online");
        }

        w.WriteString("result", a.Result);
        w.WriteString("reason", a.Reason);
        w.WriteString("field", a.Field);
        w.WriteString("playEvent", a.PlayEvent);
        if (a.LatencyMs is long ms)
        {
            w.WriteNumber("latencyMs", ms);
        }
        else
        {
            w.WriteNull("latencyMs");
        }

        w.WriteEndObject();
    }
}
