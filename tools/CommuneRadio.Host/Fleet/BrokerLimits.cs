using System;
using CommuneRadio.Core.Protocol;

namespace CommuneRadio.Host.Fleet;

/// <summary>
/// What every broker configuration radioctl writes limits (docs/protocol.md §7, docs/fleet.md): the largest MQTT
/// packet is the protocol's largest command payload plus room for the packet's own header and topic.
/// <code>
/// payload  ≤ 12,288 (ProtocolSettings.MaxPayloadBytes: a 64-item schedule.sync fits)
/// header   ≤ 5      (packet type + remaining length, 4 bytes at most)
/// topic    ≤ 2 + 500 (length + e.g. "cr/v1/g/com.ha-tinh.an-binh/cmd", 31; a prefix may take up to ~440)
/// id       2        (QoS 1 packet identifier)
/// >> max_packet_size 12800
/// </code>
/// A larger packet never reaches a station: Mosquitto disconnects its sender and forwards nothing (mosquitto.conf(5),
/// <c>max_packet_size</c>). Everything a station sends is smaller (health and events &lt; 1 KiB, the configuration
/// report ≤ 4 KiB). Limits of the broker's memory per client are not set here: they depend on the fleet's size.
/// </summary>
public static class BrokerLimits
{
    /// <summary>Bytes allowed for everything of a PUBLISH packet but its payload.</summary>
    public const int PacketOverheadBytes = 512;

    /// <summary>File name of the limits in a provisioning directory's <c>mosquitto/</c> folder.</summary>
    public const string FileName = "limits.conf";

    /// <summary>The largest command payload a station accepts (the Core's own default).</summary>
    public static int MaxPayloadBytes { get; } = new ProtocolSettings(string.Empty, string.Empty, Array.Empty<string>()).MaxPayloadBytes;

    /// <summary>Mosquitto's <c>max_packet_size</c>: 12,800 bytes.</summary>
    public static int MaxPacketBytes => MaxPayloadBytes + PacketOverheadBytes;

    /// <summary>The lines to include in a broker's mosquitto.conf (also written as <c>mosquitto/limits.conf</c> by provisioning).</summary>
    public static string MosquittoConfiguration() =>
        "# CommuneRadio broker limits, written by radioctl (docs/protocol.md §7). A client sending a larger packet is\n"
        + "# disconnected and the packet is not forwarded: no station receives a command larger than it accepts.\n"
        + $"max_packet_size {MaxPacketBytes}\n";
}
