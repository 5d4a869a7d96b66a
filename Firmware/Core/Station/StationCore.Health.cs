using CommuneRadio.Core.Health;
using CommuneRadio.Core.Time;

namespace CommuneRadio.Core.Station
{
    /// <summary>Faults and the health snapshot.</summary>
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
            bool announced = _onAir != null && _onAir.Announced;
            s.OnAirId = announced ? _onAir.Id : null;
            s.OnAirClass = announced ? _onAir.Class : 0;
            s.OnAirSinceUtcMs = announced ? now.UtcMs - (now.MonotonicMs - _onAir.OnAirSinceMonotonicMs) : 0;
            s.OnAirUntilUtcMs = announced ? now.UtcMs + (_onAir.EndMonotonicMs - now.MonotonicMs) : 0;
            s.Amplifiers = _relays.AmplifierMask;
            s.Lines = _relays.LinesOn;
            s.Source = _relays.SelectedSource;
            s.Faults = _faults.Flags;
            s.Accepted = _counters.Accepted;
            s.Refused = _counters.Refused;
            s.Reconnects = _counters.Reconnects;
            s.EventsPending = _events.Count;
            s.EventsDropped = _events.Dropped;
            s.FreeMemoryBytes = _readings.FreeMemoryBytes;
            return s;
        }

        private void EvaluateHealth(Instant now)
        {
            long ms = now.MonotonicMs;
            _faults.Evaluate(_readings, _relays.AmplifiersOn, _relays.WarmAmplifiers(ms), _clock.Valid, ms);
            FaultFlags flags = _faults.Flags;
            if (flags != _lastFaults)
            {
                _lastFaults = flags;
                _effects.HealthDue = true;
            }

            if (ms >= _nextHealthMs)
            {
                _effects.HealthDue = true;
            }

            if (_effects.HealthDue)
            {
                _nextHealthMs = ms + _settings.TelemetryPeriodMs;
            }
        }
    }
}
