namespace CommuneRadio.Host.Flash;

/// <summary>What <c>radioctl flash</c> was asked to do.</summary>
public sealed class FlashOptions
{
    /// <summary>Default nanoFramework target: ESP32-WROOM-32 without PSRAM (Firmware/README.md).</summary>
    public const string DefaultTarget = "ESP32_REV0";

    /// <summary>Default application image: the device build's output.</summary>
    public const string DefaultImage = "Firmware/bin/Release/CommuneRadio.Firmware.bin";

    /// <summary>Serial port, e.g. /dev/ttyUSB0 or COM3.</summary>
    public string Port { get; init; } = string.Empty;

    /// <summary>Station id, as provisioned.</summary>
    public string Station { get; init; } = string.Empty;

    /// <summary>Provisioning directory.</summary>
    public string Directory { get; init; } = ".";

    /// <summary>nanoFramework target name.</summary>
    public string Target { get; init; } = DefaultTarget;

    /// <summary>Application deployment image (.bin).</summary>
    public string Image { get; init; } = DefaultImage;

    /// <summary>Only deploy the configuration (and CA certificate): no firmware, no application.</summary>
    public bool ConfigOnly { get; init; }

    /// <summary>Print the command lines, run nothing.</summary>
    public bool DryRun { get; init; }
}
