using CommuneRadio.Core.Arbitration;
using CommuneRadio.Core.Events;
using CommuneRadio.Core.Results;
using CommuneRadio.Core.Scheduling;
using CommuneRadio.Core.Time;

namespace CommuneRadio.Core.Station
{
    /// <summary>
    /// Schedule commands (add, replace, remove, sync) and their side-effect-free checks, used by the protocol
    /// layer to validate and persist a change before applying it.
    /// </summary>
    public sealed partial class StationCore
    {
        /// <summary>Adds a schedule item (refused if the id exists: use <see cref="ReplaceItem"/>).</summary>
        public CommandResult AddItem(ScheduleItem item, Instant now)
        {
            _effects.Clear();
            Observe(now);
            CommandResult r = CheckAdd(item);
            if (r.Accepted)
            {
                _schedule.Add(NewEntry(item.Clone(), now));
            }

            return Conclude(r, r.Accepted, now);
        }

        /// <summary>Whether <see cref="AddItem"/> would accept the item (changes nothing).</summary>
        public CommandResult CheckAdd(ScheduleItem item)
        {
            CommandResult r = CheckNew(item);
            ScheduleEntry existing;
            if (r.Accepted && _schedule.TryGet(item.Id, out existing))
            {
                r = CommandResult.Refuse(RefusalReason.DuplicateId, "id");
            }

            if (r.Accepted && _schedule.Count == _schedule.Capacity)
            {
                r = CommandResult.Refuse(RefusalReason.ScheduleFull, "id");
            }

            return r;
        }

        /// <summary>Whether <see cref="ReplaceItem"/> would accept the item (changes nothing).</summary>
        public CommandResult CheckReplace(ScheduleItem item)
        {
            CommandResult r = CheckNew(item);
            ScheduleEntry old;
            return r.Accepted && !_schedule.TryGet(item.Id, out old) ? CommandResult.Refuse(RefusalReason.UnknownId, "id") : r;
        }

        /// <summary>Whether <see cref="RemoveItem"/> would accept the id (changes nothing).</summary>
        public CommandResult CheckRemove(string id)
        {
            ScheduleEntry old;
            return _schedule.TryGet(id, out old) ? CommandResult.Ok : CommandResult.Refuse(RefusalReason.UnknownId, "id");
        }

        /// <summary>Replaces the item with the same id; its open occurrence, if any, ends as removed.</summary>
        public CommandResult ReplaceItem(ScheduleItem item, Instant now)
        {
            _effects.Clear();
            Observe(now);
            CommandResult r = CheckReplace(item);
            if (r.Accepted)
            {
                // End the open occurrence first so its watermark is settled and carried to the new entry.
                EndScheduledOccurrence(item.Id, now);
                _schedule.Replace(NewEntry(item.Clone(), now));
            }

            return Conclude(r, r.Accepted, now);
        }

        /// <summary>Removes an item; its open occurrence, if any, ends as removed.</summary>
        public CommandResult RemoveItem(string id, Instant now)
        {
            _effects.Clear();
            Observe(now);
            CommandResult r = CheckRemove(id);
            if (r.Accepted)
            {
                EndScheduledOccurrence(id, now);
                _schedule.Remove(id);
            }

            return Conclude(r, r.Accepted, now);
        }

        /// <summary>
        /// Replaces the whole schedule with <paramref name="items"/> at <paramref name="version"/> (a server
        /// reconciling after the station was offline). All items are checked first; items that keep their id
        /// keep their watermark, so nothing that already played is played again.
        /// </summary>
        public CommandResult SyncSchedule(ScheduleItem[] items, long version, Instant now)
        {
            _effects.Clear();
            Observe(now);
            CommandResult r = CheckSync(items);
            if (r.Accepted)
            {
                ScheduleEntry[] fresh = new ScheduleEntry[items.Length];
                for (int i = 0; i < items.Length; i++)
                {
                    fresh[i] = NewEntry(items[i].Clone(), now);
                }

                for (int i = _table.Count - 1; i >= 0; i--)
                {
                    if (_table.At(i).Kind == ProgrammeKind.Scheduled)
                    {
                        Finish(i, PlayReason.Removed, now);
                    }
                }

                _schedule.Clear();
                for (int i = 0; i < fresh.Length; i++)
                {
                    _schedule.Add(fresh[i]);
                }

                _schedule.Version = version;
            }

            return Conclude(r, r.Accepted, now);
        }

        /// <summary>Whether <see cref="SyncSchedule"/> would accept the items (changes nothing).</summary>
        public CommandResult CheckSync(ScheduleItem[] items)
        {
            if (items == null || items.Length > _schedule.Capacity)
            {
                return CommandResult.Refuse(RefusalReason.ScheduleFull, "items");
            }

            for (int i = 0; i < items.Length; i++)
            {
                CommandResult r = CheckNew(items[i]);
                if (!r.Accepted)
                {
                    return r;
                }

                for (int j = 0; j < i; j++)
                {
                    if (items[j].Id == items[i].Id)
                    {
                        return CommandResult.Refuse(RefusalReason.DuplicateId, "id");
                    }
                }
            }

            return CommandResult.Ok;
        }

        /// <summary>
        /// A non-emergency programme longer than the maximum on-time guard (<see cref="StationSettings.MaxOnTimeMs"/>,
        /// 3 h by default) would be cut by it every time (a 4 h item at 3 h): such a duration is refused as
        /// <c>invalid-duration</c> instead of being accepted and never played whole. Emergencies are exempt from the guard.
        /// Restored items are not checked (a reboot must not lose them; the guard still cuts them).
        /// </summary>
        private bool FitsOnTimeGuard(int durationSeconds)
        {
            return durationSeconds * 1000L <= _settings.MaxOnTimeMs;
        }

        /// <summary>
        /// The rules for an item a command brings in: <see cref="ScheduleValidator.Validate"/>, and — when the clock
        /// is valid — not wholly in the past. The time is the Core's last observation (monotonic + the clock's
        /// offset), so the check needs no argument. Restored items are not checked: a reboot must not lose them.
        /// </summary>
        private CommandResult CheckNew(ScheduleItem item)
        {
            CommandResult r = ScheduleValidator.Validate(item, _settings);
            if (r.Accepted && item.Class != BroadcastClass.Emergency && !FitsOnTimeGuard(item.DurationSeconds))
            {
                return CommandResult.Refuse(RefusalReason.InvalidDuration, "duration");
            }

            return r.Accepted && _clock.Valid ? ScheduleValidator.CheckNotPast(item, _lastMonotonicMs + _clock.BootUtcMs, _settings.UtcOffsetMinutes) : r;
        }
    }
}
