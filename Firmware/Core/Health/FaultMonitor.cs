namespace CommuneRadio.Core.Health
{
    /// <summary>
    /// Turns sensor readings and station state into fault flags, with a raise delay and a clear delay per
    /// fault (and voltage hysteresis for the battery). Faults the platform reports directly (storage,
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
            changed |= _batteryLow.Update(r.HasBattery && r.BatteryV < threshold, nowMs, up, down);

            changed |= _clockLost.Update(!clockValid, nowMs, _t.ClockLostAfterMs, 0);
            return changed;
        }
    }
}
