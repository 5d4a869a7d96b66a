using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using CommuneRadio.Host.Fleet;
using CommuneRadio.Host.Observe;
using CommuneRadio.Host.Stations;
using CommuneRadio.Mosquitto;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace CommuneRadio.Cli.Tests.TestSupport;

/// <summary>
/// A Mosquitto on a free loopback port, a generated fleet (one province, two communes: an-binh and ky-anh)
/// running as simulated stations on the wall clock, an observer for assertions, and an operator workspace whose
/// fleet file points at the broker. A missing mosquitto fails the test.
/// </summary>
internal sealed class LiveStations : IAsyncDisposable
{
    private LiveStations(MosquittoBroker broker, SimulatedFleet stations, FleetObserver observer, OperatorWorkspace workspace)
    {
        Broker = broker;
        Stations = stations;
        Observer = observer;
        Workspace = workspace;
    }

    public MosquittoBroker Broker { get; }

    public SimulatedFleet Stations { get; }

    public FleetObserver Observer { get; }

    public OperatorWorkspace Workspace { get; }

    public FleetFile Fleet => Workspace.Fleet;

    public static async Task<LiveStations> StartAsync(int stations = 4)
    {
        MosquittoBroker broker = await MosquittoBroker.StartAsync();
        FleetFile fleet = FleetGenerator.Generate(stations, communes: 2, provinces: 1, broker: $"mqtt://127.0.0.1:{broker.Port}");
        var observer = new FleetObserver(fleet.Prefix);
        await observer.StartAsync(broker.CreateClientOptions("test-observer"));
        var simulated = new SimulatedFleet(fleet, _ => broker.CreateClientOptions());
        var live = new LiveStations(broker, simulated, observer, new OperatorWorkspace(fleet));
        await simulated.StartAsync();
        Assert.IsTrue(
            await observer.WaitUntilAsync(o => fleet.Stations.All(s => o.Online.GetValueOrDefault(s.Id)), TimeSpan.FromSeconds(10)),
            "stations did not announce themselves online");
        return live;
    }

    /// <summary>The stations of commune an-binh (com.ha-tinh.an-binh).</summary>
    public string[] AnBinh => Fleet.Stations.Where(s => s.Commune == "an-binh").Select(s => s.Id).ToArray();

    public async Task WaitForAsync(Func<FleetObserver, bool> condition, TimeSpan timeout, string what)
    {
        if (!await Observer.WaitUntilAsync(condition, timeout))
        {
            Assert.Fail($"timed out after {timeout.TotalSeconds} s waiting for: {what}. Events: {string.Join("; ", Observer.Events.Select(e => $"{e.Station} {e.Kind} {e.Programme} {e.Reason}"))}");
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Stations.DisposeAsync();
        await Observer.DisposeAsync();
        Broker.Dispose();
        Workspace.Dispose();
    }
}
