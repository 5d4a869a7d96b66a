namespace CommuneRadio.Server.Storage;

/// <summary>What the server last heard from one station.</summary>
/// <param name="Station">Station id.</param>
/// <param name="Online">Its last state (or will): true online, false offline, null never received.</param>
/// <param name="LastSeenUtcMs">When the last live (not retained) message arrived; 0 never.</param>
/// <param name="Health">Its last health snapshot as published (protocol §6), or null.</param>
/// <param name="Config">Its last configuration report, or null.</param>
/// <param name="Faults">Faults of the last health snapshot, comma-separated ("" when none).</param>
/// <param name="Firmware">Firmware version of the last state message that carried one (<c>"fw"</c>), or null.</param>
public sealed record StationStatus(string Station, bool? Online, long LastSeenUtcMs, string? Health, string? Config, string Faults, string? Firmware = null);
