namespace CommuneRadio.Core.Time
{
    /// <summary>How far the station trusts its wall clock.</summary>
    public enum ClockState
    {
        /// <summary>Never synced since boot: scheduled items wait; emergency and immediate programmes still play.</summary>
        Unsynced = 0,

        /// <summary>Synced recently enough to run the schedule.</summary>
        Synced = 1,

        /// <summary>Synced once, but not within the trusted period: treated like <see cref="Unsynced"/> for scheduling.</summary>
        Stale = 2,
    }
}
