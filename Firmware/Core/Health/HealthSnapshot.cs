using CommuneRadio.Core.Scheduling;
using CommuneRadio.Core.Time;

namespace CommuneRadio.Core.Health
{
    /// <summary>
    /// A station's health at one instant. One instance is kept and refilled by the station
    /// (<c>StationCore.Snapshot</c>), so producing it allocates nothing.
    /// </summary>
    public sealed class HealthSnapshot
    {
        /// <summary>Milliseconds since boot.</summary>
        public long UptimeMs;

        /// <summary>Wall clock at the snapshot (UTC ms); meaningful only when the clock state is Synced.</summary>
        public long UtcMs;

        /// <summary>Clock state.</summary>
        public ClockState Clock;

        /// <summary>Monotonic time of the last clock sync, or -1 if never.</summary>
        public long LastSyncMonotonicMs = -1;

        /// <summary>Number of schedule items.</summary>
        public int ScheduleCount;

        /// <summary>Schedule digest (FNV-1a).</summary>
        public uint ScheduleDigest;

        /// <summary>Schedule version of the last full sync.</summary>
        public long ScheduleVersion;

        /// <summary>Programme on air (lines connected), or null.</summary>
        public string OnAirId;

        /// <summary>Class of the programme on air.</summary>
        public BroadcastClass OnAirClass;

        /// <summary>When it went on air (UTC ms, if the clock is valid).</summary>
        public long OnAirSinceUtcMs;

        /// <summary>When it is due to end (UTC ms, if the clock is valid).</summary>
        public long OnAirUntilUtcMs;

        /// <summary>Bit mask of powered amplifiers.</summary>
        public int Amplifiers;

        /// <summary>Bit mask of connected lines.</summary>
        public int Lines;

        /// <summary>Selected source, or -1.</summary>
        public int Source = -1;

        /// <summary>Raised faults.</summary>
        public FaultFlags Faults;

        /// <summary>Commands accepted since boot.</summary>
        public long Accepted;

        /// <summary>Commands refused since boot.</summary>
        public long Refused;

        /// <summary>Broker reconnections since boot.</summary>
        public long Reconnects;

        /// <summary>Proof-of-play events waiting for delivery.</summary>
        public int EventsPending;

        /// <summary>Proof-of-play events dropped since boot.</summary>
        public long EventsDropped;

        /// <summary>Boots counted by the station's storage, this one included (0 = not persisted).</summary>
        public int Boots;

        /// <summary>Why the previous run ended ("first-boot", "power-or-crash", "watchdog", …), or null.</summary>
        public string PreviousReset;

        /// <summary>Free memory as the platform reports it, bytes (-1 = unknown).</summary>
        public long FreeMemoryBytes = -1;

        /// <summary>The application version running (docs/protocol.md §6 "update"); null on a station without update storage.</summary>
        public string RunningVersion;

        /// <summary>The update's state: "idle", "receiving", "verified" or "trial".</summary>
        public string UpdateState;

        /// <summary>The version being received, verified or on trial; null when idle.</summary>
        public string PendingVersion;

        /// <summary>How the last update ended: "committed", "rolled-back", "discarded", or null when none has.</summary>
        public string LastOutcome;

        /// <summary>Why (the §8 reason name, "none" for a commit).</summary>
        public string LastReason;

        /// <summary>The version the last outcome is about.</summary>
        public string LastVersion;
    }
}
