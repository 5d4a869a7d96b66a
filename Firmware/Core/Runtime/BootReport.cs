namespace CommuneRadio.Core.Runtime
{
    /// <summary>What <see cref="StationBoot"/> found in storage, for the first health report and the boot log.</summary>
    public sealed class BootReport
    {
        /// <summary>Boots counted, this one included.</summary>
        public int BootCount;

        /// <summary>Why the previous run ended ("first-boot", "power-or-crash", "watchdog", …).</summary>
        public string PreviousReset;

        /// <summary>The schedule was restored.</summary>
        public bool ScheduleRestored;

        /// <summary>The keyring (rotated keys, replay counters) was restored.</summary>
        public bool KeysRestored;

        /// <summary>Undelivered events were restored.</summary>
        public bool EventsRestored;

        /// <summary>A record existed but neither of its copies was valid (both slots torn or corrupt).</summary>
        public bool Corrupt;

        /// <summary>The store could not write at boot (full or failing flash).</summary>
        public bool StorageFailing;
    }
}
