using System;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using CommuneRadio.Cli.Bench;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace CommuneRadio.Cli.Tests.Bench;

/// <summary>
/// <c>radioctl bench national</c> in process, small (20 stations over 2 provincial brokers bridged to a national one,
/// 2 rounds, real Mosquittos on loopback): every national emergency reached every station and bare client through the
/// bridges and every result came back to the national sender. No latency is asserted (a benchmark prints figures).
/// </summary>
[TestClass]
public sealed class NationalBenchmarkTests
{
    [TestMethod]
    public async Task RunAsync_TwoProvinces_EveryEmergencyAndResultThroughTheBridges()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        var benchmark = new NationalBenchmark(2, 20, 2, _ => { });

        NationalResult result = await benchmark.RunAsync(cts.Token);

        Assert.AreEqual(0, result.Problems.Count, string.Join("; ", result.Problems));
        Assert.IsTrue(result.Ok);
        Assert.AreEqual(40, result.Delivered);
        Assert.AreEqual(40, result.Accepted);
        Assert.AreEqual(40, result.BaselineDelivered);
        Assert.AreEqual(40, result.BaselineAnswered);
        Assert.AreEqual(40, result.RelayOn.Count, "one relays-on time per station and round");
        Assert.AreEqual(40, result.BaselineResult.Count, "one result per bare client and round");
        Assert.IsTrue(result.IdleRssBytes > 0, "the brokers' memory was not read from /proc");
        using JsonDocument json = JsonDocument.Parse(result.ToJson());
        foreach (string field in new[] { "provinces", "stations", "p99_ms", "result_p99_ms", "baseline_p99_ms", "baseline_result_p99_ms", "ratio_p99", "ratio_result_p99", "idle_rss_bytes" })
        {
            Assert.AreEqual(JsonValueKind.Number, json.RootElement.GetProperty(field).ValueKind, field);
        }
    }
}
