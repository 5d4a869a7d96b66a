using System;

namespace CommuneRadio.Mqtt.Tests.TestSupport
{
    /// <summary>Hex strings with optional spaces, as packets are written in the MQTT spec.</summary>
    internal static class Hex
    {
        public static byte[] Parse(string hex) => Convert.FromHexString(hex.Replace(" ", string.Empty, StringComparison.Ordinal));

        public static string Format(ReadOnlySpan<byte> bytes) => Convert.ToHexString(bytes);
    }
}
