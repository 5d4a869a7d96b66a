using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using CommuneRadio.Server.Bench;
using CommuneRadio.Server.Storage;
using CommuneRadio.Server.Tests.TestSupport;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace CommuneRadio.Server.Tests.Bench;

/// <summary>Short runs of the store benchmark (real time by nature): it stores everything on both databases and reports them side by side.</summary>
[TestClass]
public sealed class StoreBenchmarkTests
{
    [TestMethod]
    [DataRow("sqlite")]
    [DataRow("postgresql")]
    public async Task RunAsync_SmallLoadForOneSecond_StoresEverythingAndMeasuresLatencyAndSize(string database)
    {
        using TestDatabase db = await TestDatabase.CreateAsync(database);
        using IFleetStore store = db.Open();

        StoreBenchmarkResult result = await StoreBenchmark.RunAsync(store, stations: 600, events: 50, seconds: 1, eventsPerStationDay: 12);

        Assert.AreEqual(database, result.Database);
        Assert.AreEqual(10, result.HealthSent);
        Assert.AreEqual(60, result.Written);
        Assert.AreEqual(50, result.EventsStored);
        Assert.IsTrue(result.StoredEverything);
        Assert.HasCount(60, result.Latencies);
        Assert.IsGreaterThan(0.0, result.Quantile(0.99));
        Assert.IsGreaterThan(0L, result.Bytes);
    }

    [TestMethod]
    public async Task RunAsync_BothDatabases_ReportHasOneColumnEach()
    {
        TemporaryPostgres cluster = await TestDatabase.ClusterAsync();
        string empty = await cluster.CreateDatabaseAsync("bench_both");

        IReadOnlyList<StoreBenchmarkResult> results = await StoreBenchmark.RunAsync(StoreBenchmark.Databases, empty, stations: 120, events: 20, seconds: 1, eventsPerStationDay: 12);
        IReadOnlyList<string> report = StoreBenchmark.Report(results);

        CollectionAssert.AreEqual(new[] { "sqlite", "postgresql" }, results.Select(r => r.Database).ToArray());
        StringAssert.Matches(report[1], new System.Text.RegularExpressions.Regex(@"^\s+sqlite\s+postgresql$"));
        Assert.IsTrue(report.Any(l => l.StartsWith("store latency p99 (ms)", System.StringComparison.Ordinal)));
        CollectionAssert.AreEqual(new[] { "sqlite: everything stored", "postgresql: everything stored" }, report.TakeLast(2).ToArray());
    }

    [TestMethod]
    public async Task RunAsync_PostgresDatabaseHoldingStations_RefusedAndLeftAsItWas()
    {
        using TestDatabase db = await TestDatabase.CreateAsync("postgresql");
        using (IFleetStore store = db.Open())
        {
            store.Write(new[] { new CommuneRadio.Server.Ingest.StationMessage("st-1", "state", System.Text.Encoding.UTF8.GetBytes("{\"online\":true}"), true, 1) });
        }

        await Assert.ThrowsExactlyAsync<System.InvalidOperationException>(
            () => StoreBenchmark.RunAsync(new[] { "postgresql" }, db.ConnectionString, stations: 60, events: 0, seconds: 1, eventsPerStationDay: 12));

        using IFleetStore after = db.Open();
        Assert.HasCount(1, after.Stations());
    }
}
