using System;

namespace CommuneRadio.Mqtt.Client
{
    /// <summary>
    /// Capped exponential backoff with full jitter (see <see cref="MqttReconnectPolicy"/>).
    /// Example, MinDelay 500 ms, MaxDelay 30 s, random 0.5: attempt 0 = 250 ms, attempt 3 = 2 s,
    /// attempt 10 = 15 s (cap 30 s reached).
    /// </summary>
    internal static class MqttBackoff
    {
        /// <summary>Delay before reconnect attempt <paramref name="attempt"/> given a uniform sample in [0, 1).</summary>
        public static TimeSpan ComputeDelay(MqttReconnectPolicy policy, int attempt, double random)
        {
            ArgumentNullException.ThrowIfNull(policy);
            ArgumentOutOfRangeException.ThrowIfNegative(attempt);

            // 2^30 already exceeds any sane cap; clamping keeps the arithmetic finite.
            double cap = policy.MinDelay.TotalMilliseconds * Math.Pow(2, Math.Min(attempt, 30));
            cap = Math.Min(cap, policy.MaxDelay.TotalMilliseconds);
            return TimeSpan.FromMilliseconds(cap * Math.Clamp(random, 0, 1));
        }
    }
}
