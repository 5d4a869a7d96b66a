using System.Collections.Generic;
using CommuneRadio.Host.Relays;

namespace CommuneRadio.Cli.Demo;

/// <summary>One proof-of-play event as the demo shows it.</summary>
public sealed record DemoEvent(long UtcMs, string Kind, string Programme, string Reason);

/// <summary>A note in the timeline (what the script did).</summary>
public sealed record DemoNote(long UtcMs, string Text);

/// <summary>What the demo saw.</summary>
public sealed class DemoResult
{
    /// <summary>Every relay write.</summary>
    public List<RelayTimelineEntry> Relays { get; } = new();

    /// <summary>Every proof-of-play event.</summary>
    public List<DemoEvent> Events { get; } = new();

    /// <summary>What the script did, in order.</summary>
    public List<DemoNote> Notes { get; } = new();

    /// <summary>Milliseconds from the emergency command to speakers connected.</summary>
    public long EmergencyLatencyMs { get; set; } = -1;

    /// <summary>True when every output was off at the end.</summary>
    public bool AllOffAtEnd { get; set; }

    /// <summary>Problems found by the demo's own checks.</summary>
    public List<string> Problems { get; } = new();

    /// <summary>True when the day went as a commune station must behave.</summary>
    public bool Ok => Problems.Count == 0;

    /// <summary>The one-line summary.</summary>
    public string Summary =>
        $"demo: 1 station, {Events.Count} proof-of-play events, {Relays.Count} relay writes, " +
        $"emergency on the speakers {EmergencyLatencyMs} ms after the command, relays {(AllOffAtEnd ? "all off" : "LEFT ON")} at the end — " +
        (Ok ? "ok" : "FAILED: " + string.Join("; ", Problems));
}
