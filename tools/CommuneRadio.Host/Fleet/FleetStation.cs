using System;

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
}
