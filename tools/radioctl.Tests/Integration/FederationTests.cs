using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CommuneRadio.Cli.Tests.TestSupport;
using CommuneRadio.Host.Commands;
using CommuneRadio.Host.Fleet;
using CommuneRadio.Host.Observe;
using CommuneRadio.Mqtt;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace CommuneRadio.Cli.Tests.Integration;

/// <summary>
/// A national broker bridged to three provincial brokers, as <c>radioctl broker --national / --province P</c> generate
/// them, on real Mosquittos with TLS, passwords and ACLs: commands go down to exactly the stations that hear them,
/// every result comes up, and a province's bridge user gets no further than its own province.
/// </summary>
[TestClass]
public sealed class FederationTests
{
    [TestMethod]
    public async Task NationalEmergency_ThreeProvinces_EveryStationAcceptsOnceAndEveryResultComesUp()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        FleetFile fleet = FleetGenerator.Generate(18, communes: 6, provinces: 3);
        await using Federation f = await Federation.StartAsync(fleet, new BridgeTiming { RestartTimeout = "1" }, cts.Token);
        var national = new CommandIssuer(fleet, fleet.Issuer(FleetGenerator.NationalIssuer));

        // Per-province keys: a national command is one signed copy per province (one id).
        SignedCommand start = await f.PublishNationalAsync(national, "emergency.start", ArgsJson.Emergency(60, 0x3, 1), cts.Token);

        await f.WaitAsync(o => o.AnsweredCount(start.Id, acceptedOnly: true) == 18, TimeSpan.FromSeconds(20), "18 accepted results at the national broker", cts.Token);
        await Task.Delay(1000, cts.Token);
        Assert.AreEqual(18, f.Sender.ResultsFor(start.Id).Count, "a result came up twice");
        Assert.IsTrue(f.Stations.Stations.All(s => s.Board.AmplifierMask != 0), "a station did not switch on");
    }

    [TestMethod]
    public async Task ProvinceEmergency_AtItsBroker_ReachesOnlyItsStationsAndResultsComeUp()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        FleetFile fleet = FleetGenerator.Generate(12, communes: 4, provinces: 2);
        await using Federation f = await Federation.StartAsync(fleet, new BridgeTiming { RestartTimeout = "1" }, cts.Token);
        string province = fleet.Stations[0].Province;
        string issuerName = FleetGroups.Province(province);
        await using var provinceSender = new FleetObserver(fleet.Prefix);
        await provinceSender.StartAsync(f.ProvinceClient(province, issuerName, "test-province-sender"), cts.Token);
        SignedCommand start = new CommandIssuer(fleet, fleet.Issuer(issuerName)).Create("g/" + issuerName, "emergency.start", ArgsJson.Emergency(60, 0x3, 1));

        await provinceSender.PublishAsync(start, cts.Token);

        string[] members = f.StationsOf(province);
        await f.WaitAsync(o => o.AnsweredCount(start.Id, acceptedOnly: true) == members.Length, TimeSpan.FromSeconds(20), "the province's results at the national broker", cts.Token);
        await Task.Delay(1000, cts.Token);
        CollectionAssert.AreEquivalent(members, f.Sender.ResultsFor(start.Id).Select(r => r.Station).ToArray());
        Assert.IsFalse(f.Stations.Stations.Where(s => !members.Contains(s.Id)).Any(s => s.Board.AmplifierMask != 0), "another province played");
    }

    [TestMethod]
    public async Task Acls_BridgeUserOfOneProvince_CannotWriteOrReadAnothersTopics()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        FleetFile fleet = FleetGenerator.Generate(8, communes: 2, provinces: 2);
        await using Federation f = await Federation.StartAsync(fleet, new BridgeTiming { RestartTimeout = "1" }, cts.Token);
        string a = fleet.Stations[0].Province;
        string b = fleet.Stations.First(s => s.Province != a).Province;
        string stationOfB = f.StationsOf(b)[0];
        string bridgeA = FleetFederation.BridgeUser(a);
        var nationalLink = BridgeLinkPassword(f, a);

        // Bridge user of A on the national broker: writing a result of B's station is dropped, reading B's commands gets nothing.
        await using IMqttClient intruder = MqttClientFactory.Create();
        var options = f.NationalClient(FleetGenerator.NationalIssuer, "test-intruder");
        options.Username = bridgeA;
        options.Password = nationalLink;
        await intruder.ConnectAsync(options, cts.Token);
        int received = 0;
        intruder.MessageReceived += (_, _) => Interlocked.Increment(ref received);
        await intruder.SubscribeAsync($"{fleet.Prefix}/g/{FleetGroups.Province(b)}/cmd", MqttQualityOfService.AtLeastOnce, cts.Token);
        await intruder.PublishAsync($"{fleet.Prefix}/st/{stationOfB}/result", "{\"id\":\"forged\",\"station\":\"" + stationOfB + "\",\"result\":\"accepted\"}", MqttQualityOfService.AtLeastOnce, false, cts.Token);
        SignedCommand toB = new CommandIssuer(fleet, fleet.Issuer(FleetGenerator.NationalIssuer)).Create("g/" + FleetGroups.Province(b), "status", "{}");
        await f.Sender.PublishAsync(toB, cts.Token);

        await f.WaitAsync(o => o.AnsweredCount(toB.Id) == f.StationsOf(b).Length, TimeSpan.FromSeconds(20), "B's stations answered", cts.Token);
        await Task.Delay(1000, cts.Token);
        Assert.AreEqual(0, f.Sender.ResultsFor("forged").Count, "the national broker let A's bridge user write a result of B's station");
        Assert.AreEqual(0, received, "A's bridge user read B's commands");
    }

    private static string BridgeLinkPassword(Federation f, string province) =>
        BridgeLink.Load(CommuneRadio.Cli.Broker.FederatedBroker.LinkPath(f.NationalDirectory, province)).Password;
}
