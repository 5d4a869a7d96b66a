using System;
using System.Linq;
using System.Threading.Tasks;
using CommuneRadio.Cli.Tests.TestSupport;
using CommuneRadio.Core.Relays;
using CommuneRadio.Host.Stations;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace CommuneRadio.Cli.Tests.Integration;

/// <summary><c>radioctl selftest</c> against simulated stations on a real Mosquitto.</summary>
[TestClass]
public sealed class SelfTestCommandTests
{
    [TestMethod]
    public async Task SelfTest_CommuneGroup_EveryMemberDrivesItsLinesOneByOne()
    {
        await using LiveStations live = await LiveStations.StartAsync();

        var clock = System.Diagnostics.Stopwatch.StartNew();
        CliRun run = await live.Workspace.RunAsync("selftest", "--commune", "an-binh", "--json");

        Assert.AreEqual(0, run.ExitCode, run.ToString());
        using var doc = System.Text.Json.JsonDocument.Parse(run.Output);
        var lines = doc.RootElement.GetProperty("lines").EnumerateArray().ToArray();
        Assert.AreEqual(live.AnBinh.Sum(id => live.Fleet.Stations.Single(s => s.Id == id).Board == "relay4" ? 2 : 4), lines.Length, run.Output);
        Assert.IsTrue(lines.All(l => l.GetProperty("ok").GetBoolean()), run.Output);
        StringAssert.StartsWith(lines[0].GetProperty("outcome").GetString(), "ok, ");
        // docs/operators.md: 3 s per line plus ~2 s of sequencing; 4 lines end within 30 s.
        Assert.IsTrue(clock.Elapsed < TimeSpan.FromSeconds(30), $"selftest took {clock.Elapsed}");
        foreach (string id in live.AnBinh)
        {
            SimulatedStation station = live.Stations[id];
            DateTime deadline = DateTime.UtcNow.AddSeconds(15);
            while (LinesSwitchedOn(station).Length < 2 && DateTime.UtcNow < deadline)
            {
                await Task.Delay(100);
            }

            int[] order = LinesSwitchedOn(station);
            Assert.IsTrue(order.Length >= 2, id + " switched lines: " + string.Join(",", order));
            Assert.AreEqual(0, order[0], id);
            Assert.AreEqual(1, order[1], id);
        }
    }

    [TestMethod]
    public async Task SelfTest_WhileAProgrammePlays_RefusedBusyExits2()
    {
        await using LiveStations live = await LiveStations.StartAsync();
        Assert.AreEqual(0, (await live.Workspace.RunAsync("play", "--commune", "an-binh", "--duration", "30s")).ExitCode);

        CliRun run = await live.Workspace.RunAsync("selftest", "--commune", "an-binh");

        Assert.AreEqual(2, run.ExitCode, run.ToString());
        StringAssert.Contains(run.Output, "busy");
    }

    // Lines in the order they were first connected.
    private static int[] LinesSwitchedOn(SimulatedStation station)
    {
        return station.Board.Timeline
            .Where(e => e.Write.Role == RelayRole.Line && e.Write.On)
            .Select(e => e.Write.Index)
            .Distinct()
            .ToArray();
    }
}
