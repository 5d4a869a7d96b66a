using CommuneRadio.Core.Time;

namespace CommuneRadio.Host.Time;

/// <summary>
/// A clock moved by hand, for tests and accelerated scripts: <see cref="Advance"/> moves both clocks,
/// <see cref="SetUtc"/> steps only the wall clock (as an SNTP correction would). Thread-safe.
/// </summary>
public sealed class ManualClock : IStationClock
{
    private readonly object _gate = new();
    private long _monotonicMs;
    private long _utcMs;

    /// <summary>Creates a clock reading <paramref name="start"/>.</summary>
    public ManualClock(Instant start)
    {
        _monotonicMs = start.MonotonicMs;
        _utcMs = start.UtcMs;
    }

    /// <inheritdoc/>
    public Instant Now
    {
        get
        {
            lock (_gate)
            {
                return new Instant(_monotonicMs, _utcMs);
            }
        }
    }

    /// <summary>Moves both clocks forward by <paramref name="ms"/>.</summary>
    public void Advance(long ms)
    {
        lock (_gate)
        {
            _monotonicMs += ms;
            _utcMs += ms;
        }
    }

    /// <summary>Sets the wall clock only (a step); the monotonic clock is untouched.</summary>
    public void SetUtc(long utcMs)
    {
        lock (_gate)
        {
            _utcMs = utcMs;
        }
    }
}
