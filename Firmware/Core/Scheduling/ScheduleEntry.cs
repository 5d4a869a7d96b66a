namespace CommuneRadio.Core.Scheduling
{
    /// <summary>
    /// A schedule item together with its settlement watermark: every occurrence starting at or before
    /// <see cref="SettledUntilUtcMs"/> has been played, missed or skipped and is never considered again.
    /// This is what stops a backward clock step or a reboot from replaying an item.
    /// </summary>
    public sealed class ScheduleEntry
    {
        /// <summary>Creates an entry.</summary>
        public ScheduleEntry(ScheduleItem item, long settledUntilUtcMs, bool settled)
        {
            Item = item;
            SettledUntilUtcMs = settledUntilUtcMs;
            HasWatermark = settled;
        }

        /// <summary>The item.</summary>
        public ScheduleItem Item;

        /// <summary>Occurrences starting at or before this instant are settled.</summary>
        public long SettledUntilUtcMs;

        /// <summary>
        /// False until the station first had a valid clock after the item was added: the watermark is then
        /// set so that an occurrence open at that moment still plays its remainder.
        /// </summary>
        public bool HasWatermark;

        /// <summary>True while an occurrence of this item is in the programme table (pending or on air).</summary>
        public bool Active;
    }
}
