namespace CommuneRadio.Core.Health
{
    /// <summary>
    /// The latest platform sensor readings, already calibrated to physical units by the adapter.
    /// A board without a sensor leaves its Has… flag false and that fault is never raised.
    /// </summary>
    public sealed class SensorReadings
    {
        /// <summary>An amplifier supply current reading is present.</summary>
        public bool HasAmpCurrent;

        /// <summary>Total amplifier supply current, amperes.</summary>
        public double AmpCurrentA;

        /// <summary>A mains-present input is fitted.</summary>
        public bool HasMains;

        /// <summary>Mains present.</summary>
        public bool MainsPresent = true;

        /// <summary>A backup battery voltage reading is present.</summary>
        public bool HasBattery;

        /// <summary>Backup battery voltage, volts.</summary>
        public double BatteryV;

        /// <summary>Free managed memory as the platform reports it, bytes (-1 = unknown).</summary>
        public long FreeMemoryBytes = -1;
    }
}
