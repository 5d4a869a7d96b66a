using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Threading.Tasks;
using CommuneRadio.Core.Update;
using CommuneRadio.Host.Fleet;
using CommuneRadio.Host.Observe;
using CommuneRadio.Host.Stations;
using CommuneRadio.Host.Time;
using CommuneRadio.Mosquitto;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace CommuneRadio.Cli.Tests.TestSupport;

/// <summary>
/// For <c>radioctl update push</c>: a Mosquitto on a free loopback port; a generated fleet (one province, two communes)
/// whose province key holds the update right; simulated stations on files (records and both update slots under a
/// temporary data directory) that prove a new version within 4 s or roll it back, and for which
/// <see cref="BadVersion"/> is an image that never gets on the network; an operator workspace pointing at the broker;
/// and an application image folder. <see cref="PowerCutAsync"/> restarts a station from its files like a power cut.
/// A missing mosquitto fails the test.
/// </summary>
internal sealed class LiveUpdateStations : IAsyncDisposable
{
    public const string BadVersion = "9.9.9-bad";

    private readonly Dictionary<string, SimulatedStationOptions> _options = new(StringComparer.Ordinal);
    private readonly List<SimulatedStation> _restarted = new();

    private LiveUpdateStations(MosquittoBroker broker, FleetObserver observer, FleetFile fleet, string root)
    {
        Broker = broker;
        Observer = observer;
        Root = root;
        Image = Path.Combine(root, "image");
        Workspace = new OperatorWorkspace(fleet);
        Stations = new SimulatedFleet(fleet, _ => broker.CreateClientOptions(), dataDirectory: Path.Combine(root, "data"), configure: (s, o) =>
        {
            o.UpdateSettings = new UpdateSettings { ProveWithinMs = 4000, SaveTrialEveryMs = 1000 };
            o.BadUpdateVersions.Add(BadVersion);
            _options[s.Id] = o;
        });
    }

    public MosquittoBroker Broker { get; }

    public SimulatedFleet Stations { get; }

    public FleetObserver Observer { get; }

    public OperatorWorkspace Workspace { get; }

    public FleetFile Fleet => Workspace.Fleet;

    public string Root { get; }

    /// <summary>The image folder: two .pe files of random bytes.</summary>
    public string Image { get; }

    /// <summary>The stations of commune an-binh (com.ha-tinh.an-binh).</summary>
    public string[] AnBinh => Fleet.Stations.Where(s => s.Commune == "an-binh").Select(s => s.Id).ToArray();

    /// <summary>The station now running under <paramref name="id"/> (a new one after <see cref="PowerCutAsync"/>).</summary>
    public SimulatedStation Station(string id) => _restarted.LastOrDefault(s => s.Id == id) ?? Stations[id];

    public static async Task<LiveUpdateStations> StartAsync(int stations = 6, int imageKib = 10)
    {
        MosquittoBroker broker = await MosquittoBroker.StartAsync();
        FleetFile fleet = FleetGenerator.Generate(stations, communes: 2, provinces: 1, broker: $"mqtt://127.0.0.1:{broker.Port}");
        foreach (FleetIssuer i in fleet.Issuers.Where(i => i.Level == "province"))
        {
            i.Update = true;
        }

        var observer = new FleetObserver(fleet.Prefix);
        await observer.StartAsync(broker.CreateClientOptions("test-observer"));
        var live = new LiveUpdateStations(broker, observer, fleet, Directory.CreateTempSubdirectory("cr-update-live-").FullName);
        Directory.CreateDirectory(live.Image);
        File.WriteAllBytes(Path.Combine(live.Image, "CommuneRadio.Firmware.pe"), RandomNumberGenerator.GetBytes(imageKib * 1024 - 1_500));
        File.WriteAllBytes(Path.Combine(live.Image, "CommuneRadio.Extra.pe"), RandomNumberGenerator.GetBytes(1_500));
        await live.Stations.StartAsync();
        Assert.IsTrue(
            await observer.WaitUntilAsync(o => fleet.Stations.All(s => o.Online.GetValueOrDefault(s.Id)), TimeSpan.FromSeconds(10)),
            "stations did not announce themselves online");
        return live;
    }

    /// <summary>Drops <paramref name="id"/>'s connection like a power cut, waits, and boots it again from its files.</summary>
    public async Task PowerCutAsync(string id, TimeSpan off)
    {
        SimulatedStation old = Station(id);
        await old.KillAsync();
        Stations.Scheduler.Remove(old);
        await Task.Delay(off);
        SimulatedStationOptions o = _options[id];
        o.Clock = new SystemClock();
        var again = new SimulatedStation(o);
        _restarted.Add(again);
        await again.StartAsync();
        Stations.Scheduler.Add(again);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (SimulatedStation s in _restarted)
        {
            await s.DisposeAsync();
        }

        await Stations.DisposeAsync();
        await Observer.DisposeAsync();
        Broker.Dispose();
        Workspace.Dispose();
        Directory.Delete(Root, true);
    }
}
