using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using CommuneRadio.Server.Bench;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace CommuneRadio.Server.Tests.Bench;

/// <summary>A one-second run of the store benchmark (real time by nature): it stores everything and reports.</summary>
[TestClass]
public sealed class StoreBenchmarkTests
{
    [TestMethod]
    public async Task RunAsync_SmallLoadForOneSecond_StoresEverythingAndReportsLatencyAndSize()
    {
        IReadOnlyList<string> report = await StoreBenchmark.RunAsync(stations: 600, events: 50, seconds: 1, eventsPerStationDay: 12);

        Assert.AreEqual(4, report.Count);
        StringAssert.Contains(report[1], "health 10/10, events 50/50");
        StringAssert.Contains(report[2], "over 60 messages");
        Assert.IsTrue(report.Any(l => l.Contains("per station-day", System.StringComparison.Ordinal)));
    }
}
