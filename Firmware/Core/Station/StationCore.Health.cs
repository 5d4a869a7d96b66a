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

        /// <summary>
        /// Something the snapshot reports changed. The change-triggered snapshot goes out
        /// <see cref="StationSettings.HealthCoalesceMs"/> after the first change, so the burst of changes of one
        /// transition (programme chosen, relays switching, lines connected) makes one message, not several, and
        /// never competes with a command's result. Proof-of-play events report on-air changes at once.
        /// </summary>
        private void HealthChanged()
        {
            if (_healthChangedAtMs == NoHealthChange)
            {
                _healthChangedAtMs = _lastMonotonicMs;
            }
        }

        private void EvaluateHealth(Instant now)
        {
            long ms = now.MonotonicMs;
            _faults.Evaluate(_readings, _relays.AmplifiersOn, _relays.WarmAmplifiers(ms), _clock.Valid, ms);
            FaultFlags flags = _faults.Flags;
            if (flags != _lastFaults)
            {
                _lastFaults = flags;
                HealthChanged();
            }

            bool changeDue = _healthChangedAtMs != NoHealthChange && ms - _healthChangedAtMs >= _settings.HealthCoalesceMs;
            if (ms >= _nextHealthMs || changeDue)
            {
                _effects.HealthDue = true;
                _nextHealthMs = ms + _settings.TelemetryPeriodMs;
                _healthChangedAtMs = NoHealthChange;
            }
        }
    }
}
