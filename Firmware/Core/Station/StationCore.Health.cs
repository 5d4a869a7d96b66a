using CommuneRadio.Core.Arbitration;
using CommuneRadio.Core.Health;
using CommuneRadio.Core.Time;

namespace CommuneRadio.Core.Station
{
    /// <summary>The health snapshot (when it is due and the faults: <see cref="HealthReporting"/>).</summary>
    public sealed partial class StationCore
    {
        /// <summary>
        /// Fills and returns the health snapshot (one reused instance: read it before the next call).
        /// </summary>
        public HealthSnapshot Snapshot(Instant now)
        {
            HealthSnapshot s = _snapshot;
            s.UptimeMs = now.MonotonicMs;
            s.UtcMs = now.UtcMs;
            s.Clock = _clock.State;
            s.LastSyncMonotonicMs = _clock.LastSyncMonotonicMs;
            s.ScheduleCount = _schedule.Count;
            s.ScheduleDigest = _schedule.Digest;
            s.ScheduleVersion = _schedule.Version;
            Programme onAir = _arbiter.Current;
            bool announced = onAir != null && onAir.Announced;
            s.OnAirId = announced ? onAir.Id : null;
            s.OnAirClass = announced ? onAir.Class : 0;
            s.OnAirSinceUtcMs = announced ? now.UtcMs - (now.MonotonicMs - onAir.OnAirSinceMonotonicMs) : 0;
            s.OnAirUntilUtcMs = announced ? now.UtcMs + (onAir.EndMonotonicMs - now.MonotonicMs) : 0;
            s.Amplifiers = _relays.AmplifierMask;
            s.Lines = _relays.LinesOn;
            s.Source = _relays.SelectedSource;
            s.Faults = _health.Faults.Flags;
            s.Accepted = _counters.Accepted;
            s.Refused = _counters.Refused;
            s.Reconnects = _counters.Reconnects;
            s.EventsPending = _events.Count;
            s.EventsDropped = _events.Dropped;
            s.FreeMemoryBytes = _health.Readings.FreeMemoryBytes;
            return s;
        }
    }
}
