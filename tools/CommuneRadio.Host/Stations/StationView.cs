namespace CommuneRadio.Host.Stations;

/// <summary>What a display shows of one simulated station at one moment (a consistent copy taken under its lock).</summary>
/// <param name="Id">Station id.</param>
/// <param name="Connected">True while its MQTT connection is up.</param>
/// <param name="OnAir">Programme on the speakers (lines connected), or null.</param>
/// <param name="OnAirClass">Its class ("normal", "priority", "emergency"), or null.</param>
/// <param name="Amplifiers">Bit mask of powered amplifiers (the board's view).</param>
/// <param name="Lines">Bit mask of connected lines (the board's view).</param>
/// <param name="Source">Selected source, or -1.</param>
/// <param name="Faults">Raised faults as wire names, comma-separated, or empty.</param>
/// <param name="Clock">Clock state: "synced", "unsynced" or "stale".</param>
/// <param name="Accepted">Commands accepted since start.</param>
/// <param name="Refused">Commands refused since start.</param>
/// <param name="Reconnects">Reconnections since start.</param>
public sealed record StationView(
    string Id, bool Connected, string? OnAir, string? OnAirClass, int Amplifiers, int Lines, int Source,
    string Faults, string Clock, long Accepted, long Refused, long Reconnects);
