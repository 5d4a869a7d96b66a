namespace CommuneRadio.Core.Arbitration
{
    /// <summary>Where a programme stands in arbitration.</summary>
    public enum ProgrammeState
    {
        /// <summary>Waiting: has not played yet.</summary>
        Pending = 0,

        /// <summary>Chosen: the relays are being (or have been) switched for it.</summary>
        OnAir = 1,

        /// <summary>Played, then a higher programme took the speakers; resumes if its window is still open.</summary>
        Preempted = 2,
    }
}
