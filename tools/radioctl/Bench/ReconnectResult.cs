using System;
using System.Collections.Generic;
using System.Text;

namespace CommuneRadio.Cli.Bench;

/// <summary>
/// Figures of one <c>radioctl bench reconnect</c> run. Times are ms from the moment the broker was killed; a
/// station counts as back when its client has reconnected <b>and</b> restored its subscriptions (the client raises
/// Connected only after the SUBACKs).
/// </summary>
public sealed class ReconnectResult
{
    /// <summary>Stations.</summary>
    public int Stations { get; init; }

    /// <summary>How long the broker stayed down before it was started again, s.</summary>
    public double DownSeconds { get; init; }

    /// <summary>Kill → broker listening again.</summary>
    public double ListeningMs { get; set; }

    /// <summary>Kill → every station back and subscribed.</summary>
    public double AllBackMs { get; set; }

    /// <summary>Per station: kill → back and subscribed.</summary>
    public LatencyStats Back { get; set; } = LatencyStats.Empty;

    /// <summary>Stations that came back.</summary>
    public int Reconnected { get; set; }

    /// <summary>Most reconnections completed in any 1 s window (client-side timestamps).</summary>
    public int PeakPerSecond { get; set; }

    /// <summary>Most "New client connected" lines in one whole second of Mosquitto's log.</summary>
    public int BrokerPeakPerSecond { get; set; }

    /// <summary>Stations that answered a group <c>status</c> command sent after every one was back (subscriptions really restored).</summary>
    public int Answered { get; set; }

    /// <summary>The machine.</summary>
    public MachineInfo? Machine { get; set; }

    /// <summary>What went wrong; empty when every station came back and answered.</summary>
    public List<string> Problems { get; } = new();

    /// <summary>True when every station came back and answered.</summary>
    public bool Ok => Problems.Count == 0 && Reconnected == Stations && Answered == Stations;

    /// <summary>The figures as one JSON object (snake_case members, ms).</summary>
    public string ToJson() => BenchJson.Object(
        json =>
        {
            json.WriteNumber("stations", Stations);
            json.WriteNumber("down_s", DownSeconds);
            json.WriteNumber("listening_ms", ListeningMs);
            json.WriteNumber("all_back_ms", AllBackMs);
            json.WriteNumber("back_p50_ms", Back.P50);
            json.WriteNumber("back_p95_ms", Back.P95);
            json.WriteNumber("back_p99_ms", Back.P99);
            json.WriteNumber("reconnected", Reconnected);
            json.WriteNumber("peak_connections_per_s", PeakPerSecond);
            json.WriteNumber("broker_peak_connections_per_s", BrokerPeakPerSecond);
            json.WriteNumber("answered", Answered);
        },
        Machine,
        Problems);

    /// <summary>The human-readable report.</summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        text.AppendLine($"reconnect: {Stations} stations, broker killed and restarted after {DownSeconds} s (listening again at {ListeningMs} ms)");
        text.AppendLine($"  back and subscribed: {Reconnected}/{Stations}; all back {AllBackMs} ms after the kill (p50 {Back.P50}, p95 {Back.P95}, p99 {Back.P99} ms)");
        text.AppendLine($"  peak connection rate: {PeakPerSecond}/s in any 1 s window (client side), {BrokerPeakPerSecond}/s in one second of the broker log");
        text.AppendLine($"  group status command afterwards answered by {Answered}/{Stations}");
        text.Append($"  machine: {Machine}");
        foreach (string p in Problems)
        {
            text.AppendLine().Append("  problem: ").Append(p);
        }

        return text.ToString();
    }
}
