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
        _client.Clock = () => _clock.Now.MonotonicMs;
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

    // Before the shared connection sequence only the device published its configuration report; a simulated station never did.
    [TestMethod]
    public void StartAsync_Connected_PublishesRetainedConfigReportAfterOnlineState()
    {
        int state = _client.Published.FindIndex(p => p.Topic == $"cr/v1/st/{_station.Id}/state");
        int config = _client.Published.FindIndex(p => p.Topic == $"cr/v1/st/{_station.Id}/config");
        Assert.IsTrue(state >= 0 && config > state, "online state first, then the config report");
        var report = _client.Published[config];
        Assert.IsTrue(report.Retain);
        Assert.AreEqual(MqttQualityOfService.AtLeastOnce, report.QoS);
        Assert.AreEqual($"{{\"station\":\"{_station.Id}\",\"board\":\"{_fleet.Stations[0].Board}\",\"valid\":true,\"errors\":[],\"dropped\":0}}", Encoding.UTF8.GetString(report.Payload));
    }

    // Before, the simulator connected with its own choices (clean session off, 15 s) and MQTTnet's reconnect; now the
    // runtime's options, the same the device passes to M2Mqtt, and one attempt per runtime request.
    [TestMethod]
    public void StartAsync_Connects_WithTheRuntimesOptionsAndNoClientReconnect()
    {
        MqttClientOptions o = _client.Options!;
        Assert.AreEqual(_station.Runtime.ConnectOptions.CleanSession, o.CleanSession);
        Assert.IsFalse(o.CleanSession);
        Assert.AreEqual(TimeSpan.FromSeconds(_station.Runtime.ConnectOptions.KeepAliveSeconds), o.KeepAlive);
        Assert.AreEqual(TimeSpan.FromSeconds(60), o.KeepAlive);
        Assert.IsFalse(o.Reconnect.Enabled, "the runtime decides when to attempt");
    }

    // Before, the simulator counted reconnects from the client's events and never asked for a connection itself.
    [TestMethod]
    public void Tick_AfterConnectionLost_DisconnectedThenRuntimeReconnectsCountsItAndRepublishes()
    {
        _client.Drop();
        Tick(250);
        Assert.IsFalse(_station.Endpoint.Connected, "the endpoint is marked disconnected at the next pass");
        Assert.AreEqual(1, _client.ConnectTimes.Count);

        Tick(2250);

        Assert.AreEqual(2, _client.ConnectTimes.Count, "the runtime attempted again within the first backoff (1–2 s)");
        Assert.IsTrue(_station.Endpoint.Connected);
        Assert.AreEqual(1L, _station.View().Reconnects);
        Assert.AreEqual(2, _client.Published.Count(p => p.Topic.EndsWith("/state", StringComparison.Ordinal) && p.Retain));
        Assert.AreEqual(2, _client.Published.Count(p => p.Topic.EndsWith("/config", StringComparison.Ordinal) && p.Retain));
        Assert.AreEqual(2 * _station.Endpoint.Topics.Subscriptions.Length, _client.Subscribed.Count);
    }

    // Before, the simulator backed off by MQTTnet's reconnect (first attempt within 0.5 s, up to 30 s); the device by
    // ReconnectPolicy (1 s, doubling, up to 5 min). Now both by the runtime's ReconnectPolicy.
    [TestMethod]
    public void Tick_BrokerUnreachable_AttemptsFollowReconnectPolicy()
    {
        _client.FailConnects = true;
        _client.Drop();
        long lost = _clock.Now.MonotonicMs + 250;
        Tick(30 * 60 * 1000);

        long[] times = _client.ConnectTimes.Skip(1).ToArray();
        Assert.IsTrue(times.Length >= 8 && times.Length <= 25, $"{times.Length} attempts in 30 min");
        long previous = lost;
        for (int n = 1; n <= times.Length; n++)
        {
            long gap = times[n - 1] - previous;
            long cap = Math.Min(300_000, 1000L << Math.Min(n, 20)) + 250;
            Assert.IsTrue(gap >= 1000 && gap <= cap, $"attempt {n}: {gap} ms after the previous failure, policy allows 1000–{cap}");
            previous = times[n - 1] + 250;
        }

        int failures = _station.Runtime.Policy.Failures - 1;
        Assert.IsTrue(failures == times.Length || failures == times.Length - 1, $"{failures} failed attempts seen for {times.Length} made");
        Assert.IsFalse(_station.Endpoint.Connected);
    }

    [TestMethod]
    public void Tick_EveryPass_KicksTheWatchdog()
    {
        long before = _station.Watchdog.Kicks;
        Tick(1000);
        Assert.AreEqual(before + 4, _station.Watchdog.Kicks);
        Assert.AreEqual(_clock.Now.MonotonicMs, _station.Watchdog.LastKickMs);
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

    private void Tick(long ms)
    {
        for (long t = 0; t < ms; t += 250)
        {
            _clock.Advance(250);
            _station.Tick();
        }
    }
}
