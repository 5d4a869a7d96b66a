using System.Collections.Generic;
using System.Linq;
using CommuneRadio.Core.Time;
using Spectre.Console;

namespace CommuneRadio.Cli.Demo;

/// <summary>Prints the demo's timeline: script notes, relay writes and proof-of-play events, merged by time.</summary>
public static class DemoReport
{
    /// <summary>Writes the report.</summary>
    public static void Print(IAnsiConsole console, DemoResult result)
    {
        var rows = new List<(long Utc, int Order, string What, string Detail)>();
        rows.AddRange(result.Notes.Select(n => (n.UtcMs, 0, "[yellow]script[/]", Markup.Escape(n.Text))));
        rows.AddRange(result.Relays.Select(r => (r.UtcMs, 1, "relay", $"{r.Output,-6} {(r.Write.On ? "[green]on [/]" : "[grey]off[/]")} (GPIO{r.Write.Pin} {(r.Write.Level ? "high" : "low")})")));
        rows.AddRange(result.Events.Select(e => (e.UtcMs, 2, "[aqua]event[/]", $"{e.Kind} {Markup.Escape(e.Programme)}{(e.Reason == "none" ? "" : " (" + e.Reason + ")")}")));

        Table table = new Table().Border(TableBorder.Simple).Title("Commune station, Monday morning (local time +07:00)");
        table.AddColumn("time");
        table.AddColumn("what");
        table.AddColumn("detail");
        foreach (var row in rows.OrderBy(r => r.Utc).ThenBy(r => r.Order))
        {
            table.AddRow(Local(row.Utc), row.What, row.Detail);
        }

        console.Write(table);
    }

    private static string Local(long utcMs)
    {
        long ms = LocalCalendar.LocalMsOfDay(utcMs, 420);
        return $"{ms / 3600000:00}:{ms / 60000 % 60:00}:{ms / 1000 % 60:00}.{ms % 1000:000}";
    }
}
