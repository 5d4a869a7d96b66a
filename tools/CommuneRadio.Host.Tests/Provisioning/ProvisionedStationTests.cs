using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using CommuneRadio.Core.Config;
using CommuneRadio.Core.Security;
using CommuneRadio.Host.Commands;
using CommuneRadio.Host.Fleet;
using CommuneRadio.Host.Observe;
using CommuneRadio.Host.Stations;
using CommuneRadio.Mqtt;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace CommuneRadio.Host.Tests.Provisioning;

/// <summary>
/// End to end: a simulated station built from a generated configuration file (parsed by the Core's ConfigParser:
/// its settings, relays, groups, keyring and broker user/password), connected to Mosquitto with the generated
/// credentials and ACL, obeys a command signed with a key from the generated keyrings. Only the broker's host and
/// port come from the test (the broker listens on a free loopback port).
/// </summary>
[TestClass]
public sealed class ProvisionedStationTests
{
    [TestMethod]
    public async Task RelaySelftest_SignedWithGeneratedCommuneKey_StationFromGeneratedConfigSwitchesEachLine()
    {
        await using ProvisionedBroker live = await ProvisionedBroker.StartAsync();
        await using SimulatedStation station = await StartStationAsync(live, "ht-ab-001");
        await using FleetObserver operatorView = await ObserveAsync(live, "com.ha-tinh.an-binh");
        FleetIssuer commune = KeyringFile.Load(live.Layout.IssuerKeyring("com.ha-tinh.an-binh")).Issuers.Single();
        SignedCommand selftest = new CommandIssuer(live.Fleet, commune).Create("g/com.ha-tinh.an-binh", "relay.selftest", "{}");

        await operatorView.PublishAsync(selftest);

        await TickUntilAsync(station, () => station.Board.Timeline.Any(r => r.Write.On && station.Board.LinesMask != 0), "a speaker line switched on");
        Assert.IsTrue(await operatorView.WaitUntilAsync(o => o.Results.Any(r => r.Id == selftest.Id), TimeSpan.FromSeconds(5)), "no result");
        CommandResultRecord result = operatorView.Results.Single(r => r.Id == selftest.Id);
        Assert.IsTrue(result.Accepted, result.Reason);
        Assert.AreEqual("ht-ab-001", result.Station);
        Assert.AreEqual(1, station.Board.AmplifierMask, "the amplifier is powered before a line is connected");
    }

    [TestMethod]
    public async Task RelaySelftest_SignedWithAnotherStationsKey_RefusedAsUnknownIssuer()
    {
        await using ProvisionedBroker live = await ProvisionedBroker.StartAsync();
        await using SimulatedStation station = await StartStationAsync(live, "ht-ab-001");
        await using FleetObserver operatorView = await ObserveAsync(live, "st.ht-ab-001");

        // The engineer's station key for ht-ab-002, forged onto ht-ab-001's topic by a client the ACL allows there.
        FleetIssuer otherStation = KeyringFile.Load(live.Layout.Keyring).Find("st.ht-ab-002")!;
        SignedCommand forged = new CommandIssuer(live.Fleet, otherStation).Create("st/ht-ab-001", "relay.selftest", "{}");
        await operatorView.PublishAsync(forged);

        await TickUntilAsync(station, () => operatorView.Results.Any(r => r.Id == forged.Id), "the refusal");
        CommandResultRecord result = operatorView.Results.Single(r => r.Id == forged.Id);
        Assert.IsFalse(result.Accepted);
        Assert.AreEqual("unknown-issuer", result.Reason);
        Assert.IsFalse(station.Board.Timeline.Any(r => r.Write.On));
    }

    private static async Task<SimulatedStation> StartStationAsync(ProvisionedBroker live, string id)
    {
        byte[] bytes = File.ReadAllBytes(live.Layout.StationConfig(id));
        StationConfig config = ConfigParser.Parse(bytes, bytes.Length);
        Assert.IsTrue(config.Valid);
        MqttClientOptions broker = live.Broker.CreateClientOptions();
        broker.Username = config.Device.Username;
        broker.Password = config.Device.Password;
        var station = new SimulatedStation(new SimulatedStationOptions(config.Station, config.Protocol, config.Keys, broker));
        await station.StartAsync();
        return station;
    }

    private static async Task<FleetObserver> ObserveAsync(ProvisionedBroker live, string issuer)
    {
        var observer = new FleetObserver(live.Prefix);
        await observer.StartAsync(live.Login(issuer));
        return observer;
    }

    // The station's Core runs when ticked (StationScheduler does it every 250 ms in radioctl simulate).
    private static async Task TickUntilAsync(SimulatedStation station, Func<bool> done, string what)
    {
        DateTime deadline = DateTime.UtcNow.AddSeconds(10);
        while (!done())
        {
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"timed out waiting for {what}; relay timeline: {string.Join(", ", station.Board.Timeline.Select(r => r.Write.ToString()))}");
            }

            station.Tick();
            await Task.Delay(50);
        }
    }
}
