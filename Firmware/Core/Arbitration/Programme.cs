using CommuneRadio.Core.Events;
using CommuneRadio.Core.Scheduling;

namespace CommuneRadio.Core.Arbitration
{
    /// <summary>
    /// Something that wants the speakers now: an open occurrence of a schedule item, an immediate
    /// programme or an emergency. Filled in when it becomes a candidate; when it is finished its table keeps the object
    /// for the next one (<see cref="ProgrammeTable.Take"/>), so hold none past its end.
    /// </summary>
    public sealed class Programme
    {
        /// <summary>Origin.</summary>
        public ProgrammeKind Kind;

        /// <summary>Schedule item id, or the command id of an immediate or emergency programme.</summary>
        public string Id;

        /// <summary>Emergency scope (e.g. "province/ha-tinh"), or null.</summary>
        public string Scope;

        /// <summary>Issuer name.</summary>
        public string Issuer;

        /// <summary>Class: first arbitration key.</summary>
        public BroadcastClass Class;

        /// <summary>Issuer level: second arbitration key.</summary>
        public IssuerLevel Level;

        /// <summary>Requested speaker lines.</summary>
        public int Lines;

        /// <summary>Requested source.</summary>
        public int Source;

        /// <summary>Scheduled: start of the occurrence (UTC ms). 0 otherwise.</summary>
        public long OccurrenceUtcMs;

        /// <summary>Scheduled: end of the window (UTC ms). 0 otherwise.</summary>
        public long EndUtcMs;

        /// <summary>Deadline on the monotonic clock; a programme never outlives it, whatever the wall clock does.</summary>
        public long EndMonotonicMs;

        /// <summary>Monotonic time it became a candidate (tie-break: first come, first served).</summary>
        public long SinceMonotonicMs;

        /// <summary>Arbitration state.</summary>
        public ProgrammeState State;

        /// <summary>True once it has really started (lines connected) at least once.</summary>
        public bool EverStarted;

        /// <summary>True while its current stint on air has been announced (Started/Resumed emitted).</summary>
        public bool Announced;

        /// <summary>Monotonic time of the current real start, for the health snapshot.</summary>
        public long OnAirSinceMonotonicMs;

        /// <summary>Why it is not playing right now (the reason reported if its window closes).</summary>
        public PlayReason WaitReason = PlayReason.Expired;

        /// <summary>Scheduled: the entry it belongs to.</summary>
        public ScheduleEntry Entry;

        /// <summary>Back to the state of a new programme (all fields cleared, <see cref="WaitReason"/> Expired).</summary>
        public void Reset()
        {
            Kind = default(ProgrammeKind);
            Id = null;
            Scope = null;
            Issuer = null;
            Class = default(BroadcastClass);
            Level = default(IssuerLevel);
            Lines = 0;
            Source = 0;
            OccurrenceUtcMs = 0;
            EndUtcMs = 0;
            EndMonotonicMs = 0;
            SinceMonotonicMs = 0;
            State = default(ProgrammeState);
            EverStarted = false;
            Announced = false;
            OnAirSinceMonotonicMs = 0;
            WaitReason = PlayReason.Expired;
            Entry = null;
        }
    }
}
