using System;
using System.Text.Json.Serialization;

namespace CommuneRadio.Host.Fleet;

/// <summary>One station of a fleet file (docs/fleet.md): who it is, where it is, which groups it hears, which board it has.</summary>
public sealed class FleetStation
{
    /// <summary>Station id (protocol token), e.g. "ht-ab-001"; also its MQTT client id and user name.</summary>
    public string Id { get; set; } = string.Empty;

    /// <summary>Commune slug, e.g. "an-binh".</summary>
    public string Commune { get; set; } = string.Empty;

    /// <summary>Province slug, e.g. "ha-tinh".</summary>
    public string Province { get; set; } = string.Empty;

    /// <summary>Groups it subscribes to, e.g. ["vn", "prov.ha-tinh", "com.ha-tinh.an-binh"].</summary>
    public string[] Groups { get; set; } = Array.Empty<string>();

    /// <summary>Relay board profile (<see cref="BoardProfiles"/>), default "relay8".</summary>
    public string Board { get; set; } = BoardProfiles.Relay8;

    /// <summary>Display name with diacritics for people and maps, e.g. "Nhà văn hoá thôn 3" (optional).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Name { get; set; }

    /// <summary>Latitude in degrees (WGS 84) for a map, e.g. 18.3421 (optional, with <see cref="Lon"/>).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? Lat { get; set; }

    /// <summary>Longitude in degrees (WGS 84), e.g. 105.9057 (optional, with <see cref="Lat"/>).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? Lon { get; set; }
}
