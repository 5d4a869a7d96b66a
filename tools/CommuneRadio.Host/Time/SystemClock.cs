using System;
using System.Diagnostics;
using CommuneRadio.Core.Time;

namespace CommuneRadio.Host.Time;

/// <summary>
/// The host's clocks: monotonic milliseconds from a <see cref="Stopwatch"/> started with this instance
/// (plus <see cref="MonotonicStartMs"/>, so a fresh clock never reads 0), and the wall clock from
/// <see cref="DateTime.UtcNow"/>. The host's wall clock is taken as synced (NTP is the operating system's
/// job), so simulated stations call <c>ClockSynced</c> at start.
/// </summary>
public sealed class SystemClock : IStationClock
{
    /// <summary>Monotonic reading at construction: a station's "boot" is never at 0 ms.</summary>
    public const long MonotonicStartMs = 1000;

    private readonly long _startTimestamp = Stopwatch.GetTimestamp();

    /// <summary>One clock shared by every simulated station of a process.</summary>
    public static SystemClock Shared { get; } = new();

    /// <inheritdoc/>
    public Instant Now
    {
        get
        {
            long mono = MonotonicStartMs + (long)Stopwatch.GetElapsedTime(_startTimestamp).TotalMilliseconds;
            return new Instant(mono, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
        }
    }
}
