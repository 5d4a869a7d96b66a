using System;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using CommuneRadio.Cli.Bench;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace CommuneRadio.Cli.Tests.Bench;

/// <summary>
/// <c>radioctl bench fanout</c> in process with a small fleet (20 stations, 2 rounds, through a real Mosquitto on a
/// free loopback port): the JSON report has its fields and every emergency reached every station. About 15 s;
/// no latency is asserted (a benchmark prints figures, it does not time a test).
/// </summary>
[TestClass]
public sealed class FanoutBenchmarkTests
{
    [TestMethod]
    public async Task RunAsync_SmallFleet_EveryEmergencyDeliveredAndJsonComplete()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(55));
        var benchmark = new FanoutBenchmark(20, 2, _ => { });

        FanoutResult result = await benchmark.RunAsync(cts.Token);

        Assert.AreEqual(0, result.Problems.Count, string.Join("; ", result.Problems));
        using JsonDocument json = JsonDocument.Parse(result.ToJson());
        JsonElement r = json.RootElement;
        foreach (string field in new[]
        {
            "stations", "rounds", "p50_ms", "p95_ms", "p99_ms", "max_ms", "lines_p99_ms", "result_p99_ms", "baseline_p99_ms",
            "baseline_result_p99_ms", "ratio_p99", "delivered", "expected", "burst_cpu_ms", "burst_allocated_mb", "burst_gc_pause_ms",
            "burst_gc_collections", "baseline_burst_gc_pause_ms", "baseline_burst_gc_collections",
        })
        {
            Assert.AreEqual(JsonValueKind.Number, r.GetProperty(field).ValueKind, field);
        }

        Assert.AreEqual(20, r.GetProperty("stations").GetInt32());
        Assert.AreEqual(2, r.GetProperty("rounds").GetInt32());
        Assert.AreEqual(40, r.GetProperty("expected").GetInt32());
        Assert.AreEqual(r.GetProperty("expected").GetInt32(), r.GetProperty("delivered").GetInt32());
        Assert.AreEqual(40, r.GetProperty("accepted").GetInt32());
        Assert.AreEqual(40, r.GetProperty("baseline_delivered").GetInt32());
        Assert.AreEqual(40, result.RelayOn.Count, "one relays-on time per station and round");
        Assert.AreEqual(40, result.BaselineReceived.Count, "one received time per bare client and round");
        Assert.AreEqual(2, result.StationsBurst.Count, "one burst per measured round");
        Assert.AreEqual(JsonValueKind.Object, r.GetProperty("machine").ValueKind);
        Assert.AreEqual(1.5, r.GetProperty("ratio_target").GetDouble(), "the bar of issue 22");
        Assert.AreEqual(result.RatioP99 <= 1.5, r.GetProperty("ratio_met").GetBoolean());
        Assert.IsFalse(r.GetProperty("decisive").GetBoolean(), "20 stations x 2 rounds do not decide the bar");
        StringAssert.Contains(result.ToString(), "ratio <= 1.5", "the printed targets name the bar");
    }

    [TestMethod]
    public void From_FiveSamples_NearestRank()
    {
        LatencyStats s = LatencyStats.From(new double[] { 5, 1, 3, 2, 4 });

        Assert.AreEqual(new LatencyStats(5, 3, 5, 5, 5), s);
    }

    [TestMethod]
    public void PeakInWindow_Bursts_LargestCountInsideOneWindow()
    {
        Assert.AreEqual(4, ReconnectBenchmark.PeakInWindow(new long[] { 0, 100, 900, 1000, 1500, 1600 }, 1000));
    }
}
