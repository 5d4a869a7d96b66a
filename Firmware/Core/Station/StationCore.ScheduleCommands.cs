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
        /// The one validation of a schedule change (<see cref="ScheduleRules"/>; changes nothing but
        /// <see cref="ScheduleChange.Checked"/>), at the Core's last observation of the time.
        /// </summary>
        public CommandResult Check(ScheduleChange change)
        {
            return _rules.Check(change, _lastMonotonicMs + _clock.BootUtcMs);
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
                    _schedule.Add(_settlement.NewEntry(change.Item.Clone(), now));
                    break;
                case ScheduleChangeKind.Replace:
                    // End the open occurrence first so its watermark is settled and carried to the new entry.
                    _arbiter.EndScheduled(change.Item.Id, now);
                    _schedule.Replace(_settlement.NewEntry(change.Item.Clone(), now));
                    break;
                case ScheduleChangeKind.Remove:
                    _arbiter.EndScheduled(change.Id, now);
                    _schedule.Remove(change.Id);
                    break;
                default:
                    ScheduleItem[] items = change.Items;
                    ScheduleEntry[] fresh = new ScheduleEntry[items.Length];
                    for (int i = 0; i < items.Length; i++)
                    {
                        fresh[i] = _settlement.NewEntry(items[i].Clone(), now);
                    }

                    _arbiter.EndAllScheduled(now);

                    _schedule.Clear();
                    for (int i = 0; i < fresh.Length; i++)
                    {
                        _schedule.Add(fresh[i]);
                    }

                    _schedule.Version = change.Version;
                    break;
            }
        }
    }
}
