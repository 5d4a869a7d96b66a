using System;
using CommuneRadio.Core.Relays;

namespace CommuneRadio.Host.Fleet;

/// <summary>
/// Relay boards a fleet file may name (docs/fleet.md). Pins are the ESP32 GPIOs of the reference wiring.
/// <code>
/// relay8   2 amplifiers (GPIO25, 26), 4 lines (GPIO16-19; lines 0-1 on amp 0, 2-3 on amp 1), 2 sources (GPIO21, 22), active-low
/// relay4   1 amplifier (GPIO25), 2 lines (GPIO16, 17), 1 source (GPIO21), active-low
/// devkit-4relay  Firmware/Config/devkit-4relay.json: 1 amplifier (GPIO23), 2 lines (22, 21), 1 source (19), active-low
/// board-8relay   Firmware/Config/board-8relay.json: 2 amplifiers (32, 33), 4 lines (25, 26 on amp 0; 27, 13 on amp 1),
///                2 sources (4, 18), active-low
/// </code>
/// The last two are the firmware's board profiles, named by fleets that <c>radioctl provision</c> writes; the
/// provisioned devices' own configuration files hold the same wiring.
/// </summary>
public static class BoardProfiles
{
    /// <summary>The eight-relay module (the default).</summary>
    public const string Relay8 = "relay8";

    /// <summary>The four-relay module.</summary>
    public const string Relay4 = "relay4";

    /// <summary>The firmware's four-relay DevKit profile (Firmware/Config/devkit-4relay.json).</summary>
    public const string Devkit4Relay = "devkit-4relay";

    /// <summary>The firmware's eight-relay profile (Firmware/Config/board-8relay.json).</summary>
    public const string Board8Relay = "board-8relay";

    /// <summary>Every known profile name.</summary>
    public static string[] Names { get; } = { Relay8, Relay4, Devkit4Relay, Board8Relay };

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
            case Devkit4Relay:
                return new RelayLayout(
                    new RelayChannel[] { new(23, true, 0) },
                    new RelayChannel[] { new(22, true, 0), new(21, true, 0) },
                    new RelayChannel[] { new(19, true, 0) });
            case Board8Relay:
                return new RelayLayout(
                    new RelayChannel[] { new(32, true, 0), new(33, true, 0) },
                    new RelayChannel[] { new(25, true, 0), new(26, true, 0), new(27, true, 1), new(13, true, 1) },
                    new RelayChannel[] { new(4, true, 0), new(18, true, 0) });
            default:
                throw new FormatException($"unknown board profile '{profile}' ({string.Join(", ", Names)})");
        }
    }
}
