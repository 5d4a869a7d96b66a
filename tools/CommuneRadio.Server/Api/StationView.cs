using System.Collections.Generic;
using System.Text.Json;

namespace CommuneRadio.Server.Api;

/// <summary>A station and its live status, as <c>GET /api/stations</c> returns it.</summary>
/// <param name="Station">Station id.</param>
/// <param name="Commune">Commune (fleet file).</param>
/// <param name="Province">Province (fleet file).</param>
/// <param name="Online">Last state: true, false, or null when never heard.</param>
/// <param name="LastSeenUtcMs">Last live message, Unix ms (0 never).</param>
/// <param name="Faults">Faults of the last health snapshot.</param>
/// <param name="Health">The last health snapshot as published (protocol §6), or null.</param>
/// <param name="Config">The last configuration report, or null.</param>
/// <param name="Name">Display name (fleet file, from the inventory), or null.</param>
/// <param name="Lat">Latitude, WGS 84 degrees (fleet file, from the inventory), or null.</param>
/// <param name="Lon">Longitude, or null.</param>
/// <param name="Board">Relay board profile (fleet file), or null for a station not in it.</param>
/// <param name="Groups">Groups it hears (fleet file), or null for a station not in it.</param>
/// <param name="Firmware">Firmware version from its last state message (<c>"fw"</c>), or null.</param>
/// <param name="Lines">Speaker lines of its board (fleet file profile), or null.</param>
/// <param name="Amplifiers">Amplifiers of its board, or null.</param>
/// <param name="OnAir">What it plays (the last health snapshot's <c>on_air</c>: programme, class, since, until), or null.</param>
public sealed record StationView(
    string Station, string Commune, string Province, bool? Online, long LastSeenUtcMs, IReadOnlyList<string> Faults, JsonElement? Health, JsonElement? Config,
    string? Name = null, double? Lat = null, double? Lon = null, string? Board = null, IReadOnlyList<string>? Groups = null, string? Firmware = null, int? Lines = null, int? Amplifiers = null, JsonElement? OnAir = null);
