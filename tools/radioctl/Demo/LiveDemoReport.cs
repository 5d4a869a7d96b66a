using System.Globalization;
using Spectre.Console;

namespace CommuneRadio.Cli.Demo;

/// <summary>Prints what each station of the live demo did and when (local time +07:00).</summary>
public static class LiveDemoReport
{
    /// <summary>Writes the table.</summary>
    public static void Print(IAnsiConsole console, LiveDemoResult result)
    {
        console.MarkupLine($"Announcement scheduled for [bold]{LiveDemoScenario.Local(result.AnnouncementUtcMs)}[/], emergency published at [bold]{LiveDemoScenario.Local(result.EmergencyPublishedUtcMs)}[/] (local time +07:00)");
        var table = new Table().Border(TableBorder.Simple);
        foreach (string column in new[] { "station", "amp on", "on air", "emergency", "resumed", "ended" })
        {
            table.AddColumn(column);
        }

        foreach (LiveDemoStation s in result.Stations)
        {
            table.AddRow(
                Markup.Escape(s.Id),
                Offset(s.FirstRelayUtcMs, result.AnnouncementUtcMs),
                Offset(s.AnnouncementStartUtcMs, result.AnnouncementUtcMs),
                s.EmergencyStartUtcMs == 0 ? "[red]never[/]" : $"{s.EmergencyStartUtcMs - result.EmergencyPublishedUtcMs} ms",
                At(s.ResumedUtcMs),
                At(s.EndedUtcMs) + (s.RelaysOff ? string.Empty : " [red]relays on[/]"));
        }

        console.Write(table);
        console.MarkupLine("[grey]amp on / on air: after the scheduled time (lines connect 1.5 s after their amplifier powers up: warm-up, no thump); emergency: publish → lines connected, switching source 0 → 1 with the lines disconnected.[/]");
    }

    private static string At(long utcMs) => utcMs == 0 ? "[red]never[/]" : LiveDemoScenario.Local(utcMs);

    private static string Offset(long utcMs, long referenceUtcMs) =>
        utcMs == 0 ? "[red]never[/]" : string.Create(CultureInfo.InvariantCulture, $"+{(utcMs - referenceUtcMs) / 1000.0:0.00} s");
}
