using CommuneRadio.Core.Relays;
using CommuneRadio.Core.Results;
using CommuneRadio.Core.Time;

namespace CommuneRadio.Core.Scheduling
{
    /// <summary>
    /// The one validation of a <see cref="ScheduleChange"/> (changes nothing): every item it brings in follows
    /// <see cref="ScheduleValidator.Validate"/>, fits the on-time guard unless it is an emergency, and — while the clock
    /// is valid — is not wholly in the past; then by kind: a new id with room for it, an existing id, or a sync that fits
    /// and has no id twice. Restored items are not checked this way: a reboot must not lose them.
    /// </summary>
    public sealed class ScheduleRules
    {
        private readonly Schedule _schedule;
        private readonly ClockTracker _clock;
        private readonly RelayLayout _layout;
        private readonly long _maxOnTimeMs;
        private readonly int _utcOffsetMinutes;

        /// <summary>Creates the rules of a station.</summary>
        public ScheduleRules(Schedule schedule, ClockTracker clock, RelayLayout layout, long maxOnTimeMs, int utcOffsetMinutes)
        {
            _schedule = schedule;
            _clock = clock;
            _layout = layout;
            _maxOnTimeMs = maxOnTimeMs;
            _utcOffsetMinutes = utcOffsetMinutes;
        }

        /// <summary>Checks <paramref name="change"/> at <paramref name="nowUtcMs"/>; an accepted change is marked checked.</summary>
        public CommandResult Check(ScheduleChange change, long nowUtcMs)
        {
            CommandResult r = CheckKind(change, nowUtcMs);
            change.Checked = r.Accepted;
            return r;
        }

        /// <summary>
        /// A non-emergency programme longer than the maximum on-time guard (3 h by default) would be cut by it every time
        /// (a 4 h item at 3 h): such a duration is refused as <c>invalid-duration</c> instead of being accepted and never
        /// played whole. Emergencies are exempt from the guard.
        /// </summary>
        private bool FitsOnTimeGuard(int durationSeconds)
        {
            return durationSeconds * 1000L <= _maxOnTimeMs;
        }

        private CommandResult CheckKind(ScheduleChange change, long nowUtcMs)
        {
            ScheduleEntry existing;
            CommandResult r;
            switch (change.Kind)
            {
                case ScheduleChangeKind.Add:
                    r = CheckNew(change.Item, nowUtcMs);
                    if (r.Accepted && _schedule.TryGet(change.Item.Id, out existing))
                    {
                        return CommandResult.Refuse(RefusalReason.DuplicateId, "id");
                    }

                    return r.Accepted && _schedule.Count == _schedule.Capacity ? CommandResult.Refuse(RefusalReason.ScheduleFull, "id") : r;
                case ScheduleChangeKind.Replace:
                    r = CheckNew(change.Item, nowUtcMs);
                    return r.Accepted && !_schedule.TryGet(change.Item.Id, out existing) ? CommandResult.Refuse(RefusalReason.UnknownId, "id") : r;
                case ScheduleChangeKind.Remove:
                    return _schedule.TryGet(change.Id, out existing) ? CommandResult.Ok : CommandResult.Refuse(RefusalReason.UnknownId, "id");
                case ScheduleChangeKind.Sync:
                    return CheckSync(change.Items, nowUtcMs);
                default:
                    return CommandResult.Refuse(RefusalReason.InvalidField, "args");
            }
        }

        private CommandResult CheckSync(ScheduleItem[] items, long nowUtcMs)
        {
            if (items == null || items.Length > _schedule.Capacity)
            {
                return CommandResult.Refuse(RefusalReason.ScheduleFull, "items");
            }

            for (int i = 0; i < items.Length; i++)
            {
                CommandResult r = CheckNew(items[i], nowUtcMs);
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

        private CommandResult CheckNew(ScheduleItem item, long nowUtcMs)
        {
            CommandResult r = ScheduleValidator.Validate(item, _layout);
            if (r.Accepted && item.Class != BroadcastClass.Emergency && !FitsOnTimeGuard(item.DurationSeconds))
            {
                return CommandResult.Refuse(RefusalReason.InvalidDuration, "duration");
            }

            return r.Accepted && _clock.Valid ? ScheduleValidator.CheckNotPast(item, nowUtcMs, _utcOffsetMinutes) : r;
        }
    }
}
