using System;
using System.Collections.Generic;
using System.Text;
using System.Text.Json;

namespace CommuneRadio.Cli.Bench;

/// <summary>
/// Figures of one <c>radioctl bench national</c> run (latencies in ms from the national sender's publish, same clock):
/// <see cref="RelayOn"/> the station's first relay write of the emergency, <see cref="Result"/> its result at the
/// national sender (two bridge crossings), and the same for bare clients behind the same bridges.
/// </summary>
public sealed class NationalResult
{
    /// <summary>Provincial brokers.</summary>
    public int Provinces { get; init; }

    /// <summary>Stations (and bare clients).</summary>
    public int Stations { get; init; }

    /// <summary>Measured rounds.</summary>
    public int Rounds { get; init; }

    /// <summary>Unmeasured warm-up rounds before them (each side).</summary>
    public int Warmup { get; init; }

    /// <summary>True when the sides ran one after the other (this process could not hold 2N connections).</summary>
    public bool Sequential { get; init; }

    /// <summary>Publish → first relay write of the emergency.</summary>
    public LatencyStats RelayOn { get; set; } = LatencyStats.Empty;

    /// <summary>Publish → station's result at the national sender.</summary>
    public LatencyStats Result { get; set; } = LatencyStats.Empty;

    /// <summary>Publish → command received by a bare client.</summary>
    public LatencyStats BaselineReceived { get; set; } = LatencyStats.Empty;

    /// <summary>Publish → bare client's result at the national sender.</summary>
    public LatencyStats BaselineResult { get; set; } = LatencyStats.Empty;

    /// <summary>Station-rounds in which a relay switched on.</summary>
    public int Delivered { get; set; }

    /// <summary>Station-rounds whose accepted result reached the national sender.</summary>
    public int Accepted { get; set; }

    /// <summary>Bare-client rounds in which the command arrived.</summary>
    public int BaselineDelivered { get; set; }

    /// <summary>Bare-client rounds whose result reached the national sender.</summary>
    public int BaselineAnswered { get; set; }

    /// <summary>Stations × rounds.</summary>
    public int Expected => Stations * Rounds;

    /// <summary>Provincial brokers' resident memory with only the bridges connected, bytes (sum).</summary>
    public long IdleRssBytes { get; set; }

    /// <summary>Growth of the provincial brokers' resident memory per client connected and subscribed, by side, bytes.</summary>
    public Dictionary<string, double> RssPerConnection { get; } = new(StringComparer.Ordinal);

    /// <summary>p99 relays on / p99 baseline received.</summary>
    public double RatioP99 => LatencyStats.Ratio(RelayOn.P99, BaselineReceived.P99);

    /// <summary>p99 result / p99 baseline result.</summary>
    public double RatioResultP99 => LatencyStats.Ratio(Result.P99, BaselineResult.P99);

    /// <summary>The machine.</summary>
    public MachineInfo? Machine { get; set; }

    /// <summary>Wall time of the whole run.</summary>
    public TimeSpan Elapsed { get; set; }

    /// <summary>What went wrong; empty when every emergency and every result went through.</summary>
    public List<string> Problems { get; } = new();

    /// <summary>True when every emergency reached every member and every result came back to the national sender.</summary>
    public bool Ok => Problems.Count == 0 && Delivered == Expected && Accepted == Expected && BaselineDelivered == Expected && BaselineAnswered == Expected;

    /// <summary>The figures as one JSON object (snake_case members, ms).</summary>
    public string ToJson() => BenchJson.Object(
        json =>
        {
            json.WriteNumber("provinces", Provinces);
            json.WriteNumber("stations", Stations);
            json.WriteNumber("rounds", Rounds);
            json.WriteNumber("warmup_rounds", Warmup);
            json.WriteBoolean("sequential", Sequential);
            RelayOn.WriteJson(json, string.Empty);
            Result.WriteJson(json, "result_");
            BaselineReceived.WriteJson(json, "baseline_");
            BaselineResult.WriteJson(json, "baseline_result_");
            json.WriteNumber("ratio_p99", RatioP99);
            json.WriteNumber("ratio_result_p99", RatioResultP99);
            json.WriteNumber("delivered", Delivered);
            json.WriteNumber("accepted", Accepted);
            json.WriteNumber("baseline_delivered", BaselineDelivered);
            json.WriteNumber("baseline_answered", BaselineAnswered);
            json.WriteNumber("expected", Expected);
            json.WriteNumber("idle_rss_bytes", IdleRssBytes);
            json.WriteNumber("rss_per_station_connection_bytes", Math.Round(RssPerConnection.GetValueOrDefault("stations")));
            json.WriteNumber("rss_per_bare_connection_bytes", Math.Round(RssPerConnection.GetValueOrDefault("baseline")));
            json.WriteNumber("elapsed_s", Math.Round(Elapsed.TotalSeconds, 1));
        },
        Machine,
        Problems);

    /// <summary>The human-readable report.</summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        text.AppendLine($"national: {Stations} stations over {Provinces} provincial brokers bridged to a national one, {Rounds} rounds (+{Warmup} warm-up), " +
            $"a national emergency per round{(Sequential ? "; sides run one after the other (descriptor limit)" : "; sides alternating")}");
        text.AppendLine($"  {"ms from the national publish",-44} {"p50",7} {"p95",7} {"p99",7} {"max",7} {"n",7}");
        RelayOn.AppendRow(text, "relays switched on (first relay write)");
        Result.AppendRow(text, "result at the national sender");
        BaselineReceived.AppendRow(text, "baseline: command at a bare client");
        BaselineResult.AppendRow(text, "baseline: its result at the national sender");
        text.AppendLine($"  delivered {Delivered}/{Expected}, accepted results {Accepted}/{Expected}, baseline {BaselineDelivered}/{Expected} received, {BaselineAnswered}/{Expected} answered");
        text.AppendLine($"  ratio p99 relays on / baseline {RatioP99}, result / baseline result {RatioResultP99}");
        text.AppendLine($"  targets: every emergency delivered {LatencyStats.Mark(Ok)}; relays on p99 < 1000 ms {LatencyStats.Mark(RelayOn.P99 < 1000)}; results p99 < 2000 ms {LatencyStats.Mark(Result.P99 < 2000)}; ratio <= 1.5 {LatencyStats.Mark(RatioP99 <= 1.5)}");
        text.AppendLine($"  provincial brokers' RSS: {IdleRssBytes / 1048576.0:F1} MB with only the bridges; per connection {RssPerConnection.GetValueOrDefault("stations") / 1024:F1} KB (station), {RssPerConnection.GetValueOrDefault("baseline") / 1024:F1} KB (bare client)");
        text.Append($"  machine: {Machine}; run {Elapsed.TotalSeconds:F0} s");
        foreach (string p in Problems)
        {
            text.AppendLine().Append("  problem: ").Append(p);
        }

        return text.ToString();
    }
}
