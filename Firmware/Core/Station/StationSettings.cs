using CommuneRadio.Core.Health;
using CommuneRadio.Core.Relays;

namespace CommuneRadio.Core.Station
{
    /// <summary>
    /// Everything a station's Core needs to know about itself, with defaults for a Vietnamese commune
    /// cluster. Built by the adapters from the configuration file. The Core's stages take their values when the
    /// <c>StationCore</c> is created; only <see cref="TelemetryPeriodMs"/> and <see cref="HealthCoalesceMs"/> are read at
    /// each call (<c>config.set</c> changes the telemetry period of a running station).
    /// </summary>
    public sealed class StationSettings
    {
        /// <summary>Creates settings for a relay layout.</summary>
        public StationSettings(RelayLayout relays)
        {
            Relays = relays;
        }

        /// <summary>Local time = UTC + this many minutes (Vietnam: +420, no daylight saving).</summary>
        public int UtcOffsetMinutes = 420;

        /// <summary>Maximum number of schedule items.</summary>
        public int ScheduleCapacity = 64;

        /// <summary>Maximum number of programmes wanting the speakers at once.</summary>
        public int ProgrammeSlots = 16;

        /// <summary>Proof-of-play events held while they cannot be delivered.</summary>
        public int EventQueueCapacity = 64;

        /// <summary>Relay outputs and sequence timings.</summary>
        public RelayLayout Relays;

        /// <summary>Sensor thresholds and fault delays.</summary>
        public FaultThresholds Faults = new FaultThresholds();

        /// <summary>Maximum continuous amplifier on-time for non-emergency programmes (default 3 h).</summary>
        public long MaxOnTimeMs = 3L * 3600 * 1000;

        /// <summary>Period of the health snapshot (default 60 s).</summary>
        public int TelemetryPeriodMs = 60000;

        /// <summary>
        /// Delay from the first change to the change-triggered health snapshot (coalesces one transition's
        /// changes into one message — a start from all-off takes up to 2.5 s; events report on-air changes immediately). Default 3 s.
        /// </summary>
        public int HealthCoalesceMs = 3000;

        /// <summary>How long a synced clock stays trusted without a new sync (default 48 h).</summary>
        public long ClockTrustMs = 48L * 3600 * 1000;

        /// <summary>Wall-clock change against the monotonic clock that counts as a step.</summary>
        public int ClockStepThresholdMs = 2000;

        /// <summary>A forward step larger than this is a resync: counted and reported, never a burst of starts.</summary>
        public long ResyncThresholdMs = 15L * 60 * 1000;

        /// <summary>Longest immediate or emergency programme, seconds.</summary>
        public int MaxImmediateSeconds = 4 * 3600;
    }
}
