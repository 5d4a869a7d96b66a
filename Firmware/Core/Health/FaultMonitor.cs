namespace CommuneRadio.Core.Health
{
    /// <summary>
    /// Turns sensor readings and station state into fault flags, with a raise delay and a clear delay per
    /// fault (and, for the battery, a moving average of the voltage and hysteresis). Faults the platform reports directly (storage,
    /// relay driver, configuration) are set and cleared by the station without debounce.
    /// </summary>
    public sealed class FaultMonitor
    {
        private readonly FaultThresholds _t;
        private readonly DebouncedFault _ampNoCurrent = new DebouncedFault();
        private readonly DebouncedFault _ampCurrentWhileOff = new DebouncedFault();
        private readonly DebouncedFault _mainsLost = new DebouncedFault();
        private readonly DebouncedFault _batteryLow = new DebouncedFault();
        private readonly DebouncedFault _clockLost = new DebouncedFault();
        private FaultFlags _direct;
        private bool _batterySeen;
        private double _batteryAverageV;
        private long _batteryAtMs;

        /// <summary>Creates a monitor.</summary>
        public FaultMonitor(FaultThresholds thresholds)
        {
            _t = thresholds;
        }

        /// <summary>The faults currently raised.</summary>
        public FaultFlags Flags
        {
            get
            {
                FaultFlags f = _direct;
                f |= _ampNoCurrent.Raised ? FaultFlags.AmpNoCurrent : FaultFlags.None;
                f |= _ampCurrentWhileOff.Raised ? FaultFlags.AmpCurrentWhileOff : FaultFlags.None;
                f |= _mainsLost.Raised ? FaultFlags.MainsLost : FaultFlags.None;
                f |= _batteryLow.Raised ? FaultFlags.BatteryLow : FaultFlags.None;
                f |= _clockLost.Raised ? FaultFlags.ClockLost : FaultFlags.None;
                return f;
            }
        }

        /// <summary>Raises or clears a fault the platform reports directly (storage, relay driver, configuration).</summary>
        public void SetDirect(FaultFlags flag, bool raised)
        {
            _direct = raised ? (_direct | flag) : (_direct & ~flag);
        }

        /// <summary>
        /// Evaluates the faults at <paramref name="nowMs"/> (monotonic). Returns true when any flag changed.
        /// </summary>
        /// <param name="r">Latest readings.</param>
        /// <param name="ampsOn">Amplifiers powered.</param>
        /// <param name="warmAmps">Amplifiers powered and past warm-up.</param>
        /// <param name="clockValid">Whether the wall clock is valid.</param>
        /// <param name="nowMs">Monotonic now.</param>
        public bool Evaluate(SensorReadings r, int ampsOn, int warmAmps, bool clockValid, long nowMs)
        {
            int up = _t.RaiseAfterMs;
            int down = _t.ClearAfterMs;
            bool changed = false;

            bool noCurrent = r.HasAmpCurrent && warmAmps > 0 && ampsOn == warmAmps && r.AmpCurrentA < warmAmps * _t.MinCurrentPerAmpA;
            changed |= _ampNoCurrent.Update(noCurrent, nowMs, up, down);

            bool currentWhileOff = r.HasAmpCurrent && ampsOn == 0 && r.AmpCurrentA > _t.MaxOffCurrentA;
            changed |= _ampCurrentWhileOff.Update(currentWhileOff, nowMs, up, down);

            changed |= _mainsLost.Update(r.HasMains && !r.MainsPresent, nowMs, up, down);

            double threshold = _batteryLow.Raised ? _t.BatteryLowV + _t.BatteryHysteresisV : _t.BatteryLowV;
            changed |= _batteryLow.Update(r.HasBattery && BatteryAverage(r.BatteryV, nowMs) < threshold, nowMs, up, down);

            changed |= _clockLost.Update(!clockValid, nowMs, _t.ClockLostAfterMs, 0);
            return changed;
        }

        /// <summary>
        /// The battery voltage averaged with time constant <see cref="FaultThresholds.BatteryFilterMs"/>: each call moves
        /// the average towards the reading by the elapsed time over the time constant (all the way once a whole time
        /// constant has passed). The first reading starts it.
        /// <code>
        /// 5 s constant, readings every 1 s: 11.4 11.6 11.4 11.6 … >> average within 11.49 … 11.51
        /// </code>
        /// </summary>
        private double BatteryAverage(double volts, long nowMs)
        {
            long dt = nowMs - _batteryAtMs;
            if (!_batterySeen || _t.BatteryFilterMs <= 0 || dt >= _t.BatteryFilterMs || dt < 0)
            {
                _batteryAverageV = volts;
            }
            else
            {
                _batteryAverageV += (volts - _batteryAverageV) * dt / _t.BatteryFilterMs;
            }

            _batterySeen = true;
            _batteryAtMs = nowMs;
            return _batteryAverageV;
        }
    }
}
