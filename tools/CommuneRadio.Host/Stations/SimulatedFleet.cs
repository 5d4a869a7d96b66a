using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CommuneRadio.Core.Protocol;
using CommuneRadio.Core.Station;
using CommuneRadio.Host.Fleet;
using CommuneRadio.Host.Storage;
using CommuneRadio.Host.Time;
using CommuneRadio.Host.Update;
using CommuneRadio.Mqtt;

namespace CommuneRadio.Host.Stations;

/// <summary>
/// The stations of a fleet file running in this process: one <see cref="SimulatedStation"/> (own MQTT
/// connection, own keyring built by <see cref="FleetFile.KeyringFor"/>) per fleet station, all ticked by one
/// <see cref="StationScheduler"/>. Stations with a data directory get a <see cref="FileStorage"/> in
/// <c>{data}/{station id}/</c>, otherwise a <see cref="MemoryStorage"/>.
/// </summary>
public sealed class SimulatedFleet : IAsyncDisposable
{
    private readonly List<SimulatedStation> _stations = new();
    private readonly Dictionary<string, SimulatedStation> _byId = new(StringComparer.Ordinal);

    /// <summary>Builds the stations (nothing connects until <see cref="StartAsync"/>).</summary>
    /// <param name="fleet">The fleet file.</param>
    /// <param name="broker">Broker options for a station (address, TLS, credentials); the station sets its id and will.</param>
    /// <param name="clock">Clock for every station (default <see cref="SystemClock.Shared"/>).</param>
    /// <param name="dataDirectory">Parent of the per-station storage directories, or null for memory.</param>
    /// <param name="count">Run only the first <paramref name="count"/> stations of the file (null = all).</param>
    /// <param name="configure">Adjusts each station's options before it is built (e.g. a client factory that records connections), or null.</param>
    public SimulatedFleet(
        FleetFile fleet, Func<FleetStation, MqttClientOptions> broker, IStationClock? clock = null, string? dataDirectory = null, int? count = null,
        Action<FleetStation, SimulatedStationOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(fleet);
        ArgumentNullException.ThrowIfNull(broker);
        Fleet = fleet;
        foreach (FleetStation s in fleet.Stations.Take(count ?? fleet.Stations.Count))
        {
            var options = new SimulatedStationOptions(
                new StationSettings(BoardProfiles.Layout(s.Board)),
                new ProtocolSettings(fleet.Prefix, s.Id, (string[])s.Groups.Clone()),
                fleet.KeyringFor(s),
                broker(s))
            {
                Board = s.Board,
                Clock = clock ?? SystemClock.Shared,
                Storage = dataDirectory is null ? new MemoryStorage() : new FileStorage(Path.Combine(dataDirectory, s.Id)),
                UpdateStorage = dataDirectory is null ? new MemoryUpdateStorage() : new DirectoryUpdateStorage(Path.Combine(dataDirectory, s.Id, "update")),
            };
            configure?.Invoke(s, options);
            var station = new SimulatedStation(options);
            _stations.Add(station);
            _byId.Add(s.Id, station);
            Scheduler.Add(station);
        }
    }

    /// <summary>The fleet file.</summary>
    public FleetFile Fleet { get; }

    /// <summary>The stations, in fleet-file order.</summary>
    public IReadOnlyList<SimulatedStation> Stations => _stations;

    /// <summary>The loop ticking every station.</summary>
    public StationScheduler Scheduler { get; } = new();

    /// <summary>The station with this id.</summary>
    public SimulatedStation this[string id] => _byId[id];

    /// <summary>
    /// Starts every station (at most <paramref name="parallelism"/> connecting at once, so thousands of stations
    /// do not storm the broker), then the scheduler. Throws the first connection failure, after stopping the rest.
    /// </summary>
    public async Task StartAsync(int parallelism = 64, CancellationToken cancellationToken = default)
    {
        try
        {
            await Parallel.ForEachAsync(
                _stations,
                new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = cancellationToken },
                async (station, ct) => await station.StartAsync(ct).ConfigureAwait(false)).ConfigureAwait(false);
        }
        catch
        {
            await StopAsync().ConfigureAwait(false);
            throw;
        }

        Scheduler.Start();
    }

    /// <summary>Clean shutdown of every station: scheduler stopped, then each publishes its offline state and disconnects.</summary>
    public async Task StopAsync()
    {
        await Scheduler.StopAsync().ConfigureAwait(false);
        await Parallel.ForEachAsync(
            _stations,
            new ParallelOptions { MaxDegreeOfParallelism = 256 },
            async (station, _) => await station.StopAsync().ConfigureAwait(false)).ConfigureAwait(false);
    }

    /// <summary>Stops the scheduler and releases every client (without the clean offline message).</summary>
    public async ValueTask DisposeAsync()
    {
        await Scheduler.DisposeAsync().ConfigureAwait(false);
        foreach (SimulatedStation station in _stations)
        {
            await station.DisposeAsync().ConfigureAwait(false);
        }
    }
}
