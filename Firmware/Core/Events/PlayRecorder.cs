using CommuneRadio.Core.Health;
using CommuneRadio.Core.Scheduling;
using CommuneRadio.Core.Time;

namespace CommuneRadio.Core.Events
{
    /// <summary>
    /// Writes proof of play: one event per real start, end, preemption, resumption and miss, numbered per station (the
    /// number is persisted so it never repeats), with wall and monotonic time and whether the clock was valid.
    /// </summary>
    public sealed class PlayRecorder
    {
        private readonly PlayEventQueue _events;
        private readonly ClockTracker _clock;
        private readonly Counters _counters;

        /// <summary>Creates the recorder of a station.</summary>
        public PlayRecorder(PlayEventQueue events, ClockTracker clock, Counters counters)
        {
            _events = events;
            _clock = clock;
            _counters = counters;
        }

        /// <summary>Sequence number of the last event.</summary>
        public long Sequence;

        /// <summary>Events recorded since <see cref="StartCall"/> (the Core's call).</summary>
        public int NewEvents { get; private set; }

        /// <summary>A new Core call starts: its count of new events restarts.</summary>
        public void StartCall()
        {
            NewEvents = 0;
        }

        /// <summary>Queues one event (the oldest is dropped and counted when the queue is full).</summary>
        public void Record(PlayEventKind kind, PlayReason reason, string id, long occurrenceUtcMs, BroadcastClass cls, Instant now)
        {
            PlayEvent e = new PlayEvent();
            e.Sequence = ++Sequence;
            e.Kind = kind;
            e.Reason = reason;
            e.ProgrammeId = id;
            e.OccurrenceUtcMs = occurrenceUtcMs;
            e.Class = cls;
            e.AtUtcMs = now.UtcMs;
            e.AtMonotonicMs = now.MonotonicMs;
            e.ClockValid = _clock.Valid;
            _events.Enqueue(e);
            _counters.Events++;
            NewEvents++;
        }
    }
}
