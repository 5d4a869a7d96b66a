using System;
using CommuneRadio.Core.Relays;

namespace CommuneRadio.Host.Fleet;

/// <summary>
/// Relay boards a fleet file may name (docs/fleet.md). Pins are the ESP32 GPIOs of the reference wiring.
/// <code>
/// relay8   2 amplifiers (GPIO25, 26), 4 lines (GPIO16-19; lines 0-1 on amp 0, 2-3 on amp 1), 2 sources (GPIO21, 22), active-low
/// relay4   1 amplifier (GPIO25), 2 lines (GPIO16, 17), 1 source (GPIO21), active-low
/// </code>
/// </summary>
public static class BoardProfiles
{
    /// <summary>The eight-relay module (the default).</summary>
    public const string Relay8 = "relay8";

    /// <summary>The four-relay module.</summary>
    public const string Relay4 = "relay4";

    /// <summary>Every known profile name.</summary>
    public static string[] Names { get; } = { Relay8, Relay4 };

    /// <summary>True when <paramref name="profile"/> is known.</summary>
    public static bool IsKnown(string profile) => Array.IndexOf(Names, profile) >= 0;

    /// <summary>A new layout for the profile (each station gets its own: the Core may keep state in it).</summary>
    public static RelayLayout Layout(string profile)
    {
        switch (profile)
        {
            case Relay8:
                return new RelayLayout(
                    new RelayChannel[] { new(25, true, 0), new(26, true, 0) },
                    new RelayChannel[] { new(16, true, 0), new(17, true, 0), new(18, true, 1), new(19, true, 1) },
                    new RelayChannel[] { new(21, true, 0), new(22, true, 0) });
            case Relay4:
                return new RelayLayout(
                    new RelayChannel[] { new(25, true, 0) },
                    new RelayChannel[] { new(16, true, 0), new(17, true, 0) },
                    new RelayChannel[] { new(21, true, 0) });
            default:
                throw new FormatException($"unknown board profile '{profile}' ({string.Join(", ", Names)})");
        }
    }
}
