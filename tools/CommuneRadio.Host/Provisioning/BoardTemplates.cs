using System;
using System.IO;
using System.Reflection;

namespace CommuneRadio.Host.Provisioning;

/// <summary>
/// The board profiles an inventory may name: the example configuration files of Firmware/Config, embedded in this
/// assembly at build time (never a copy that could drift). A generated station configuration is the profile's
/// file with the station, Wi-Fi, broker and keys sections replaced, so relays, timings and sensors are exactly the
/// wiring documented in Firmware/README.md.
/// <code>
/// devkit-4relay  Firmware/Config/devkit-4relay.json   1 amplifier, 2 lines, 1 source (GPIO 23, 22, 21, 19)
/// board-8relay   Firmware/Config/board-8relay.json    2 amplifiers, 4 lines, 2 sources
/// </code>
/// </summary>
public static class BoardTemplates
{
    private const string ResourcePrefix = "CommuneRadio.Host.Boards.";

    /// <summary>Every profile name.</summary>
    public static string[] Names { get; } = { "devkit-4relay", "board-8relay" };

    /// <summary>True when <paramref name="name"/> is a profile.</summary>
    public static bool IsKnown(string name) => Array.IndexOf(Names, name) >= 0;

    /// <summary>The profile's configuration file text; throws <see cref="ArgumentException"/> for an unknown name.</summary>
    public static string Load(string name)
    {
        if (!IsKnown(name))
        {
            throw new ArgumentException($"unknown board profile '{name}' ({string.Join(", ", Names)})", nameof(name));
        }

        using Stream stream = typeof(BoardTemplates).Assembly.GetManifestResourceStream(ResourcePrefix + name + ".json")
            ?? throw new InvalidOperationException($"board profile '{name}' is not embedded in {typeof(BoardTemplates).Assembly.GetName().Name}");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
