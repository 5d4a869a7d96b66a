using CommuneRadio.Core.Scheduling;

namespace CommuneRadio.Core.Events
{
    /// <summary>One proof-of-play record. Created only when something happens, never on a quiet tick.</summary>
    public sealed class PlayEvent
    {
        /// <summary>Sequence number, increasing per station (lets the server spot gaps).</summary>
        public long Sequence;

        /// <summary>What happened.</summary>
        public PlayEventKind Kind;

        /// <summary>Why (for ends, preemptions and misses).</summary>
        public PlayReason Reason;

        /// <summary>Programme id: the schedule item id, or the command id of an immediate or emergency programme.</summary>
        public string ProgrammeId;

        /// <summary>Scheduled start of the occurrence (UTC ms), or 0 for an immediate or emergency programme.</summary>
        public long OccurrenceUtcMs;

        /// <summary>Class of the programme.</summary>
        public BroadcastClass Class;

        /// <summary>When it happened, wall clock (UTC ms); meaningful only when <see cref="ClockValid"/>.</summary>
        public long AtUtcMs;

        /// <summary>When it happened, milliseconds since boot.</summary>
        public long AtMonotonicMs;

        /// <summary>Whether the wall clock was valid at <see cref="AtUtcMs"/>.</summary>
        public bool ClockValid;
    }
}
