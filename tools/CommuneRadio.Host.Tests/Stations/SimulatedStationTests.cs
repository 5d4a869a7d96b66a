using System;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using CommuneRadio.Core.Time;
using CommuneRadio.Host.Commands;
using CommuneRadio.Host.Fleet;
using CommuneRadio.Host.Stations;
using CommuneRadio.Host.Time;
using CommuneRadio.Mqtt;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace CommuneRadio.Host.Tests.Stations;

/// <summary>The station's plumbing, with an in-memory MQTT client and a manual clock (no sleeps).</summary>
[TestClass]
public sealed class SimulatedStationTests
{
    // 2026-11-23 08:00:00 local (+07:00).
    private static readonly long StartUtc = ArgsJson.UtcMs(new DateTime(2026, 11, 23, 8, 0, 0));

    private readonly FleetFile _fleet = FleetGenerator.Generate(2, communes: 1, provinces: 1);
    private readonly ManualClock _clock = new(new Instant(1000, StartUtc));
    private readonly FakeMqttClient _client = new();
    private SimulatedStation _station = null!;

    [TestInitialize]
    public async Task StartStation()
    {
        FleetStation s = _fleet.Stations[0];
        var options = new SimulatedStationOptions(
            new Core.Station.StationSettings(BoardProfiles.Layout(s.Board)),
            new Core.Protocol.ProtocolSettings(_fleet.Prefix, s.Id, s.Groups),
            _fleet.KeyringFor(s),
            new MqttClientOptions { Host = "127.0.0.1", Port = 1 })
        {
            Clock = _clock,
            ClientFactory = () => _client,
        };
        _station = new SimulatedStation(options);
        await _station.StartAsync();
    }

    [TestMethod]
    public void StartAsync_Connects_WillIsRetainedOfflineStateAndOnlineStateIsPublished()
    {
        MqttLastWill will = _client.Options!.Will!;
        Assert.AreEqual($"cr/v1/st/{_station.Id}/state", will.Topic);
        Assert.IsTrue(will.Retain);
        Assert.AreEqual(MqttQualityOfService.AtLeastOnce, will.QoS);
        StringAssert.Contains(Encoding.UTF8.GetString(will.Payload.Span), "\"online\":false");
        Assert.AreEqual(_station.Id, _client.Options.ClientId);
        CollectionAssert.AreEqual(_station.Endpoint.Topics.Subscriptions, _client.Subscribed);
        var online = _client.Published.Single(p => p.Topic.EndsWith("/state", StringComparison.Ordinal));
        Assert.IsTrue(online.Retain);
        StringAssert.Contains(Encoding.UTF8.GetString(online.Payload), "\"online\":true");
    }

    [TestMethod]
    public void Deliver_GroupEmergency_RelaysSwitchAndAcceptedResultIsPublishedAtQos1()
    {
        FleetIssuer province = _fleet.Issuers.Single(i => i.Level == "province");
        SignedCommand cmd = new CommandIssuer(_fleet, province, _clock).Create(province.Scopes[0], "emergency.start", ArgsJson.Emergency(60, 0xF, 1));

        _client.Deliver(cmd.Topic, cmd.Payload);
        for (int i = 0; i < 12; i++)
        {
            _clock.Advance(250);
            _station.Tick();
        }

        Assert.AreEqual(0xF, _station.Board.LinesMask);
        Assert.AreEqual(1, _station.Board.Source);
        var result = _client.Published.Single(p => p.Topic.EndsWith("/result", StringComparison.Ordinal));
        Assert.AreEqual(MqttQualityOfService.AtLeastOnce, result.QoS);
        Assert.IsFalse(result.Retain);
        StringAssert.Contains(Encoding.UTF8.GetString(result.Payload), "\"result\":\"accepted\"");
        Assert.IsTrue(_client.Published.Any(p => p.Topic.EndsWith("/event", StringComparison.Ordinal) && Encoding.UTF8.GetString(p.Payload).Contains("\"kind\":\"started\"", StringComparison.Ordinal)));
    }

    // Before the shared StationRuntime the simulator dropped a refused relay write silently; the device reported it.
    [TestMethod]
    public void Deliver_EmergencyWhileALineRefusesWrites_RaisesRelayFaultAndOtherLinesPlay()
    {
        _station.Board.FailOutput(Core.Relays.RelayRole.Line, 2);
        FleetIssuer province = _fleet.Issuers.Single(i => i.Level == "province");
        SignedCommand cmd = new CommandIssuer(_fleet, province, _clock).Create(province.Scopes[0], "emergency.start", ArgsJson.Emergency(60, 0xF, 1));

        _client.Deliver(cmd.Topic, cmd.Payload);
        for (int i = 0; i < 12; i++)
        {
            _clock.Advance(250);
            _station.Tick();
        }

        Assert.IsTrue((_station.Core.Faults & Core.Health.FaultFlags.RelayFault) != 0);
        Assert.AreEqual(0xB, _station.Board.LinesMask);
        Assert.IsTrue(_client.Published.Any(p => Encoding.UTF8.GetString(p.Payload).Contains("relay-fault", StringComparison.Ordinal)));
    }

    [TestMethod]
    public void SetConnected_Reconnect_CountsItAndPublishesOnlineStateAgain()
    {
        _client.SetConnected(false);
        _client.SetConnected(true);

        Assert.AreEqual(2, _client.Published.Count(p => p.Topic.EndsWith("/state", StringComparison.Ordinal)));
        Assert.AreEqual(1L, _station.View().Reconnects);
    }

    // Before, the simulator never marked its endpoint disconnected (the device does), so events filled the outbox offline.
    [TestMethod]
    public void SetConnected_Lost_EndpointMarkedDisconnectedUntilReconnect()
    {
        _client.SetConnected(false);
        Assert.IsFalse(_station.Endpoint.Connected);

        _client.SetConnected(true);
        Assert.IsTrue(_station.Endpoint.Connected);
    }

    [TestMethod]
    public async Task StopAsync_CleanShutdown_PublishesRetainedOfflineStateThenDisconnects()
    {
        await _station.StopAsync();

        var last = _client.Published[^1];
        Assert.IsTrue(last.Topic.EndsWith("/state", StringComparison.Ordinal) && last.Retain);
        StringAssert.Contains(Encoding.UTF8.GetString(last.Payload), "\"online\":false");
        Assert.IsTrue(_client.Disconnected);
        Assert.IsFalse(_client.Aborted);
    }

    [TestMethod]
    public async Task KillAsync_PowerCut_AbortsWithoutOfflineMessage()
    {
        await _station.KillAsync();

        Assert.IsTrue(_client.Aborted);
        Assert.IsFalse(_client.Published.Any(p => Encoding.UTF8.GetString(p.Payload).Contains("\"online\":false", StringComparison.Ordinal)));
    }
}
