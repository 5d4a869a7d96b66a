using CommuneRadio.Core.Time;

namespace CommuneRadio.Core.Health
{
    /// <summary>
    /// When a health snapshot is due, and the faults it reports: every telemetry period, and
    /// <c>HealthCoalesceMs</c> after the first change of something the snapshot reports, so the burst of changes of one
    /// transition (programme chosen, relays switching, lines connected) makes one message, not several, and never
    /// competes with a command's result. Proof-of-play events report on-air changes at once. Sensor faults are debounced
    /// by the <see cref="FaultMonitor"/>.
    /// </summary>
    public sealed class HealthReporting
    {
        private const long NoChange = long.MinValue;
        private readonly FaultMonitor _faults;
        private readonly SensorReadings _readings = new SensorReadings();
        private long _nextMs;
        private long _changedAtMs = NoChange;
        private FaultFlags _lastFaults;

        /// <summary>Creates the health reporting of a station.</summary>
        public HealthReporting(FaultThresholds thresholds)
        {
            _faults = new FaultMonitor(thresholds);
        }

        /// <summary>The faults (sensor faults debounced, platform faults set directly).</summary>
        public FaultMonitor Faults
        {
            get { return _faults; }
        }

        /// <summary>The latest sensor readings (free memory included).</summary>
        public SensorReadings Readings
        {
            get { return _readings; }
        }

        /// <summary>New readings (copied: the caller may reuse its instance); evaluated at the next call.</summary>
        public void UpdateSensors(SensorReadings readings)
        {
            _readings.HasAmpCurrent = readings.HasAmpCurrent;
            _readings.AmpCurrentA = readings.AmpCurrentA;
            _readings.HasMains = readings.HasMains;
            _readings.MainsPresent = readings.MainsPresent;
            _readings.HasBattery = readings.HasBattery;
            _readings.BatteryV = readings.BatteryV;
            _readings.FreeMemoryBytes = readings.FreeMemoryBytes;
        }

        /// <summary>At boot: the first snapshot is due at once.</summary>
        public void Boot(long monotonicMs)
        {
            _nextMs = monotonicMs;
        }

        /// <summary>Something the snapshot reports changed at <paramref name="monotonicMs"/> (the first change counts).</summary>
        public void Changed(long monotonicMs)
        {
            if (_changedAtMs == NoChange)
            {
                _changedAtMs = monotonicMs;
            }
        }

        /// <summary>
        /// Evaluates the faults at <paramref name="monotonicMs"/> and tells whether the snapshot is due (period elapsed,
        /// or <paramref name="coalesceMs"/> after the first change).
        /// </summary>
        public bool Evaluate(long monotonicMs, int ampsOn, int warmAmps, bool clockValid, int telemetryPeriodMs, int coalesceMs)
        {
            _faults.Evaluate(_readings, ampsOn, warmAmps, clockValid, monotonicMs);
            FaultFlags flags = _faults.Flags;
            if (flags != _lastFaults)
            {
                _lastFaults = flags;
                Changed(monotonicMs);
            }

            bool changeDue = _changedAtMs != NoChange && monotonicMs - _changedAtMs >= coalesceMs;
            if (monotonicMs < _nextMs && !changeDue)
            {
                return false;
            }

            _nextMs = monotonicMs + telemetryPeriodMs;
            _changedAtMs = NoChange;
            return true;
        }
    }
}
