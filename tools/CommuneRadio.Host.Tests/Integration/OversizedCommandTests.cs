using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using CommuneRadio.Host.Fleet;
using CommuneRadio.Host.Observe;
using CommuneRadio.Host.Stations;
using CommuneRadio.Mosquitto;
using CommuneRadio.Mqtt;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace CommuneRadio.Host.Tests.Integration;

/// <summary>
/// Oversized publishes to a station's command topic on a real Mosquitto (docs/protocol.md §7): a broker without a
/// limit delivers them and the station answers one <c>too-large</c> refusal, acknowledges and stays connected; the
/// configuration radioctl writes (<see cref="BrokerLimits"/>) stops them at the broker, and a command of the
/// protocol's largest size still passes it.
/// </summary>
[TestClass]
public sealed class OversizedCommandTests
{
    [TestMethod]
    [DataRow(64 * 1024)]
    [DataRow(1024 * 1024)]
    public async Task OversizedPublish_BrokerWithoutLimit_OneTooLargeRefusalAndTheStationStaysConnected(int size)
    {
        await using var broker = await MosquittoBroker.StartAsync();
        await using var live = await OneStation.StartAsync(broker);

        await live.Observer.PublishRawAsync(live.CommandTopic, Filled(size), retain: false);

        Assert.IsTrue(await live.Observer.WaitUntilAsync(o => o.Results.Count >= 1, TimeSpan.FromSeconds(10)), "no result for the oversized command");
        await Task.Delay(2000); // a redelivery or a reconnect would show within this
        CommandResultRecord result = live.Observer.Results.Single();
        Assert.AreEqual(live.Station.Id, result.Station);
        Assert.IsFalse(result.Accepted);
        Assert.AreEqual("too-large", result.Reason);
        Assert.IsNull(result.Id, "nothing of an oversized payload is read");
        live.AssertConnectedOnce();
    }

    [TestMethod]
    [DataRow(64 * 1024)]
    [DataRow(1024 * 1024)]
    public async Task OversizedPublish_GeneratedBrokerLimits_SenderDisconnectedAndTheStationReceivesNothing(int size)
    {
        await using var broker = await MosquittoBroker.StartAsync(new MosquittoBrokerOptions { ExtraConfiguration = BrokerLimits.MosquittoConfiguration() });
        await using var live = await OneStation.StartAsync(broker);
        await using IMqttClient sender = MqttClientFactory.Create();
        var lost = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        sender.ConnectionStateChanged += (_, e) =>
        {
            if (e.State == MqttConnectionState.Disconnected)
            {
                lost.TrySetResult();
            }
        };
        MqttClientOptions options = broker.CreateClientOptions("oversized-sender");
        options.Reconnect.Enabled = false;
        await sender.ConnectAsync(options);

        try
        {
            await sender.PublishAsync(live.CommandTopic, Filled(size), MqttQualityOfService.AtMostOnce);
        }
        catch (MqttNotConnectedException)
        {
            // The broker closed the connection while the packet was still being written (broken pipe).
        }

        await lost.Task.WaitAsync(TimeSpan.FromSeconds(10));
        await Task.Delay(2000);
        Assert.AreEqual(0, live.Observer.Results.Count, "the broker forwarded an oversized packet");
        live.AssertConnectedOnce();
    }

    [TestMethod]
    public async Task LargestPayloads_GeneratedBrokerLimits_PassTheBrokerAndTheStationDecides()
    {
        await using var broker = await MosquittoBroker.StartAsync(new MosquittoBrokerOptions { ExtraConfiguration = BrokerLimits.MosquittoConfiguration() });
        await using var live = await OneStation.StartAsync(broker);

        // Exactly the protocol's limit reaches the station (not JSON: malformed); one byte more is the station's too-large.
        await live.Observer.PublishRawAsync(live.CommandTopic, Filled(BrokerLimits.MaxPayloadBytes), retain: false);
        await live.Observer.PublishRawAsync(live.CommandTopic, Filled(BrokerLimits.MaxPayloadBytes + 1), retain: false);

        Assert.IsTrue(await live.Observer.WaitUntilAsync(o => o.Results.Count >= 2, TimeSpan.FromSeconds(10)), "the largest commands did not reach the station");
        CollectionAssert.AreEqual(new[] { "malformed", "too-large" }, live.Observer.Results.Select(r => r.Reason).ToArray());
        live.AssertConnectedOnce();
    }

    private static byte[] Filled(int size)
    {
        byte[] payload = new byte[size];
        Array.Fill(payload, (byte)'x');
        return payload;
    }

    /// <summary>One simulated station and an observer on a broker.</summary>
    private sealed class OneStation : IAsyncDisposable
    {
        private readonly MosquittoBroker _broker;

        private OneStation(MosquittoBroker broker, FleetFile fleet, SimulatedFleet stations, FleetObserver observer)
        {
            _broker = broker;
            Fleet = fleet;
            Stations = stations;
            Observer = observer;
        }

        public FleetFile Fleet { get; }

        public SimulatedFleet Stations { get; }

        public FleetObserver Observer { get; }

        public SimulatedStation Station => Stations.Stations[0];

        // The longest command topic of a generated fleet's station is its commune group's; the station's own is close.
        public string CommandTopic => $"{Fleet.Prefix}/st/{Station.Id}/cmd";

        public static async Task<OneStation> StartAsync(MosquittoBroker broker)
        {
            FleetFile fleet = FleetGenerator.Generate(1, broker: $"mqtt://127.0.0.1:{broker.Port}");
            var observer = new FleetObserver(fleet.Prefix);
            await observer.StartAsync(broker.CreateClientOptions("test-server"));
            var stations = new SimulatedFleet(fleet, _ => broker.CreateClientOptions());
            var live = new OneStation(broker, fleet, stations, observer);
            await stations.StartAsync();
            Assert.IsTrue(await observer.WaitUntilAsync(o => o.Online.GetValueOrDefault(fleet.Stations[0].Id), TimeSpan.FromSeconds(10)), "the station did not come online");
            return live;
        }

        /// <summary>Connected, online, and connected to the broker exactly once (no drop, no reconnect).</summary>
        public void AssertConnectedOnce()
        {
            Assert.IsTrue(Station.IsConnected, "the station lost its connection");
            Assert.IsTrue(Observer.Online[Station.Id], "the station's state says offline");
            Assert.AreEqual(0, Station.View().Reconnects, "the station reconnected");
            int connects = Regex.Matches(_broker.ReadLog(), $@"New client connected from \S+ as {Regex.Escape(Station.Id)} ").Count;
            Assert.AreEqual(1, connects, "the broker saw the station connect more than once:\n" + _broker.ReadLog());
        }

        public async ValueTask DisposeAsync()
        {
            await Stations.DisposeAsync();
            await Observer.DisposeAsync();
        }
    }
}
