using CommuneRadio.Core.Time;

namespace CommuneRadio.Core.Scheduling
{
    /// <summary>
    /// The schedule's catch-up rules: walks each item's occurrences after its settlement watermark up to now. An
    /// occurrence whose window has passed is reported missed — never played late — with the reason the station was not
    /// there (powered off, no clock, clock step); an occurrence whose window is still open becomes a candidate and plays
    /// its remainder. Once settled the watermark moves past it, so a backward clock step or a reboot can never replay
    /// it, and a forward step over many occurrences produces misses, not a burst of starts.
    /// </summary>
    public sealed class ScheduleSettlement
    {
        /// <summary>At most this many occurrences of one item are settled per call (bounded work per tick).</summary>
        private const int SettleBudgetPerItem = 8;

        /// <summary>
        /// A stale clock may have run fast by 1 ms per this many ms since its last sync (100 ppm, 8.6 s a day: ten times
        /// what a crystal-driven clock drifts, docs/resilience.md "Time").
        /// </summary>
        private const long StaleDriftPerMs = 10000;

        private readonly Schedule _schedule;
        private readonly ClockTracker _clock;
        private readonly int _utcOffsetMinutes;
        private bool _stepPending;
        private long _stepFromUtcMs;

        /// <summary>Creates the settlement of a schedule, by a clock, at a fixed UTC offset.</summary>
        public ScheduleSettlement(Schedule schedule, ClockTracker clock, int utcOffsetMinutes)
        {
            _schedule = schedule;
            _clock = clock;
            _utcOffsetMinutes = utcOffsetMinutes;
        }

        /// <summary>The schedule or a watermark changed in this call (to be persisted); cleared by <see cref="StartCall"/>.</summary>
        public bool Changed;

        /// <summary>A new Core call starts.</summary>
        public void StartCall()
        {
            Changed = false;
        }

        /// <summary>
        /// The clock was just observed or synced. Only a step of a valid clock jumps over occurrences: the first setting
        /// of a clock that was unsynced (on the device it restarts from 1970 after a power cut) or stale is not a jump,
        /// and what it passes over is powered-off or no-clock.
        /// </summary>
        public void NoteStep(bool wasValid)
        {
            if (_clock.LastStepMs != 0 && wasValid)
            {
                _stepPending = true;
                _stepFromUtcMs = _clock.StepFromUtcMs;
            }
        }

        /// <summary>Settles every item up to <paramref name="now"/> (nothing while the clock was never set).</summary>
        public void Run(Instant now, IOccurrenceSink sink)
        {
            if (_clock.State != ClockState.Unsynced)
            {
                Walk(now, sink);
            }

            _stepPending = false;
        }

        /// <summary>Moves an entry's watermark past an occurrence that has been played, missed or cut.</summary>
        public void Settle(ScheduleEntry entry, long occurrenceUtcMs)
        {
            if (occurrenceUtcMs > entry.SettledUntilUtcMs)
            {
                entry.SettledUntilUtcMs = occurrenceUtcMs;
                Changed = true;
            }
        }

        /// <summary>The settlement watermark for a new or replacing item.</summary>
        public ScheduleEntry NewEntry(ScheduleItem item, Instant now)
        {
            ScheduleEntry previous;
            if (_schedule.TryGet(item.Id, out previous) && previous.HasWatermark)
            {
                // Replacing keeps the watermark: an occurrence that already played is not played again.
                return new ScheduleEntry(item, previous.SettledUntilUtcMs, true);
            }

            ScheduleEntry entry = new ScheduleEntry(item, 0, false);
            if (_clock.Valid)
            {
                SetInitialWatermark(entry, now.UtcMs);
            }

            return entry;
        }

        private void Walk(Instant now, IOccurrenceSink sink)
        {
            // A stale clock (synced once, not within ClockTrustMs) plays nothing, but it still tells the time within a
            // few seconds a day: each window it shows as closed is reported missed (no-clock) then, not at the next sync.
            // It must have closed by a margin of StaleDriftPerMs of the time since the last sync, so a clock running
            // fast never reports a miss for an occurrence whose window a sync would still find open (and play).
            bool stale = !_clock.Valid;
            long closedBy = now.UtcMs;
            if (stale)
            {
                closedBy -= (now.MonotonicMs - _clock.LastSyncMonotonicMs) / StaleDriftPerMs;
            }

            for (int i = 0; i < _schedule.Count; i++)
            {
                ScheduleEntry entry = _schedule.EntryAt(i);
                if (!entry.HasWatermark)
                {
                    SetInitialWatermark(entry, now.UtcMs);
                    Changed = true;
                }

                if (entry.Active)
                {
                    continue;
                }

                ScheduleItem item = entry.Item;
                for (int n = 0; n < SettleBudgetPerItem; n++)
                {
                    long start;
                    if (!item.TryGetNextStart(entry.SettledUntilUtcMs, _utcOffsetMinutes, out start) || start > now.UtcMs)
                    {
                        break;
                    }

                    long end = start + item.DurationSeconds * 1000L;
                    if (end <= closedBy)
                    {
                        Settle(entry, start);
                        sink.Missed(entry, start, CauseOf(start, end, stale), now);
                        continue;
                    }

                    if (stale)
                    {
                        break;
                    }

                    // Open window: a candidate. The watermark moves only when it is settled (ended, stopped, cut,
                    // missed), so a reboot in the middle of the slot plays the remainder instead of losing it.
                    if (sink.Open(entry, start, end, now))
                    {
                        entry.Active = true;
                    }
                    else
                    {
                        Settle(entry, start);
                        sink.Missed(entry, start, MissCause.Preempted, now);
                    }

                    break;
                }
            }
        }

        /// <summary>
        /// An item added while the clock was unknown (or restored without a watermark) gets its watermark
        /// at the first valid clock: an occurrence open at that moment still plays its remainder.
        /// </summary>
        private void SetInitialWatermark(ScheduleEntry entry, long utcMs)
        {
            long start;
            entry.SettledUntilUtcMs = entry.Item.TryGetOccurrenceCovering(utcMs, _utcOffsetMinutes, out start) ? start - 1 : utcMs;
            entry.HasWatermark = true;
        }

        // Why the station could not play the end of a window (docs/protocol.md §6): the clock, while valid, stepped over
        // it; the station was off until after it closed; it was running but without a valid clock when it closed (also
        // after a power cut inside the window, the station back before its end and the clock synced only after it);
        // otherwise its time simply passed (expired).
        private MissCause CauseOf(long startUtcMs, long endUtcMs, bool stale)
        {
            if (_stepPending && startUtcMs > _stepFromUtcMs)
            {
                return MissCause.ClockJump;
            }

            if (endUtcMs <= _clock.BootUtcMs)
            {
                return MissCause.PoweredOff;
            }

            if (stale || startUtcMs < _clock.ValidSinceUtcMs)
            {
                return MissCause.NoClock;
            }

            return MissCause.Expired;
        }
    }
}
