using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CommuneRadio.Host.Fleet;
using CommuneRadio.Host.Stations;
using CommuneRadio.Mqtt;

namespace CommuneRadio.Cli.Bench;

/// <summary>
/// One side of <c>bench fanout</c>: the fleet's <see cref="SimulatedStation"/>s (memory storage, one scheduler) or
/// its <see cref="BareClientFleet"/> clients. The benchmark drives both through this class with the same loop;
/// what differs is what counts as "switched" (a station powered an amplifier, a bare client received the command).
/// </summary>
public sealed class FanoutSide : IAsyncDisposable
{
    /// <summary>Emergency lines 0-3, as the benchmark's command asks.</summary>
    public const int AllLines = 0xF;

    private readonly SimulatedFleet? _stations;
    private readonly BareClientFleet? _bare;

    private FanoutSide(SimulatedFleet? stations, BareClientFleet? bare)
    {
        _stations = stations;
        _bare = bare;
    }

    /// <summary>Stations (or bare clients) on this side.</summary>
    public int Count => _stations?.Stations.Count ?? _bare!.Count;

    /// <summary>The fleet's stations, each on its own connection from <paramref name="broker"/>.</summary>
    public static FanoutSide Stations(FleetFile fleet, Func<FleetStation, MqttClientOptions> broker) => new(new SimulatedFleet(fleet, broker), null);

    /// <summary>One bare client per fleet station, subscribed under <paramref name="prefix"/>, client ids <paramref name="clientIdPrefix"/> + station id.</summary>
    public static FanoutSide Bare(FleetFile fleet, Func<FleetStation, MqttClientOptions> broker, string prefix, string clientIdPrefix) =>
        new(null, new BareClientFleet(fleet, broker, prefix, clientIdPrefix));

    /// <summary>Connects and subscribes every member.</summary>
    public Task StartAsync(CancellationToken cancellationToken) =>
        _stations is not null ? _stations.StartAsync(cancellationToken: cancellationToken) : _bare!.StartAsync(cancellationToken: cancellationToken);

    /// <summary>How far the members are with command <paramref name="commandId"/>, for the benchmark's waits (reads no lock a station takes).</summary>
    public FanoutProgress Progress(string commandId)
    {
        if (_stations is null)
        {
            int received = _bare!.ReceivedAt(commandId).Count(t => t > 0);
            return new FanoutProgress(received, received, _bare.Count, 0, 0);
        }

        int switched = 0;
        int lines = 0;
        int off = 0;
        foreach (SimulatedStation s in _stations.Stations)
        {
            int amps = s.Board.AmplifierMask;
            int connected = s.Board.LinesMask;
            switched += amps != 0 ? 1 : 0;
            lines += connected == AllLines ? 1 : 0;
            off += amps == 0 && connected == 0 && s.Board.Source < 0 ? 1 : 0;
        }

        StationScheduler scheduler = _stations.Scheduler;
        return new FanoutProgress(switched, lines, off, scheduler.LastTickDuration.TotalMilliseconds, scheduler.Errors);
    }

    /// <summary>
    /// Per member, in fleet order: for a station its first relay "on" write at or after <paramref name="sinceUtcMs"/>
    /// and the time every line of the emergency was connected; for a bare client the time it received
    /// <paramref name="commandId"/>, twice. Unix ms; 0 = not (yet).
    /// </summary>
    public IReadOnlyList<MemberTimes> Times(string commandId, long sinceUtcMs)
    {
        var times = new List<MemberTimes>(Count);
        if (_stations is null)
        {
            times.AddRange(_bare!.ReceivedAt(commandId).Select(t => new MemberTimes(t, t)));
        }
        else
        {
            foreach (SimulatedStation s in _stations.Stations)
            {
                (long first, long lines) = FanoutBenchmark.RelayTimes(s.Board.TimelineSince(sinceUtcMs), sinceUtcMs);
                times.Add(new MemberTimes(first, lines));
            }
        }

        return times;
    }

    /// <summary>Clean shutdown (stations publish their offline state and disconnect).</summary>
    public Task StopAsync() => _stations?.StopAsync() ?? Task.CompletedTask;

    /// <summary>Releases every client.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_stations is not null)
        {
            await _stations.DisposeAsync().ConfigureAwait(false);
        }

        if (_bare is not null)
        {
            await _bare.DisposeAsync().ConfigureAwait(false);
        }
    }
}
