using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace CommuneRadio.Host.Stations;

/// <summary>
/// Ticks every registered <see cref="SimulatedStation"/> from one loop (one <see cref="PeriodicTimer"/>, no
/// thread per station), every 250 ms by default — the device main loop's period. A tick of 10,000 stations
/// costs a few milliseconds (a quiet Core tick allocates nothing); a tick that overruns the period makes the
/// timer skip, never pile up. An exception from one station is counted and does not stop the others.
/// </summary>
public sealed class StationScheduler : IAsyncDisposable
{
    /// <summary>The device main loop's tick.</summary>
    public static readonly TimeSpan DefaultPeriod = TimeSpan.FromMilliseconds(250);

    private readonly object _gate = new();
    private readonly List<SimulatedStation> _stations = new();
    private readonly TimeSpan _period;
    private SimulatedStation[] _snapshot = Array.Empty<SimulatedStation>();
    private CancellationTokenSource? _cts;
    private Task _loop = Task.CompletedTask;
    private long _ticks;
    private long _errors;

    /// <summary>Creates a scheduler ticking every <paramref name="period"/> (default 250 ms).</summary>
    public StationScheduler(TimeSpan? period = null)
    {
        _period = period ?? DefaultPeriod;
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(_period, TimeSpan.Zero);
    }

    /// <summary>Ticks done so far (one tick = every station once).</summary>
    public long Ticks => Interlocked.Read(ref _ticks);

    /// <summary>Exceptions thrown by station ticks.</summary>
    public long Errors => Interlocked.Read(ref _errors);

    /// <summary>Duration of the last tick of all stations.</summary>
    public TimeSpan LastTickDuration { get; private set; }

    /// <summary>The first exception thrown by a station tick, for diagnostics.</summary>
    public Exception? FirstError { get; private set; }

    /// <summary>Adds a station; it is ticked from the next round on.</summary>
    public void Add(SimulatedStation station)
    {
        ArgumentNullException.ThrowIfNull(station);
        lock (_gate)
        {
            _stations.Add(station);
            _snapshot = _stations.ToArray();
        }
    }

    /// <summary>Removes a station.</summary>
    public void Remove(SimulatedStation station)
    {
        lock (_gate)
        {
            _stations.Remove(station);
            _snapshot = _stations.ToArray();
        }
    }

    /// <summary>Starts the loop (idempotent).</summary>
    public void Start()
    {
        lock (_gate)
        {
            if (_cts is not null)
            {
                return;
            }

            _cts = new CancellationTokenSource();
            CancellationToken token = _cts.Token;
            _loop = Task.Run(() => RunAsync(token));
        }
    }

    /// <summary>Stops the loop and waits for the current tick to finish.</summary>
    public async Task StopAsync()
    {
        CancellationTokenSource? cts;
        lock (_gate)
        {
            cts = _cts;
            _cts = null;
        }

        if (cts is null)
        {
            return;
        }

        await cts.CancelAsync().ConfigureAwait(false);
        try
        {
            await _loop.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }

        cts.Dispose();
    }

    /// <summary>Ticks every station once, now (also what the loop does each period).</summary>
    public void TickAll()
    {
        long start = System.Diagnostics.Stopwatch.GetTimestamp();
        SimulatedStation[] stations = Volatile.Read(ref _snapshot);
        foreach (SimulatedStation station in stations)
        {
            try
            {
                station.Tick();
            }
            catch (Exception ex)
            {
                // One broken station must not silence the others: count it, keep the first for the report.
                if (Interlocked.Increment(ref _errors) == 1)
                {
                    FirstError = ex;
                }
            }
        }

        LastTickDuration = System.Diagnostics.Stopwatch.GetElapsedTime(start);
        Interlocked.Increment(ref _ticks);
    }

    /// <summary>Stops the loop.</summary>
    public async ValueTask DisposeAsync() => await StopAsync().ConfigureAwait(false);

    private async Task RunAsync(CancellationToken token)
    {
        using var timer = new PeriodicTimer(_period);
        while (await timer.WaitForNextTickAsync(token).ConfigureAwait(false))
        {
            TickAll();
        }
    }
}
