using System;
using System.CommandLine;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using CommuneRadio.Host.Fleet;
using Spectre.Console;

namespace CommuneRadio.Cli.Operate;

/// <summary>
/// <c>radioctl status [TARGET]</c>: asks every station of the target for its state and health (protocol §3.2
/// <c>status</c>) and shows one row per station: online (retained state), last seen, on air, relays, faults,
/// clock, firmware — with who refused or did not answer, as for any group operation. Without a target: the
/// whole fleet (<c>g/vn</c>, which needs a national key).
/// </summary>
public static class StatusCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create(CliContext context)
    {
        var common = new CommonOptions();
        var targets = new TargetOptions(optional: true);
        Command command = new("status", "Ask stations for their health now and show a table (online, last seen, on air, relays, faults, clock, firmware)");
        targets.AddTo(command);
        common.AddTo(command);
        OperatorAction.Set(command, context, (parse, ct) => RunAsync(context, parse, common, targets, ct));
        return command;
    }

    /// <summary>Sends <c>status</c> to the target and waits for results and health; shared with <c>schedule list</c>.</summary>
    public static async Task<(GroupOutcome Outcome, OperatorSettings Settings, EventStore? Store)> QueryAsync(
        CliContext context, ParseResult parse, CommonOptions common, TargetOptions targets, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(common);
        ArgumentNullException.ThrowIfNull(targets);
        OperatorSettings settings = common.Read(parse, context);
        FleetFile fleet = settings.LoadFleet();
        Target target = targets.Resolve(parse, fleet);
        EventStore? store = SendFlow.TryOpenStore(context, settings);
        try
        {
            (GroupOutcome outcome, _) = await SendFlow.RunAsync(context, settings, fleet, target, new SendRequest("status", "{}", false, NeedHealth: true), store, cancellationToken).ConfigureAwait(false);
            return (outcome, settings, store);
        }
        catch
        {
            store?.Dispose();
            throw;
        }
    }

    private static async Task<int> RunAsync(CliContext context, ParseResult parse, CommonOptions common, TargetOptions targets, CancellationToken ct)
    {
        (GroupOutcome outcome, OperatorSettings settings, EventStore? store) = await QueryAsync(context, parse, common, targets, ct).ConfigureAwait(false);
        using (store)
        {
            long now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
            if (settings.Json)
            {
                OutcomeReport.Write(context, outcome, true, settings.Timeout, w => WriteHealth(w, outcome, store));
                return outcome.ExitCode;
            }

            context.Console.Write(context.Console.Profile.Width < WideColumns ? CompactTable(outcome, store, now) : WideTable(outcome, store, now));
            OutcomeReport.Write(context, outcome, false, settings.Timeout);
            return outcome.ExitCode;
        }
    }

    /// <summary>Below this terminal width the compact layout is used (one line per station at 80 columns).</summary>
    public const int WideColumns = 120;

    private static Table WideTable(GroupOutcome outcome, EventStore? store, long now)
    {
        var table = new Table().Title($"status of {Markup.Escape(outcome.Target.Description)}")
            .AddColumns("station", "online", "last seen", "on air", "relays", "faults", "clock", "firmware", "answer");
        table.Columns[0].NoWrap();
        foreach (StationAnswer a in outcome.Answers)
        {
            table.AddRow(
                Markup.Escape(a.Station),
                a.Online switch { true => "[green]yes[/]", false => "[red]no[/]", _ => "?" },
                Markup.Escape(HealthView.Ago(a.LastSeenUtcMs ?? store?.LastSeen(a.Station), now)),
                Markup.Escape(HealthView.OnAir(a.Health)),
                Markup.Escape(HealthView.Relays(a.Health)),
                Markup.Escape(HealthView.Faults(a.Health)),
                Markup.Escape(HealthView.Clock(a.Health)),
                Markup.Escape(a.Firmware ?? "?"),
                Markup.Escape(Answer(a)));
        }

        return table;
    }

    /// <summary>
    /// One line per station at 80 columns: no borders between rows, short headers, ids never split; relays and
    /// firmware are left to a wider terminal or --json.
    /// </summary>
    private static Table CompactTable(GroupOutcome outcome, EventStore? store, long now)
    {
        var table = new Table().Border(TableBorder.Simple)
            .Title($"status of {Markup.Escape(outcome.Target.Description)}")
            .Caption("relays, firmware: a terminal of 120+ columns, or --json")
            .AddColumns("station", "up", "seen", "on air", "faults", "clock", "answer");
        table.Columns[0].NoWrap();
        table.Columns[1].NoWrap();
        table.Columns[2].NoWrap();
        foreach (StationAnswer a in outcome.Answers)
        {
            table.AddRow(
                Markup.Escape(a.Station),
                a.Online switch { true => "[green]yes[/]", false => "[red]no[/]", _ => "?" },
                Markup.Escape(ShortAgo(a.LastSeenUtcMs ?? store?.LastSeen(a.Station), now)),
                Markup.Escape(HealthView.OnAir(a.Health)),
                Markup.Escape(HealthView.Faults(a.Health)),
                Markup.Escape(HealthView.Clock(a.Health)),
                Markup.Escape(a.Result is null ? "-" : a.Reason ?? a.Result));
        }

        return table;
    }

    private static string Answer(StationAnswer a) => a.Result is null ? "no answer" : a.Reason is null ? a.Result : $"{a.Result}: {a.Reason}";

    private static string ShortAgo(long? utcMs, long now)
    {
        if (utcMs is not long t)
        {
            return "-";
        }

        long s = Math.Max(0, (now - t) / 1000);
        return s < 120 ? $"{s}s" : s < 7200 ? $"{s / 60}m" : s < 172800 ? $"{s / 3600}h" : $"{s / 86400}d";
    }

    private static void WriteHealth(Utf8JsonWriter w, GroupOutcome outcome, EventStore? store)
    {
        w.WriteStartArray("health");
        foreach (StationAnswer a in outcome.Answers)
        {
            w.WriteStartObject();
            w.WriteString("station", a.Station);
            w.WriteString("firmware", a.Firmware);
            long? seen = a.LastSeenUtcMs ?? store?.LastSeen(a.Station);
            if (seen is long ms)
            {
                w.WriteNumber("lastSeenUtcMs", ms);
            }
            else
            {
                w.WriteNull("lastSeenUtcMs");
            }

            w.WritePropertyName("snapshot");
            if (a.Health is null)
            {
                w.WriteNullValue();
            }
            else
            {
                a.Health.Body.WriteTo(w);
            }

            w.WriteEndObject();
        }

        w.WriteEndArray();
    }
}
