using System;

namespace CommuneRadio.Mqtt
{
    /// <summary>
    /// Automatic reconnect after a lost connection: capped exponential backoff with full jitter.
    /// Attempt n (0-based) waits a uniformly random time in [0, min(MaxDelay, MinDelay * 2^n)].
    /// Example with MinDelay 0.5 s, MaxDelay 30 s: caps 0.5, 1, 2, 4, 8, 16, 30, 30 ... seconds.
    /// Full jitter spreads 10,000 simulated stations so a broker restart is not met by a stampede.
    /// </summary>
    public sealed class MqttReconnectPolicy
    {
        /// <summary>Reconnect automatically after a connection is lost (not after DisconnectAsync/AbortAsync).</summary>
        public bool Enabled { get; set; } = true;

        /// <summary>Backoff cap of the first attempt.</summary>
        public TimeSpan MinDelay { get; set; } = TimeSpan.FromMilliseconds(500);

        /// <summary>Largest backoff cap.</summary>
        public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(30);
    }
}
