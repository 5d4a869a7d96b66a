using System;

namespace CommuneRadio.Core.Health
{
    /// <summary>Faults a station reports. Several can be raised at once.</summary>
    [Flags]
    public enum FaultFlags
    {
        /// <summary>No fault.</summary>
        None = 0,

        /// <summary>Amplifiers powered and warm but drawing less current than expected (dead amplifier, blown fuse).</summary>
        AmpNoCurrent = 1,

        /// <summary>Amplifiers off but current flowing (welded relay contact, wiring fault).</summary>
        AmpCurrentWhileOff = 2,

        /// <summary>Mains input absent: running on the backup supply.</summary>
        MainsLost = 4,

        /// <summary>Backup battery below its low threshold.</summary>
        BatteryLow = 8,

        /// <summary>No valid wall clock for longer than the allowed time: scheduled items cannot play.</summary>
        ClockLost = 16,

        /// <summary>Persisting the schedule, keys or events failed.</summary>
        StorageError = 32,

        /// <summary>A relay output was reported faulty by the driver.</summary>
        RelayFault = 64,

        /// <summary>The configuration was invalid; the station runs in a safe state.</summary>
        ConfigError = 128,
    }
}
