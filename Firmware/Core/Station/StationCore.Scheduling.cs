using CommuneRadio.Core.Arbitration;
using CommuneRadio.Core.Events;
using CommuneRadio.Core.Scheduling;
using CommuneRadio.Core.Time;

namespace CommuneRadio.Core.Station
{
    /// <summary>Schedule settlement: catch-up, misses and new candidates.</summary>
    public sealed partial class StationCore
    {
        /// <summary>At most this many occurrences of one item are settled per call (bounded work per tick).</summary>
        private const int SettleBudgetPerItem = 8;

        /// <summary>
        /// A stale clock may have run fast by 1 ms per this many ms since its last sync (100 ppm, 8.6 s a day: ten times
        /// what a crystal-driven clock drifts, docs/resilience.md "Time").
        /// </summary>
        private const long StaleDriftPerMs = 10000;

        /// <summary>
        /// Walks each item's occurrences after its watermark up to now. Rules (catch-up):
        /// an occurrence whose window has passed is reported missed — never played late — with the reason
        /// the station was not there (powered off, no clock, clock step); an occurrence whose window is
        /// still open becomes a candidate and plays its remainder. Once settled the watermark moves past it, so a
        /// backward clock step or a reboot can never replay it, and a forward step over many occurrences
        /// produces misses, not a burst of starts.
        /// </summary>
        private void SettleSchedule(Instant now)
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

            int offset = _settings.UtcOffsetMinutes;
            for (int i = 0; i < _schedule.Count; i++)
            {
                ScheduleEntry entry = _schedule.EntryAt(i);
                if (!entry.HasWatermark)
                {
                    SetInitialWatermark(entry, now.UtcMs);
                    _effects.ScheduleChanged = true;
                }

                if (entry.Active)
                {
                    continue;
                }

                ScheduleItem item = entry.Item;
                for (int n = 0; n < SettleBudgetPerItem; n++)
                {
                    long start;
                    if (!item.TryGetNextStart(entry.SettledUntilUtcMs, offset, out start) || start > now.UtcMs)
                    {
                        break;
                    }

                    long end = start + item.DurationSeconds * 1000L;
                    if (end <= closedBy)
                    {
                        Settle(entry, start);
                        Record(PlayEventKind.Missed, MissReasonFor(start, end, stale), item.Id, start, item.Class, now);
                        continue;
                    }

                    if (stale)
                    {
                        break;
                    }

                    // Open window: a candidate. The watermark moves only when it is settled (Finish), so a
                    // reboot in the middle of the slot plays the remainder instead of losing it.
                    if (!AddScheduled(entry, start, end, now))
                    {
                        Settle(entry, start);
                        Record(PlayEventKind.Missed, PlayReason.Preempted, item.Id, start, item.Class, now);
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
            entry.SettledUntilUtcMs = entry.Item.TryGetOccurrenceCovering(utcMs, _settings.UtcOffsetMinutes, out start) ? start - 1 : utcMs;
            entry.HasWatermark = true;
        }

        /// <summary>Moves an entry's watermark past an occurrence that has been played, missed or cut.</summary>
        private void Settle(ScheduleEntry entry, long occurrenceUtcMs)
        {
            if (occurrenceUtcMs > entry.SettledUntilUtcMs)
            {
                entry.SettledUntilUtcMs = occurrenceUtcMs;
                _effects.ScheduleChanged = true;
            }
        }

        // Why the station could not play the end of a window (docs/protocol.md §6): the clock, while valid, stepped over
        // it; the station was off until after it closed; it was running but without a valid clock when it closed (also
        // after a power cut inside the window, the station back before its end and the clock synced only after it);
        // otherwise its time simply passed (expired).
        private PlayReason MissReasonFor(long startUtcMs, long endUtcMs, bool stale)
        {
            if (_stepPending && startUtcMs > _stepFromUtcMs)
            {
                return PlayReason.ClockJump;
            }

            if (endUtcMs <= _clock.BootUtcMs)
            {
                return PlayReason.PoweredOff;
            }

            if (stale || startUtcMs < _clock.ValidSinceUtcMs)
            {
                return PlayReason.NoClock;
            }

            return PlayReason.Expired;
        }

        private bool AddScheduled(ScheduleEntry entry, long startUtcMs, long endUtcMs, Instant now)
        {
            ScheduleItem item = entry.Item;
            Programme p = new Programme();
            p.Kind = ProgrammeKind.Scheduled;
            p.Id = item.Id;
            p.Issuer = item.Issuer;
            p.Class = item.Class;
            p.Level = item.Level;
            p.Lines = item.Lines;
            p.Source = item.Source;
            p.OccurrenceUtcMs = startUtcMs;
            p.EndUtcMs = endUtcMs;
            p.EndMonotonicMs = now.MonotonicMs + (endUtcMs - now.UtcMs);
            p.SinceMonotonicMs = now.MonotonicMs;
            p.Entry = entry;
            if (!_table.Add(p))
            {
                return false;
            }

            entry.Active = true;
            return true;
        }

        /// <summary>Ends the open occurrence of an item that is removed or replaced.</summary>
        private void EndScheduledOccurrence(string id, Instant now)
        {
            int at = _table.IndexOf(id, ProgrammeKind.Scheduled);
            if (at >= 0)
            {
                Finish(at, PlayReason.Removed, now);
            }
        }

        /// <summary>The settlement watermark for a new or replacing item.</summary>
        private ScheduleEntry NewEntry(ScheduleItem item, Instant now)
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
    }
}
