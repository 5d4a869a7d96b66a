namespace CommuneRadio.Core.Health
{
    /// <summary>
    /// When sensor readings become faults. A condition must hold for <see cref="RaiseAfterMs"/> before the
    /// fault is raised (filters relay bounce and inrush) and be gone for <see cref="ClearAfterMs"/> before
    /// it clears (no flapping). Raise delay plus one telemetry tick stays well inside the 100 s that
    /// EN 54-16 allows for reporting a fault.
    /// </summary>
    public sealed class FaultThresholds
    {
        /// <summary>Condition time before a fault is raised.</summary>
        public int RaiseAfterMs = 10000;

        /// <summary>Good time before a fault clears.</summary>
        public int ClearAfterMs = 30000;

        /// <summary>Expected minimum current per powered, warm amplifier (idle draw), amperes.</summary>
        public double MinCurrentPerAmpA = 0.2;

        /// <summary>Current above which the amplifiers are considered powered while they should be off, amperes.</summary>
        public double MaxOffCurrentA = 0.1;

        /// <summary>Battery voltage below which the battery is low, volts.</summary>
        public double BatteryLowV = 11.5;

        /// <summary>Hysteresis: the battery fault clears only above <see cref="BatteryLowV"/> + this, volts.</summary>
        public double BatteryHysteresisV = 0.6;

        /// <summary>
        /// Time constant of the moving average the battery thresholds are applied to, ms (0 = raw readings). ADC noise
        /// and load steps scatter single readings around the true voltage: without it a battery just under
        /// <see cref="BatteryLowV"/> whose readings now and then land above it restarts the raise delay on each such
        /// reading and is reported late or never.
        /// </summary>
        public int BatteryFilterMs = 5000;

        /// <summary>Time without a valid clock before <see cref="FaultFlags.ClockLost"/> is raised.</summary>
        public int ClockLostAfterMs = 60000;
    }
}
