using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CommuneRadio.Host.Commands;
using CommuneRadio.Host.Stations;
using Spectre.Console;

namespace CommuneRadio.Cli.Simulate;

/// <summary>
/// What <c>radioctl simulate</c> shows: on a terminal a live table refreshed 4×/s (a summary line, then the
/// first <see cref="MaxRows"/> stations); otherwise (CI, a pipe) one summary line every 5 s.
/// </summary>
public static class FleetView
{
    /// <summary>Stations listed in the live table.</summary>
    public const int MaxRows = 20;

    /// <summary>True when stdout is an interactive terminal.</summary>
    public static bool IsInteractive => !Console.IsOutputRedirected && AnsiConsole.Profile.Capabilities.Interactive;

    /// <summary>Shows the fleet until <paramref name="ct"/> is cancelled.</summary>
    public static async Task RunAsync(SimulatedFleet fleet, string title, CancellationToken ct)
    {
        if (!IsInteractive)
        {
            while (!ct.IsCancellationRequested)
            {
                Console.WriteLine("simulate: " + Summary(fleet, Views(fleet)));
                await Delay(TimeSpan.FromSeconds(5), ct).ConfigureAwait(false);
            }

            return;
        }

        await AnsiConsole.Live(Render(fleet, title)).AutoClear(false).StartAsync(async ctx =>
        {
            while (!ct.IsCancellationRequested)
            {
                ctx.UpdateTarget(Render(fleet, title));
                await Delay(TimeSpan.FromMilliseconds(250), ct).ConfigureAwait(false);
            }
        }).ConfigureAwait(false);
    }

    /// <summary>One line: connected, on air, emergencies, faults, commands, tick cost.</summary>
    public static string Summary(SimulatedFleet fleet, IReadOnlyList<StationView> views)
    {
        ArgumentNullException.ThrowIfNull(fleet);
        ArgumentNullException.ThrowIfNull(views);
        string local = ArgsJson.LocalTime(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()).ToString("HH:mm:ss", CultureInfo.InvariantCulture);
        return string.Create(CultureInfo.InvariantCulture,
            $"{local} connected {views.Count(v => v.Connected)}/{views.Count}, on air {views.Count(v => v.OnAir is not null)} " +
            $"(emergency {views.Count(v => v.OnAirClass == "emergency")}), faults {views.Count(v => v.Faults.Length > 0)}, " +
            $"commands {views.Sum(v => v.Accepted)} accepted / {views.Sum(v => v.Refused)} refused, " +
            $"tick {fleet.Scheduler.LastTickDuration.TotalMilliseconds:0.0} ms");
    }

    private static List<StationView> Views(SimulatedFleet fleet) => fleet.Stations.Select(s => s.View()).ToList();

    private static Rows Render(SimulatedFleet fleet, string title)
    {
        List<StationView> views = Views(fleet);
        var table = new Table().Border(TableBorder.Simple);
        foreach (string column in new[] { "station", "link", "on air", "class", "amps", "lines", "src", "clock", "faults", "ok/refused" })
        {
            table.AddColumn(column);
        }

        foreach (StationView v in views.Take(MaxRows))
        {
            table.AddRow(
                Markup.Escape(v.Id),
                v.Connected ? "[green]up[/]" : "[red]down[/]",
                v.OnAir is null ? "[grey]-[/]" : Markup.Escape(v.OnAir),
                v.OnAirClass switch { "emergency" => "[red]emergency[/]", null => string.Empty, _ => v.OnAirClass },
                Bits(v.Amplifiers, 2), Bits(v.Lines, 4), v.Source < 0 ? "-" : v.Source.ToString(CultureInfo.InvariantCulture),
                v.Clock, v.Faults.Length == 0 ? "[grey]none[/]" : "[red]" + Markup.Escape(v.Faults) + "[/]",
                $"{v.Accepted}/{v.Refused}");
        }

        string more = views.Count > MaxRows ? $"[grey]… and {views.Count - MaxRows} more stations[/]" : string.Empty;
        return new Rows(new Markup($"[bold]{Markup.Escape(title)}[/]"), new Markup(Markup.Escape(Summary(fleet, views))), table, new Markup(more));
    }

    // Output 0 first: amps 0b01 → "1·", lines 0b0111 → "111·".
    private static string Bits(int mask, int width)
    {
        var text = new char[width];
        for (int i = 0; i < width; i++)
        {
            text[i] = (mask & (1 << i)) != 0 ? '1' : '·';
        }

        return new string(text);
    }

    private static async Task Delay(TimeSpan delay, CancellationToken ct)
    {
        try
        {
            await Task.Delay(delay, ct).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }
    }
}
