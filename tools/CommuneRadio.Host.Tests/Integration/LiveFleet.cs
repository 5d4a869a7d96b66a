using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using CommuneRadio.Host.Commands;
using CommuneRadio.Host.Fleet;
using CommuneRadio.Host.Observe;
using CommuneRadio.Host.Stations;
using CommuneRadio.Mosquitto;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace CommuneRadio.Host.Tests.Integration;

/// <summary>
/// A real Mosquitto on a free loopback port, a generated fleet (one province, two communes) running as simulated
/// stations on the wall clock, and a server-side observer. A missing mosquitto fails the test (FileNotFoundException).
/// </summary>
internal sealed class LiveFleet : IAsyncDisposable
{
    private LiveFleet(MosquittoBroker broker, FleetFile fleet, SimulatedFleet stations, FleetObserver observer)
    {
        Broker = broker;
        Fleet = fleet;
        Stations = stations;
        Observer = observer;
    }

    public MosquittoBroker Broker { get; }

    public FleetFile Fleet { get; }

    public SimulatedFleet Stations { get; }

    public FleetObserver Observer { get; }

    /// <summary>Clients of the stations by station id when started with recordClients (otherwise empty).</summary>
    public Dictionary<string, RecordingMqttClient> Recorders { get; } = new(StringComparer.Ordinal);

    public static async Task<LiveFleet> StartAsync(
        int stations, bool startStations = true, bool recordClients = false, Action<FleetFile>? prepare = null, Action<FleetStation, SimulatedStationOptions>? adjust = null)
    {
        MosquittoBroker broker = await MosquittoBroker.StartAsync();
        FleetFile fleet = FleetGenerator.Generate(stations, communes: 2, provinces: 1, broker: $"mqtt://127.0.0.1:{broker.Port}");
        prepare?.Invoke(fleet);
        var observer = new FleetObserver(fleet.Prefix);
        await observer.StartAsync(broker.CreateClientOptions("test-server"));
        var recorders = new Dictionary<string, RecordingMqttClient>(StringComparer.Ordinal);
        Action<FleetStation, SimulatedStationOptions>? configure = !recordClients ? null : (s, o) =>
        {
            var client = new RecordingMqttClient();
            recorders.Add(s.Id, client);
            o.ClientFactory = () => client;
        };
        Action<FleetStation, SimulatedStationOptions>? both = configure is null ? adjust : adjust is null ? configure : (st, o) =>
        {
            configure(st, o);
            adjust(st, o);
        };
        var simulated = new SimulatedFleet(fleet, _ => broker.CreateClientOptions(), configure: both);
        var live = new LiveFleet(broker, fleet, simulated, observer);
        foreach (KeyValuePair<string, RecordingMqttClient> r in recorders)
        {
            live.Recorders.Add(r.Key, r.Value);
        }

        if (startStations)
        {
            await live.StartStationsAsync();
        }

        return live;
    }

    public async Task StartStationsAsync()
    {
        await Stations.StartAsync();
        Assert.IsTrue(
            await Observer.WaitUntilAsync(o => Fleet.Stations.All(s => o.Online.GetValueOrDefault(s.Id)), TimeSpan.FromSeconds(10)),
            "stations did not announce themselves online");
    }

    public CommandIssuer Issuer(string level) => new(Fleet, Fleet.Issuers.First(i => i.Level == level));

    public FleetIssuer IssuerEntry(string level) => Fleet.Issuers.First(i => i.Level == level);

    /// <summary>A whole second at least <paramref name="leadMs"/> from now (the schedule's resolution is 1 s).</summary>
    public static long NextSecondUtc(int leadMs) => (DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() + leadMs) / 1000 * 1000 + 1000;

    public async Task<long> PublishAsync(SignedCommand command) => await Observer.PublishAsync(command);

    public async Task WaitForAsync(Func<FleetObserver, bool> condition, TimeSpan timeout, string what)
    {
        if (!await Observer.WaitUntilAsync(condition, timeout))
        {
            Assert.Fail($"timed out after {timeout.TotalSeconds} s waiting for: {what}. Events: {string.Join("; ", Observer.Events.Select(e => $"{e.Station} {e.Kind} {e.Programme}"))}. Results: {string.Join("; ", Observer.Results.Select(r => $"{r.Station} {r.Accepted} {r.Reason}"))}");
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Stations.DisposeAsync();
        await Observer.DisposeAsync();
        Broker.Dispose();
    }
}
