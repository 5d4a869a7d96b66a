using System.Collections.Generic;
using System.Threading;
using CommuneRadio.Core.Relays;
using CommuneRadio.Core.Runtime;
using CommuneRadio.Core.Station;
using CommuneRadio.Core.Time;

namespace CommuneRadio.Host.Relays;

/// <summary>
/// A relay board in software: applies the Core's relay writes, keeps each output's state and records a
/// timestamped timeline. The host counterpart of the device's GPIO relay driver.
/// </summary>
public sealed class SimulatedRelayBoard : IRelayDriver
{
    private readonly RelayLayout _layout;
    private readonly object _gate = new();

    // Each output's state, one bit per output index: written under the lock, read without it (a benchmark polling
    // thousands of boards must not contend with the stations switching them).
    private int _ampMask;
    private int _lineMask;
    private int _sourceMask;
    private readonly int[] _failing = new int[3]; // per role, one bit per output index that refuses writes

    // The timeline: a ring that grows by doubling up to TimelineLimit and then overwrites its oldest entry, so a
    // station that has run for days holds at most TimelineLimit entries and allocates nothing more for them.
    private RelayTimelineEntry[] _ring = System.Array.Empty<RelayTimelineEntry>();
    private int _first;
    private int _count;

    /// <summary>Creates a board for a layout, every output off.</summary>
    public SimulatedRelayBoard(RelayLayout layout)
    {
        _layout = layout;
    }

    /// <summary>Keep at most this many timeline entries (oldest dropped); 0 = unbounded.</summary>
    public int TimelineLimit { get; init; }

    /// <summary>Applies the relay writes of one Core call, in order (a refused write is dropped; see <see cref="Apply(RelayWriteBuffer, Instant, out RelayWrite)"/>).</summary>
    public void Apply(Effects effects, long utcMs) => Apply(effects.Writes, utcMs, out _);

    /// <summary>
    /// The station runtime's relay role: applies the writes in order at <paramref name="now"/>; a write to an output
    /// marked by <see cref="FailOutput"/> is refused (not recorded), the first such one is returned in
    /// <paramref name="failed"/>, and the rest are still applied — as the device's GPIO driver does.
    /// </summary>
    public bool Apply(RelayWriteBuffer writes, Instant now, out RelayWrite failed) => Apply(writes, now.UtcMs, out failed);

    /// <summary>Makes every later write to one output fail, like a pin that refuses its level (fault injection).</summary>
    public void FailOutput(RelayRole role, int index)
    {
        lock (_gate)
        {
            _failing[(int)role] |= 1 << index;
        }
    }

    private bool Apply(RelayWriteBuffer writes, long utcMs, out RelayWrite failed)
    {
        failed = default;
        bool ok = true;
        lock (_gate)
        {
            for (int i = 0; i < writes.Count; i++)
            {
                RelayWrite w = writes.At(i);
                if ((_failing[(int)w.Role] & (1 << w.Index)) != 0)
                {
                    if (ok)
                    {
                        failed = w;
                    }

                    ok = false;
                    continue;
                }

                switch (w.Role)
                {
                    case RelayRole.Amplifier:
                        Volatile.Write(ref _ampMask, Switch(_ampMask, w));
                        break;
                    case RelayRole.Line:
                        Volatile.Write(ref _lineMask, Switch(_lineMask, w));
                        break;
                    default:
                        Volatile.Write(ref _sourceMask, Switch(_sourceMask, w));
                        break;
                }

                Record(new RelayTimelineEntry(utcMs, w));
            }
        }

        return ok;
    }

    /// <summary>Bit mask of connected lines.</summary>
    public int LinesMask => Volatile.Read(ref _lineMask);

    /// <summary>Bit mask of powered amplifiers.</summary>
    public int AmplifierMask => Volatile.Read(ref _ampMask);

    /// <summary>Selected source (the lowest connected one), or -1.</summary>
    public int Source
    {
        get
        {
            int m = Volatile.Read(ref _sourceMask);
            return m == 0 ? -1 : System.Numerics.BitOperations.TrailingZeroCount(m);
        }
    }

    /// <summary>The layout the board was built for.</summary>
    public RelayLayout Layout => _layout;

    /// <summary>A copy of the timeline so far.</summary>
    public IReadOnlyList<RelayTimelineEntry> Timeline
    {
        get
        {
            lock (_gate)
            {
                return CopyFrom(0);
            }
        }
    }

    /// <summary>
    /// A copy of the timeline entries written at or after <paramref name="utcMs"/> (a benchmark reading thousands of
    /// boards after every round copies only what it needs).
    /// </summary>
    public IReadOnlyList<RelayTimelineEntry> TimelineSince(long utcMs)
    {
        lock (_gate)
        {
            int from = _count;
            while (from > 0 && At(from - 1).UtcMs >= utcMs)
            {
                from--;
            }

            return CopyFrom(from);
        }
    }

    private RelayTimelineEntry At(int index) => _ring[(_first + index) % _ring.Length];

    private RelayTimelineEntry[] CopyFrom(int from)
    {
        var copy = new RelayTimelineEntry[_count - from];
        for (int i = 0; i < copy.Length; i++)
        {
            copy[i] = At(from + i);
        }

        return copy;
    }

    // Under the lock.
    private void Record(RelayTimelineEntry entry)
    {
        if (_count == _ring.Length)
        {
            int capacity = _ring.Length == 0 ? 16 : _ring.Length * 2;
            if (TimelineLimit > 0)
            {
                capacity = System.Math.Min(capacity, TimelineLimit);
            }

            if (capacity > _ring.Length)
            {
                RelayTimelineEntry[] larger = new RelayTimelineEntry[capacity];
                for (int i = 0; i < _count; i++)
                {
                    larger[i] = At(i);
                }

                _ring = larger;
                _first = 0;
            }
            else
            {
                // Full at the limit: the oldest entry makes room.
                _first = (_first + 1) % _ring.Length;
                _count--;
            }
        }

        _ring[(_first + _count) % _ring.Length] = entry;
        _count++;
    }

    private static int Switch(int mask, RelayWrite w) => w.On ? mask | (1 << w.Index) : mask & ~(1 << w.Index);
}
