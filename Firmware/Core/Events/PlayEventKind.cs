namespace CommuneRadio.Core.Events
{
    /// <summary>What happened to a programme, as recorded for proof of play.</summary>
    public enum PlayEventKind
    {
        /// <summary>The speaker lines were connected for the programme (the real start).</summary>
        Started = 0,

        /// <summary>The programme left the air: its time was up, it was stopped, or it was cut.</summary>
        Ended = 1,

        /// <summary>A higher programme took the speakers; this one may resume.</summary>
        Preempted = 2,

        /// <summary>A preempted programme is back on air.</summary>
        Resumed = 3,

        /// <summary>The programme's window passed without it playing.</summary>
        Missed = 4,

        /// <summary>
        /// Not a programme: a new application version proved itself and is now the one running (docs/protocol.md §6, §8).
        /// The event's programme id is the version.
        /// </summary>
        UpdateCommitted = 5,

        /// <summary>Not a programme: the new application version was rolled back to the previous one; the reason says why.</summary>
        UpdateRolledBack = 6,
    }
}
