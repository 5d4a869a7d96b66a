using CommuneRadio.Core.Config;

namespace CommuneRadio.Core.Runtime
{
    /// <summary>The values a <see cref="StationRuntime"/> is built with; the defaults are the device's.</summary>
    public sealed class RuntimeSettings
    {
        /// <summary>Creates settings with the retained configuration report to publish after every connect.</summary>
        public RuntimeSettings(byte[] configReport)
        {
            ConfigReport = configReport;
        }

        /// <summary>The <see cref="Config.ConfigReport"/> payload, published retained on <c>P/st/{station}/config</c> after every connect.</summary>
        public byte[] ConfigReport;

        /// <summary>Shortest backoff after a failed attempt or a lost connection (1 s).</summary>
        public int ReconnectMinMs = 1000;

        /// <summary>Cap of the backoff (5 min).</summary>
        public int ReconnectMaxMs = 300000;

        /// <summary>MQTT keep-alive, seconds (the device's configuration file may change it).</summary>
        public int KeepAliveSeconds = DeviceSettings.DefaultKeepAliveSeconds;

        /// <summary>Jitter seed of the backoff; 0 = derived from the station id, so stations of one fleet differ.</summary>
        public uint Seed;

        /// <summary>
        /// Most outbox messages handed to the transport after one Core call or pass. Bounded work per call keeps relay
        /// sequencing on time and the M2Mqtt in-flight queue (unbounded by default) small; 8 per call empties a full
        /// outbox (32) within a second of ticks after a reconnect.
        /// </summary>
        public int MaxPublishesPerCall = 8;
    }
}
