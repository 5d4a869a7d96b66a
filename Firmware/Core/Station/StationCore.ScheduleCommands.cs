using CommuneRadio.Core.Arbitration;
using CommuneRadio.Core.Events;
using CommuneRadio.Core.Results;
using CommuneRadio.Core.Scheduling;
using CommuneRadio.Core.Time;

namespace CommuneRadio.Core.Station
{
    /// <summary>
    /// Schedule commands (add, replace, remove, sync) as one <see cref="ScheduleChange"/> each: checked once, then
    /// applied as checked; the protocol layer writes the change's image between the two.
    /// </summary>
    public sealed partial class StationCore
    {
        /// <summary>Adds a schedule item (refused if the id exists: use <see cref="ReplaceItem"/>).</summary>
        public CommandResult AddItem(ScheduleItem item, Instant now)
        {
            _ownChange.Add(item);
            return Apply(_ownChange, now);
        }

        /// <summary>Replaces the item with the same id; its open occurrence, if any, ends as removed.</summary>
        public CommandResult ReplaceItem(ScheduleItem item, Instant now)
        {
            _ownChange.Replace(item);
            return Apply(_ownChange, now);
        }

        /// <summary>Removes an item; its open occurrence, if any, ends as removed.</summary>
        public CommandResult RemoveItem(string id, Instant now)
        {
            _ownChange.Remove(id);
            return Apply(_ownChange, now);
        }

        /// <summary>
        /// Replaces the whole schedule with <paramref name="items"/> at <paramref name="version"/> (a server
        /// reconciling after the station was offline). All items are checked first; items that keep their id
        /// keep their watermark, so nothing that already played is played again.
        /// </summary>
        public CommandResult SyncSchedule(ScheduleItem[] items, long version, Instant now)
        {
            _ownChange.Sync(items, version);
            return Apply(_ownChange, now);
        }

        /// <summary>
        /// The one validation of a schedule change (changes nothing but <see cref="ScheduleChange.Checked"/>): the item
        /// rules, not wholly in the past while the clock is valid, and — by kind — a new id with room for it, an existing
        /// id, or a sync that fits and has no id twice.
        /// </summary>
        public CommandResult Check(ScheduleChange change)
        {
            CommandResult r = CheckChange(change);
            change.Checked = r.Accepted;
            return r;
        }

        /// <summary>
        /// Applies a change (checked now unless <see cref="Check"/> accepted it as it is). An item's open occurrence
        /// that is replaced or removed ends as removed; the schedule is to be persisted and reported.
        /// </summary>
        public CommandResult Apply(ScheduleChange change, Instant now)
        {
            bool own = Enter(now);
            CommandResult r = change.Checked ? CommandResult.Ok : Check(change);
            if (r.Accepted)
            {
                ApplyChecked(change, now);
                _effects.ScheduleChanged = true;
                HealthChanged();
            }

            change.Checked = false;
            return Leave(own, r, now);
        }

        private void ApplyChecked(ScheduleChange change, Instant now)
        {
            switch (change.Kind)
            {
                case ScheduleChangeKind.Add:
                    _schedule.Add(NewEntry(change.Item.Clone(), now));
                    break;
                case ScheduleChangeKind.Replace:
                    // End the open occurrence first so its watermark is settled and carried to the new entry.
                    EndScheduledOccurrence(change.Item.Id, now);
                    _schedule.Replace(NewEntry(change.Item.Clone(), now));
                    break;
                case ScheduleChangeKind.Remove:
                    EndScheduledOccurrence(change.Id, now);
                    _schedule.Remove(change.Id);
                    break;
                default:
                    ScheduleItem[] items = change.Items;
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

                    _schedule.Version = change.Version;
                    break;
            }
        }

        private CommandResult CheckChange(ScheduleChange change)
        {
            ScheduleEntry existing;
            switch (change.Kind)
            {
                case ScheduleChangeKind.Add:
                    CommandResult r = CheckNew(change.Item);
                    if (r.Accepted && _schedule.TryGet(change.Item.Id, out existing))
                    {
                        return CommandResult.Refuse(RefusalReason.DuplicateId, "id");
                    }

                    return r.Accepted && _schedule.Count == _schedule.Capacity ? CommandResult.Refuse(RefusalReason.ScheduleFull, "id") : r;
                case ScheduleChangeKind.Replace:
                    r = CheckNew(change.Item);
                    return r.Accepted && !_schedule.TryGet(change.Item.Id, out existing) ? CommandResult.Refuse(RefusalReason.UnknownId, "id") : r;
                case ScheduleChangeKind.Remove:
                    return _schedule.TryGet(change.Id, out existing) ? CommandResult.Ok : CommandResult.Refuse(RefusalReason.UnknownId, "id");
                case ScheduleChangeKind.Sync:
                    return CheckSync(change.Items);
                default:
                    return CommandResult.Refuse(RefusalReason.InvalidField, "args");
            }
        }

        private CommandResult CheckSync(ScheduleItem[] items)
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
