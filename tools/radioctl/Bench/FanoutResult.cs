using System;
using System.Collections.Generic;
using System.Text;
using System.Text.Json;

namespace CommuneRadio.Cli.Bench;

/// <summary>
/// Figures of one <c>radioctl bench fanout</c> run (all latencies in ms from the sender's publish, same clock).
/// <list type="bullet">
/// <item><see cref="RelayOn"/>: the station's first relay write of the emergency (amplifier powered, source
/// selected), made in the very Core call that handled the message — "relays switched on";</item>
/// <item><see cref="LinesOn"/>: the last of the emergency's speaker lines connected (the Core's "started"
/// event) — "on the speakers"; from all-off this includes the amplifier stagger and 1.5 s warm-up;</item>
/// <item><see cref="Result"/>: the station's result received by the sender;</item>
/// <item><see cref="BaselineReceived"/> and <see cref="BaselineResult"/>: the same for bare MQTT clients that only
/// answer (<see cref="BareClientFleet"/>).</item>
/// </list>
/// </summary>
public sealed class FanoutResult
{
    /// <summary>
    /// The fan-out bar (issue 22, docs/benchmarks.md "The decision"): relays-on p99 at most this many times the bare
    /// clients' p99, decided at <see cref="DecisiveStations"/> stations over at least <see cref="DecisiveRounds"/>
    /// interleaved rounds (shorter runs are decided by where the collections fall: 1.09–1.89 over 5 rounds).
    /// </summary>
    public const double RatioTarget = 1.5;

    /// <summary>Stations at which <see cref="RatioTarget"/> is decided.</summary>
    public const int DecisiveStations = 5000;

    /// <summary>Fewest measured rounds that decide <see cref="RatioTarget"/>.</summary>
    public const int DecisiveRounds = 20;

    /// <summary>Stations (and bare clients).</summary>
    public int Stations { get; init; }

    /// <summary>Measured rounds.</summary>
    public int Rounds { get; init; }

    /// <summary>Unmeasured warm-up rounds before them (each side).</summary>
    public int Warmup { get; init; }

    /// <summary>Publish → first relay write of the emergency.</summary>
    public LatencyStats RelayOn { get; set; } = LatencyStats.Empty;

    /// <summary>Publish → every line of the emergency connected.</summary>
    public LatencyStats LinesOn { get; set; } = LatencyStats.Empty;

    /// <summary>Publish → station's result at the sender.</summary>
    public LatencyStats Result { get; set; } = LatencyStats.Empty;

    /// <summary>Publish → command received by a bare client.</summary>
    public LatencyStats BaselineReceived { get; set; } = LatencyStats.Empty;

    /// <summary>Publish → bare client's result at the sender.</summary>
    public LatencyStats BaselineResult { get; set; } = LatencyStats.Empty;

    /// <summary>Station-rounds in which the emergency reached the speakers (every line connected).</summary>
    public int Delivered { get; set; }

    /// <summary>Stations × rounds.</summary>
    public int Expected => Stations * Rounds;

    /// <summary>Station-rounds whose "accepted" result reached the sender.</summary>
    public int Accepted { get; set; }

    /// <summary>Bare-client rounds in which the command arrived.</summary>
    public int BaselineDelivered { get; set; }

    /// <summary>p99 of <see cref="RelayOn"/> over p99 of <see cref="BaselineReceived"/>.</summary>
    public double RatioP99 => LatencyStats.Ratio(RelayOn.P99, BaselineReceived.P99);

    /// <summary>True when <see cref="RatioP99"/> is within <see cref="RatioTarget"/>.</summary>
    public bool RatioMet => RatioP99 <= RatioTarget;

    /// <summary>True when the run is one that decides the bar: at least <see cref="DecisiveStations"/> stations and <see cref="DecisiveRounds"/> rounds.</summary>
    public bool Decisive => Stations >= DecisiveStations && Rounds >= DecisiveRounds;

    /// <summary>p99 of <see cref="Result"/> over p99 of <see cref="BaselineResult"/>.</summary>
    public double RatioResultP99 => LatencyStats.Ratio(Result.P99, BaselineResult.P99);

    /// <summary>The machine.</summary>
    public MachineInfo? Machine { get; set; }

    /// <summary>Process figures during the stations' rounds (GC, thread pool, CPU), one line.</summary>
    public string StationsProcess { get; set; } = string.Empty;

    /// <summary>Process figures during the baseline's rounds, one line.</summary>
    public string BaselineProcess { get; set; } = string.Empty;

    /// <summary>Longest scheduler tick of all stations seen during the rounds, ms.</summary>
    public double MaxTickMs { get; set; }

    /// <summary>Mosquitto's CPU use during the stations' and the baseline's rounds, cores (1.0 = one core busy).</summary>
    public (double Stations, double Baseline) BrokerCpuCores { get; set; }

    /// <summary>Per measured round, CPU ms of radioctl and Mosquitto from the publish until every station had switched and answered.</summary>
    public List<BurstSample> StationsBurst { get; } = new();

    /// <summary>The same for the bare clients (until every one had the command and its result was back).</summary>
    public List<BurstSample> BaselineBurst { get; } = new();

    /// <summary>Wall time of the whole run.</summary>
    public TimeSpan Elapsed { get; set; }

    /// <summary>What went wrong (timeouts, refusals); empty when every emergency was delivered.</summary>
    public List<string> Problems { get; } = new();

    /// <summary>True when every emergency reached every station's speakers and every result came back.</summary>
    public bool Ok => Problems.Count == 0 && Delivered == Expected && Accepted == Expected;

    /// <summary>The figures as one JSON object (snake_case members, ms).</summary>
    public string ToJson() => BenchJson.Object(
        json =>
        {
            json.WriteNumber("stations", Stations);
            json.WriteNumber("rounds", Rounds);
            json.WriteNumber("warmup_rounds", Warmup);
            RelayOn.WriteJson(json, string.Empty);
            LinesOn.WriteJson(json, "lines_");
            Result.WriteJson(json, "result_");
            BaselineReceived.WriteJson(json, "baseline_");
            BaselineResult.WriteJson(json, "baseline_result_");
            json.WriteNumber("ratio_p99", RatioP99);
            json.WriteNumber("ratio_result_p99", RatioResultP99);
            json.WriteNumber("ratio_target", RatioTarget);
            json.WriteBoolean("ratio_met", RatioMet);
            json.WriteBoolean("decisive", Decisive);
            json.WriteNumber("delivered", Delivered);
            json.WriteNumber("expected", Expected);
            json.WriteNumber("accepted", Accepted);
            json.WriteNumber("baseline_delivered", BaselineDelivered);
            json.WriteNumber("max_tick_ms", MaxTickMs);
            json.WriteNumber("broker_cpu_cores", BrokerCpuCores.Stations);
            json.WriteNumber("baseline_broker_cpu_cores", BrokerCpuCores.Baseline);
            BurstSample s = BurstCpu.Mean(StationsBurst);
            BurstSample b = BurstCpu.Mean(BaselineBurst);
            json.WriteNumber("burst_cpu_ms", s.ProcessMs);
            json.WriteNumber("burst_broker_cpu_ms", s.BrokerMs);
            json.WriteNumber("burst_allocated_mb", s.AllocatedMb);
            json.WriteNumber("burst_gc_pause_ms", s.GcPauseMs);
            json.WriteNumber("burst_gc_collections", s.Collections);
            json.WriteNumber("baseline_burst_cpu_ms", b.ProcessMs);
            json.WriteNumber("baseline_burst_broker_cpu_ms", b.BrokerMs);
            json.WriteNumber("baseline_burst_allocated_mb", b.AllocatedMb);
            json.WriteNumber("baseline_burst_gc_pause_ms", b.GcPauseMs);
            json.WriteNumber("baseline_burst_gc_collections", b.Collections);
            json.WriteString("process", StationsProcess);
            json.WriteString("baseline_process", BaselineProcess);
            json.WriteNumber("elapsed_s", Math.Round(Elapsed.TotalSeconds, 1));
        },
        Machine,
        Problems);

    /// <summary>The human-readable report: a latency table, the ratios and the targets of docs/benchmarks.md.</summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        text.AppendLine($"fanout: {Stations} stations x {Rounds} rounds (+{Warmup} warm-up), one group emergency per round, from all relays off");
        text.AppendLine($"  {"ms from publish",-44} {"p50",7} {"p95",7} {"p99",7} {"max",7} {"n",7}");
        RelayOn.AppendRow(text, "relays switched on (first relay write)");
        LinesOn.AppendRow(text, "on the speakers (every line connected)");
        Result.AppendRow(text, "result at the sender");
        BaselineReceived.AppendRow(text, "baseline: command at a bare client");
        BaselineResult.AppendRow(text, "baseline: its result at the sender");
        text.AppendLine($"  delivered {Delivered}/{Expected}, accepted results {Accepted}/{Expected}, baseline {BaselineDelivered}/{Expected}");
        text.AppendLine($"  ratio p99 relays on / baseline {RatioP99}, result / baseline result {RatioResultP99}");
        text.AppendLine($"  targets: every emergency delivered {LatencyStats.Mark(Ok)}; relays on p99 < 1000 ms {LatencyStats.Mark(RelayOn.P99 < 1000)}, max < 3000 ms {LatencyStats.Mark(RelayOn.Max < 3000)}; " +
            $"ratio <= {RatioTarget} {LatencyStats.Mark(RatioMet)}{(Decisive ? string.Empty : $" (decided at N >= {DecisiveStations} over >= {DecisiveRounds} rounds; not by this run)")}; " +
            $"on the speakers max < 3000 ms (EN 54-16) {LatencyStats.Mark(LinesOn.Max < 3000)}");
        BurstSample s = BurstCpu.Mean(StationsBurst);
        BurstSample b = BurstCpu.Mean(BaselineBurst);
        text.AppendLine($"  per burst (publish → all switched and answered): stations {s.ProcessMs} ms CPU radioctl + {s.BrokerMs} ms mosquitto, {s.AllocatedMb} MB allocated, " +
            $"GC {s.Collections} collections pausing {s.GcPauseMs} ms; baseline {b.ProcessMs} ms + {b.BrokerMs} ms, {b.AllocatedMb} MB, GC {b.Collections} pausing {b.GcPauseMs} ms");
        text.AppendLine($"  stations' rounds: {StationsProcess}; longest scheduler tick {MaxTickMs} ms; mosquitto CPU {BrokerCpuCores.Stations} cores");
        text.AppendLine($"  baseline rounds: {BaselineProcess}; mosquitto CPU {BrokerCpuCores.Baseline} cores");
        text.Append($"  machine: {Machine}; run {Elapsed.TotalSeconds:F0} s");
        foreach (string p in Problems)
        {
            text.AppendLine().Append("  problem: ").Append(p);
        }

        return text.ToString();
    }

    private static void Burst(Utf8JsonWriter json, string prefix, BurstSample s)
    {
        json.WriteNumber(prefix + "burst_cpu_ms", s.ProcessMs);
        json.WriteNumber(prefix + "burst_broker_cpu_ms", s.BrokerMs);
        json.WriteNumber(prefix + "burst_allocated_mb", s.AllocatedMb);
        json.WriteNumber(prefix + "burst_gc_pause_ms", s.GcPauseMs);
        json.WriteNumber(prefix + "burst_gc_collections", s.Collections);
    }
}
