namespace CommuneRadio.Core.Scheduling
{
    /// <summary>What a <see cref="ScheduleChange"/> does to the schedule.</summary>
    public enum ScheduleChangeKind
    {
        /// <summary>Nothing set yet.</summary>
        None = 0,

        /// <summary>A new item (its id must not exist).</summary>
        Add,

        /// <summary>The item with the same id, replaced (it keeps its watermark).</summary>
        Replace,

        /// <summary>The item with this id, removed.</summary>
        Remove,

        /// <summary>The whole schedule replaced at a version (items that keep their id keep their watermark).</summary>
        Sync,
    }
}
