namespace CommuneRadio.Host.Fleet;

/// <summary>
/// When a provincial bridge retries and pings (mosquitto.conf(5) <c>restart_timeout</c>, <c>keepalive_interval</c>).
/// The defaults are the generated configuration's; tests shorten the retry to see a restored link within seconds.
/// </summary>
public sealed class BridgeTiming
{
    /// <summary>
    /// <c>restart_timeout</c>: "base cap" = decorrelated-jitter backoff between base and cap seconds, or one number for a
    /// constant delay. Default "5 30" (Mosquitto's own default, written out so the file says it): 34 bridges that lost
    /// the national broker together do not come back in the same second.
    /// </summary>
    public string RestartTimeout { get; init; } = "5 30";

    /// <summary><c>keepalive_interval</c>, seconds (Mosquitto's minimum is 5). Default 30: a silent link is noticed within 45 s.</summary>
    public int KeepAliveSeconds { get; init; } = 30;
}
