using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CommuneRadio.Cli.Bench;
using CommuneRadio.Cli.Tests.TestSupport;
using CommuneRadio.Host.Commands;
using CommuneRadio.Host.Fleet;
using CommuneRadio.Host.Observe;
using CommuneRadio.Mqtt;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace CommuneRadio.Cli.Tests.Integration;

/// <summary>
/// Faults of a federated fleet on real Mosquittos (national + provinces, TLS, ACLs, persistent bridge sessions), with
/// the simulated stations of the fleet: a province's uplink cut during an emergency and restored, a province's own
/// emergency while its uplink is down, a provincial broker killed and restarted under its stations. Every result is
/// counted, so a message lost or delivered twice by a bridge fails the test (docs/scale.md, "What the fault tests found").
/// The bridges retry every second (<c>restart_timeout 1</c>, the generated default is 5–30 s with jitter) so a link
/// restored after <see cref="Cut"/> is back within about a second instead of up to 30.
/// </summary>
[TestClass]
public sealed class FederationFaultTests
{
    private static readonly TimeSpan Cut = TimeSpan.FromSeconds(10);
    private static readonly BridgeTiming FastRetry = new() { RestartTimeout = "1" };

    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    public async Task UplinkCut_EmergencyStartAndStopSentDuringCuts_EachReachesTheProvinceOnceAfterRestore()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(150));
        FleetFile fleet = FleetGenerator.Generate(18, communes: 6, provinces: 3);
        await using Federation f = await Federation.StartAsync(fleet, FastRetry, cts.Token);
        var national = new CommandIssuer(fleet, fleet.Issuer(FleetGenerator.NationalIssuer));
        string cutProvince = FleetFederation.Provinces(fleet)[1];
        string[] cutStations = f.StationsOf(cutProvince);

        // Cut before the start: the others play at once, the sender sees exactly which stations did not answer.
        await CutAsync(f, cutProvince, cts.Token);
        // Per-province keys: a national command is one signed copy per province (one id).
        SignedCommand start = await f.PublishNationalAsync(national, "emergency.start", ArgsJson.Emergency(300, 0x3, 1), cts.Token);
        await f.WaitAsync(o => o.AnsweredCount(start.Id) == 12, TimeSpan.FromSeconds(20), "the 12 stations of the linked provinces", cts.Token);
        await Task.Delay(Cut, cts.Token);
        CollectionAssert.AreEquivalent(cutStations, Silent(f, start.Id), "the sender must be told exactly which stations did not answer");
        Assert.IsTrue(cutStations.All(id => f.Stations[id].Board.AmplifierMask == 0), "a station behind the cut played");
        Assert.IsTrue(await EventuallyAsync(() => f.Fleet.Stations.Where(s => s.Province != cutProvince).All(s => f.Stations[s.Id].Board.AmplifierMask != 0), cts.Token), "a linked station did not play");

        await RestoreAsync(f, cutProvince, cts.Token);
        await f.WaitAsync(o => o.AnsweredCount(start.Id) == 18, TimeSpan.FromSeconds(20), "the cut province's results after the restore", cts.Token);

        // Cut during the emergency: the stop sent meanwhile reaches them once the link is back.
        await CutAsync(f, cutProvince, cts.Token);
        // Per-province keys: a national command is one signed copy per province (one id).
        SignedCommand stop = await f.PublishNationalAsync(national, "emergency.stop", "{}", cts.Token);
        await f.WaitAsync(o => o.AnsweredCount(stop.Id) == 12, TimeSpan.FromSeconds(20), "the stop at the linked provinces", cts.Token);
        await Task.Delay(Cut, cts.Token);
        Assert.IsTrue(cutStations.All(id => f.Stations[id].Board.AmplifierMask != 0), "the stop reached the cut province through a cut link");
        await RestoreAsync(f, cutProvince, cts.Token);
        await f.WaitAsync(o => o.AnsweredCount(stop.Id) == 18, TimeSpan.FromSeconds(20), "the stop's results after the restore", cts.Token);
        await Task.Delay(2000, cts.Token);

        AssertOncePerStation(f, start.Id, 18);
        AssertOncePerStation(f, stop.Id, 18);
        Assert.IsTrue(f.Sender.ResultsFor(start.Id).Concat(f.Sender.ResultsFor(stop.Id)).All(r => r.Accepted), "a station refused (expired or replayed)");
        foreach (string id in cutStations)
        {
            Assert.AreEqual(1, f.Sender.Events.Count(e => e.Station == id && e.Kind == "started" && e.Programme == start.Id), $"{id}: the emergency did not start exactly once");
            Assert.IsTrue(await EventuallyAsync(() => f.Stations[id].Board.AmplifierMask == 0, cts.Token), $"{id} still on after the stop");
        }
    }

    [TestMethod]
    [TestCategory("Slow")]
    public async Task UplinkCut30Seconds_GeneratedRetryTiming_EmergencyReachesTheProvinceOnceAfterRestore()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(180));
        FleetFile fleet = FleetGenerator.Generate(12, communes: 4, provinces: 2);
        await using Federation f = await Federation.StartAsync(fleet, new BridgeTiming(), cts.Token);
        string cutProvince = FleetFederation.Provinces(fleet)[1];
        await CutAsync(f, cutProvince, cts.Token);
        // Per-province keys: a national command is one signed copy per province (one id).
        SignedCommand start = await f.PublishNationalAsync(new CommandIssuer(fleet, fleet.Issuer(FleetGenerator.NationalIssuer)), "emergency.start", ArgsJson.Emergency(300, 0x3, 1), cts.Token);
        await f.WaitAsync(o => o.AnsweredCount(start.Id) == 6, TimeSpan.FromSeconds(20), "the linked province", cts.Token);
        await Task.Delay(TimeSpan.FromSeconds(30), cts.Token);
        Assert.AreEqual(6, f.Sender.ResultsFor(start.Id).Count, "results crossed a cut link");
        var restored = Stopwatch.StartNew();

        // restart_timeout 5 30: the bridge's next attempt comes within 30 s of the last failed one.
        f.Links[cutProvince].Restore();
        await f.WaitAsync(o => o.AnsweredCount(start.Id) == 12, TimeSpan.FromSeconds(45), "the cut province after the restore", cts.Token);
        TestContext.WriteLine($"results of the cut province back {restored.ElapsedMilliseconds} ms after the link was restored");
        await Task.Delay(2000, cts.Token);
        AssertOncePerStation(f, start.Id, 12);
        Assert.IsTrue(f.Sender.ResultsFor(start.Id).All(r => r.Accepted));
    }

    [TestMethod]
    public async Task UplinkDown_ProvinceEmergencyAtItsBroker_PlaysAndEveryResultComesUpAfterRestore()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        FleetFile fleet = FleetGenerator.Generate(20, communes: 4, provinces: 2);
        await using Federation f = await Federation.StartAsync(fleet, FastRetry, cts.Token);
        string province = fleet.Stations[0].Province;
        string issuerName = FleetGroups.Province(province);
        string[] members = f.StationsOf(province);
        await using var provinceSender = new FleetObserver(fleet.Prefix);
        await provinceSender.StartAsync(f.ProvinceClient(province, issuerName, "test-province-sender"), cts.Token);
        await CutAsync(f, province, cts.Token);

        SignedCommand start = new CommandIssuer(fleet, fleet.Issuer(issuerName)).Create("g/" + issuerName, "emergency.start", ArgsJson.Emergency(300, 0x3, 1));
        await provinceSender.PublishAsync(start, cts.Token);

        Assert.IsTrue(await provinceSender.WaitUntilAsync(o => o.AnsweredCount(start.Id, acceptedOnly: true) == members.Length, TimeSpan.FromSeconds(20), cts.Token), "the province's emergency did not play while its uplink was down");
        Assert.IsTrue(await EventuallyAsync(() => members.All(id => f.Stations[id].Board.AmplifierMask != 0), cts.Token), "an amplifier stayed off");
        await Task.Delay(Cut, cts.Token);
        Assert.AreEqual(0, f.Sender.ResultsFor(start.Id).Count, "results crossed a cut link");

        await RestoreAsync(f, province, cts.Token);

        // The bridge's local session (local_cleansession false) held the results: every one comes up, once.
        await f.WaitAsync(o => o.AnsweredCount(start.Id) == members.Length, TimeSpan.FromSeconds(20), "the results held by the bridge", cts.Token);
        await Task.Delay(2000, cts.Token);
        AssertOncePerStation(f, start.Id, members.Length);
        Assert.AreEqual(members.Length, f.Sender.Events.Count(e => e.Kind == "started" && e.Programme == start.Id), "a proof-of-play event was lost or doubled");
    }

    [TestMethod]
    public async Task UplinkDown_MoreResultsThanMosquittosDefaultQueue_EveryOneComesUpAfterRestore()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(150));
        FleetFile fleet = FleetGenerator.Generate(60, communes: 2, provinces: 1);
        await using Federation f = await Federation.StartAsync(fleet, FastRetry, cts.Token);
        string province = fleet.Stations[0].Province;
        string issuerName = FleetGroups.Province(province);
        await using var provinceSender = new FleetObserver(fleet.Prefix);
        await provinceSender.StartAsync(f.ProvinceClient(province, issuerName, "test-province-sender"), cts.Token);
        var issuer = new CommandIssuer(fleet, fleet.Issuer(issuerName));
        await CutAsync(f, province, cts.Token);

        // 25 commands × 60 stations = 1,500 results for the bridge to hold: more than Mosquitto's default queue of 1,000.
        var ids = new List<string>();
        for (int i = 0; i < 25; i++)
        {
            SignedCommand status = issuer.Create("g/" + issuerName, "status", "{}");
            ids.Add(status.Id);
            await provinceSender.PublishAsync(status, cts.Token);
        }

        Assert.IsTrue(await provinceSender.WaitUntilAsync(o => ids.All(id => o.AnsweredCount(id) == 60), TimeSpan.FromSeconds(30), cts.Token), "the province did not answer its own commands");
        await RestoreAsync(f, province, cts.Token);

        await f.WaitAsync(o => ids.All(id => o.AnsweredCount(id) == 60), TimeSpan.FromSeconds(30), $"1,500 results at the national broker (have {ids.Sum(id => f.Sender.AnsweredCount(id))})", cts.Token);
        await Task.Delay(1000, cts.Token);
        foreach (string id in ids)
        {
            AssertOncePerStation(f, id, 60);
        }
    }

    [TestMethod]
    public async Task ProvincialBrokerKilled_RestartedUnderItsStations_EachReconnectsOnceAndTheBridgeReturns()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(150));
        FleetFile fleet = FleetGenerator.Generate(120, communes: 4, provinces: 2);
        var connects = new List<(string Station, long At)>();
        await using Federation f = await Federation.StartAsync(fleet, FastRetry, cts.Token, (s, o) => o.ClientFactory = () => Recording(s.Id, connects));
        string province = fleet.Stations[0].Province;
        string[] members = f.StationsOf(province);
        lock (connects)
        {
            connects.Clear();
        }

        long kill = Stopwatch.GetTimestamp();
        await f.Provinces[province].RestartAsync(cts.Token);
        await f.WaitBridgeStatesAsync(new[] { province }, true, TimeSpan.FromSeconds(30), cts.Token);
        var watch = Stopwatch.StartNew();
        while (Count(connects) < members.Length && watch.Elapsed < TimeSpan.FromSeconds(60))
        {
            await Task.Delay(100, cts.Token);
        }

        await Task.Delay(3000, cts.Token);
        (string Station, long At)[] after;
        lock (connects)
        {
            after = connects.ToArray();
        }

        long[] times = after.Select(c => c.At).Order().ToArray();
        int peak = ReconnectBenchmark.PeakInWindow(times, Stopwatch.Frequency);
        double allBackMs = times.Length == 0 ? 0 : (times[^1] - kill) * 1000.0 / Stopwatch.Frequency;
        TestContext.WriteLine($"{members.Length} stations: {after.Length} connects after the restart, all back {allBackMs:F0} ms after the kill, peak {peak} connects in one second");
        CollectionAssert.AreEquivalent(members, after.Select(c => c.Station).ToArray(), "each station of the restarted broker must reconnect exactly once (no flapping, nobody left out)");

        SignedCommand status = new CommandIssuer(fleet, fleet.Issuer(FleetGenerator.NationalIssuer)).Create("g/" + FleetGroups.Province(province), "status", "{}");
        await f.Sender.PublishAsync(status, cts.Token);
        await f.WaitAsync(o => o.AnsweredCount(status.Id, acceptedOnly: true) == members.Length, TimeSpan.FromSeconds(20), "a national status command through the restored bridge", cts.Token);
        await Task.Delay(1000, cts.Token);
        AssertOncePerStation(f, status.Id, members.Length);
    }

    private static async Task CutAsync(Federation f, string province, CancellationToken ct)
    {
        f.Links[province].Cut();
        await f.WaitBridgeStatesAsync(new[] { province }, false, TimeSpan.FromSeconds(30), ct);
    }

    private static async Task RestoreAsync(Federation f, string province, CancellationToken ct)
    {
        f.Links[province].Restore();
        await f.WaitBridgeStatesAsync(new[] { province }, true, TimeSpan.FromSeconds(30), ct);
    }

    // The result is published when the command is accepted; the relays follow on the next ticks (250 ms each).
    private static async Task<bool> EventuallyAsync(Func<bool> condition, CancellationToken ct)
    {
        var watch = Stopwatch.StartNew();
        while (!condition())
        {
            if (watch.Elapsed > TimeSpan.FromSeconds(5))
            {
                return false;
            }

            await Task.Delay(50, ct);
        }

        return true;
    }

    private static string[] Silent(Federation f, string commandId)
    {
        var answered = new HashSet<string>(f.Sender.ResultsFor(commandId).Select(r => r.Station), StringComparer.Ordinal);
        return f.Fleet.Stations.Select(s => s.Id).Where(id => !answered.Contains(id)).ToArray();
    }

    // Every result counted: exactly one per station, none lost, none twice.
    private static void AssertOncePerStation(Federation f, string commandId, int stations)
    {
        IReadOnlyList<CommandResultRecord> results = f.Sender.ResultsFor(commandId);
        Assert.AreEqual(stations, results.Count, $"{commandId}: {results.Count} results for {stations} stations");
        Assert.AreEqual(stations, results.Select(r => r.Station).Distinct().Count(), $"{commandId}: a station answered twice");
    }

    private static int Count(List<(string, long)> connects)
    {
        lock (connects)
        {
            return connects.Select(c => c.Item1).Distinct().Count();
        }
    }

    private static IMqttClient Recording(string station, List<(string Station, long At)> connects)
    {
        IMqttClient client = MqttClientFactory.Create();
        client.ConnectionStateChanged += (_, e) =>
        {
            if (e.State == MqttConnectionState.Connected)
            {
                lock (connects)
                {
                    connects.Add((station, Stopwatch.GetTimestamp()));
                }
            }
        };
        return client;
    }
}
