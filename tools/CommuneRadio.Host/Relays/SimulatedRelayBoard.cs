using System.Collections.Generic;
using CommuneRadio.Core.Relays;
using CommuneRadio.Core.Station;

namespace CommuneRadio.Host.Relays;

/// <summary>
/// A relay board in software: applies the Core's relay writes, keeps each output's state and records a
/// timestamped timeline. The host counterpart of the device's GPIO relay driver.
/// </summary>
public sealed class SimulatedRelayBoard
{
    private readonly RelayLayout _layout;
    private readonly bool[] _amps;
    private readonly bool[] _lines;
    private readonly bool[] _sources;
    private readonly List<RelayTimelineEntry> _timeline = new();
    private readonly object _gate = new();

    /// <summary>Creates a board for a layout, every output off.</summary>
    public SimulatedRelayBoard(RelayLayout layout)
    {
        _layout = layout;
        _amps = new bool[layout.Amplifiers.Length];
        _lines = new bool[layout.Lines.Length];
        _sources = new bool[layout.Sources.Length];
    }

    /// <summary>Keep at most this many timeline entries (oldest dropped); 0 = unbounded.</summary>
    public int TimelineLimit { get; init; }

    /// <summary>Applies the relay writes of one Core call, in order.</summary>
    public void Apply(Effects effects, long utcMs)
    {
        lock (_gate)
        {
            for (int i = 0; i < effects.Writes.Count; i++)
            {
                RelayWrite w = effects.Writes.At(i);
                bool[] states = w.Role switch
                {
                    RelayRole.Amplifier => _amps,
                    RelayRole.Line => _lines,
                    _ => _sources,
                };
                states[w.Index] = w.On;
                _timeline.Add(new RelayTimelineEntry(utcMs, w));
                if (TimelineLimit > 0 && _timeline.Count > TimelineLimit)
                {
                    _timeline.RemoveAt(0);
                }
            }
        }
    }

    /// <summary>Bit mask of connected lines.</summary>
    public int LinesMask => Mask(_lines);

    /// <summary>Bit mask of powered amplifiers.</summary>
    public int AmplifierMask => Mask(_amps);

    /// <summary>Selected source, or -1.</summary>
    public int Source
    {
        get
        {
            lock (_gate)
            {
                return System.Array.IndexOf(_sources, true);
            }
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
                return _timeline.ToArray();
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
            int from = _timeline.Count;
            while (from > 0 && _timeline[from - 1].UtcMs >= utcMs)
            {
                from--;
            }

            return _timeline.GetRange(from, _timeline.Count - from);
        }
    }

    private int Mask(bool[] states)
    {
        lock (_gate)
        {
            int m = 0;
            for (int i = 0; i < states.Length; i++)
            {
                if (states[i])
                {
                    m |= 1 << i;
                }
            }

            return m;
        }
    }
}
